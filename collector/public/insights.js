/**
 * The /insights/ page's script. The token the reader types is kept in this variable only (no
 * cookie, no storage, never in an address): each request sends it as `Authorization: Bearer`.
 * The report arrives as server-rendered HTML (charts included) and replaces the old one; the
 * CSV buttons fetch their table the same way and hand it to the browser as a download.
 */
const form = document.getElementById('insights-form');
const field = document.getElementById('insights-token');
const error = document.getElementById('insights-error');
const report = document.getElementById('insights-report');
const strings = JSON.parse(report?.dataset.strings ?? '{}');
let token = '';

const period = () => form?.querySelector('input[name="period"]:checked')?.value ?? '30';

function showError(message) {
  if (error) error.textContent = message;
}

function revealButtons() {
  for (const button of report?.querySelectorAll('button[data-csv]') ?? []) button.hidden = false;
}

async function request(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' });
  if (response.status === 401) {
    token = '';
    showError(strings.refused);
    field?.focus();
    return null;
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    showError(strings.failed.replace('{message}', body.error?.message ?? response.statusText));
    return null;
  }
  showError('');
  return response;
}

async function load({ focus }) {
  const response = await request(`/insights/report?period=${encodeURIComponent(period())}`);
  if (!response || !report) return;
  const fragment = document.createRange().createContextualFragment(await response.text());
  report.replaceChildren(fragment);
  revealButtons();
  if (focus) report.querySelector('.showing')?.focus();
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  token = field?.value.trim() ?? '';
  if (!token) {
    showError(strings.missing);
    field?.focus();
    return;
  }
  if (field) field.value = '';
  void load({ focus: true });
});

for (const radio of form?.querySelectorAll('input[name="period"]') ?? []) {
  radio.addEventListener('change', () => {
    if (token) void load({ focus: false });
  });
}

report?.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-csv]') : null;
  if (!button || !token) return;
  const query = new URLSearchParams({ period: period() });
  if (button.dataset.simulator) query.set('simulator', button.dataset.simulator);
  const response = await request(`/api/insights/${button.dataset.csv}.csv?${query}`);
  if (!response) return;
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'insights.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

revealButtons();
