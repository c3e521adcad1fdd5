/** The dashboard's access, periods, escaping and CSV export, on a real collector. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../collector/src/insights/report';
import { startTestCollector, TEST_TOKEN, voterId, type TestCollector } from '../support/collector';

const DAY = 24 * 60 * 60 * 1000;
let clock = Date.UTC(2026, 10, 1);
let collector: TestCollector;

beforeAll(async () => {
  collector = await startTestCollector({}, () => clock);
  const vote = (article: string, helpful: boolean, extra: object = {}) =>
    collector.post('/api/feedback', { article, voter: voterId(), helpful, ...extra });
  await vote('check-invoices', false, { reason: 'other', comment: '=HYPERLINK("http://evil.example")' });
  clock += 20 * DAY; // 20 days later
  await vote('check-invoices', true);
  await vote('check-invoices', false, {
    reason: 'steps-differ',
    comment: 'The menu says "Billing", not <b>Invoices</b>'.replace(/<\/?b>/g, ''),
  });
  await vote('set-a-security-question', true);
  clock += 10 * DAY; // "now" is 30 days after the first vote, 10 after the others
});
afterAll(() => collector.close());

const get = (path: string, token?: string) =>
  fetch(`${collector.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe('access', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-the-token-0123456789'],
  ])('refuses the report, the CSV and the fragment with %s', async (_, token) => {
    for (const path of ['/api/insights/report.json', '/api/insights/articles.csv', '/insights/report']) {
      const response = await get(path, token);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /access token is not right/,
      );
    }
  });

  it('the page itself asks for the token and carries a strict CSP', async () => {
    const response = await get('/insights/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const page = await response.text();
    expect(page).toContain('<label for="insights-token">Access token</label>');
    expect(page).not.toMatch(/style="|<style|<script>/); // nothing inline for the CSP to block
    expect(page).not.toContain(TEST_TOKEN);
  });

  it('a posted form with the token shows the report (without JavaScript), with a wrong one it says so', async () => {
    const post = (token: string) =>
      fetch(`${collector.url}/insights/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, period: 'all' }),
      });
    const refused = await post('nope-nope-nope-nope');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('That access token is not right.');
    const shown = await (await post(TEST_TOKEN)).text();
    expect(shown).toContain('Showing: All time.');
    expect(shown).not.toContain(TEST_TOKEN);
  });
});

describe('the report', () => {
  const report = async (period: string) =>
    (await (await get(`/api/insights/report.json?period=${period}`, TEST_TOKEN)).json()) as Report;

  it('counts votes by period: 7 days, 30 days, all', async () => {
    const invoices = async (period: string) =>
      (await report(period)).articles.find((row) => row.slug === 'check-invoices');
    expect(await invoices('7')).toBeUndefined();
    expect(await invoices('30')).toMatchObject({ votes: 3, helpful: 1, notHelpful: 2 });
    expect(await invoices('all')).toMatchObject({ votes: 3 });
    clock += 1; // the first vote is now just over 30 days old
    expect(await invoices('30')).toMatchObject({ votes: 2, helpful: 1 });
    expect((await get('/api/insights/report.json?period=90', TEST_TOKEN)).status).toBe(400);
  });

  it('the HTML report escapes readers’ words and draws charts without inline style', async () => {
    const html = await (await get('/insights/report?period=all', TEST_TOKEN)).text();
    expect(html).toContain('The menu says &quot;Billing&quot;, not Invoices');
    expect(html).toMatch(/<svg(?=[^>]*role="img")(?=[^>]*aria-label="Bar chart: the share of helpful votes)/);
    expect(html).not.toMatch(/style="|<style/);
  });

  it('exports a table as CSV, with formulas defused', async () => {
    const response = await get('/api/insights/comments.csv?period=all', TEST_TOKEN);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="insights-comments-all.csv"');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Date (UTC),slug,Article,Reason,Comment');
    expect(lines).toContainEqual(expect.stringMatching(/,"'=HYPERLINK\(""http:\/\/evil\.example""\)"$/));
    const articles = await (await get('/api/insights/articles.csv?period=all', TEST_TOKEN)).text();
    expect(articles.split('\r\n')[0]).toBe('slug,Article,Votes,Helpful,Not helpful,Helpful ratio');
    expect(articles).toMatch(/^check-invoices,.*,3,1,2,0\.333$/m);
    expect((await get('/api/insights/nope.csv', TEST_TOKEN)).status).toBe(404);
  });
});
