/**
 * The part of "Was this answer helpful?" that talks to the feedback collector: it sends the vote
 * (and the follow-up after "No") to `<PUBLIC_FEEDBACK_URL>api/feedback`, shows the collector's
 * new count at once, and says so when the vote could not be sent. Built as a runtime bundle
 * (src/lib/runtime-bundles.ts) and fetched only when a reader votes, so readers who do not
 * vote never download it.
 */
import type { Vote, VoteStore } from './vote-store';

export type Sent = { ok: true; votes: number; helpful: number } | { ok: false; message: string | null };

/**
 * POSTs a vote to the collector (`<base>api/feedback`). `message` is the collector's reason
 * when it refused the vote, null when it could not be reached (worth trying again later).
 */
export async function sendVote(
  base: string,
  body: { article: string; voter: string; helpful: boolean; reason?: string; comment?: string },
  request: typeof fetch = fetch,
): Promise<Sent> {
  try {
    const response = await request(new URL('api/feedback', new URL(base, location.href)), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    const answer = (await response.json()) as { votes?: number; helpful?: number; error?: { message?: string } };
    if (response.ok) return { ok: true, votes: answer.votes ?? 0, helpful: answer.helpful ?? 0 };
    return { ok: false, message: response.status >= 500 ? null : (answer.error?.message ?? String(response.status)) };
  } catch {
    return { ok: false, message: null };
  }
}

const message = (data: DOMStringMap, answer: Sent & { ok: false }) =>
  answer.message === null ? (data['sendFailed'] ?? '') : (data['refused'] ?? '').replace('{message}', answer.message);

/**
 * Sends the current vote of `element` (a <helpful-vote>), with the follow-up's reason and
 * comment when given. Returns the outcome; the page's count and messages are updated here.
 */
export async function send(
  element: HTMLElement,
  store: VoteStore,
  vote: Vote,
  extra: { reason?: string; comment?: string } = {},
  request: typeof fetch = fetch,
): Promise<Sent | null> {
  const data = element.dataset;
  const saved = store.saved();
  if (!data['feedbackUrl'] || !data['article'] || !saved) return null;
  const answer = await sendVote(
    data['feedbackUrl'],
    { article: data['article'], voter: saved.voter, helpful: vote === 'yes', ...extra },
    request,
  );
  const status = element.querySelector<HTMLElement>('[data-vote-status]');
  if (answer.ok) {
    store.markSent();
    const count = element.querySelector<HTMLElement>('[data-useful-count]');
    if (count) {
      count.textContent = (data[answer.helpful === 1 ? 'countOne' : 'countOther'] ?? '').replace(
        '{count}',
        String(answer.helpful),
      );
      count.hidden = answer.helpful === 0;
    }
  } else if (status) {
    status.textContent = `${status.textContent} ${message(data, answer)}`.trim();
  }
  return answer;
}

/** The follow-up form after "No": sends its reason and comment; on failure the words stay. */
export async function sendFollowUp(element: HTMLElement, store: VoteStore, form: HTMLFormElement): Promise<void> {
  const fields = new FormData(form);
  const reason = fields.get('reason');
  const typed = fields.get('comment');
  const comment = typeof typed === 'string' ? typed.trim() : '';
  const answer = await send(element, store, 'no', {
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(comment ? { comment } : {}),
  });
  const status = element.querySelector<HTMLElement>('[data-follow-up-status]');
  if (!answer || !status) return;
  if (answer.ok) {
    form.reset();
    form.hidden = true;
    const voteStatus = element.querySelector<HTMLElement>('[data-vote-status]');
    if (voteStatus) voteStatus.textContent = element.dataset['sent'] ?? '';
  } else {
    status.textContent = message(element.dataset, answer);
  }
}
