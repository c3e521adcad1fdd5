import { describe, expect, it, vi } from 'vitest';
import {
  asksNotToTrack,
  createVoteStore,
  randomId,
  storageKey,
  type VoteStorage,
} from '../../src/components/helpful/vote-store';
import { sendVote } from '../../src/components/helpful/vote-sender';

function memoryStorage(initial: Record<string, string> = {}): VoteStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

let ids = 0;
const newId = () => `voter${String(++ids).padStart(12, '0')}`;

describe('helpful vote store', () => {
  it('keeps a vote per article, with one random id per article, and reads it back', () => {
    const storage = memoryStorage();
    createVoteStore({ article: 'a', storage: () => storage, newId }).record('yes');
    createVoteStore({ article: 'b', storage: () => storage, newId }).record('no');
    const a = createVoteStore({ article: 'a', storage: () => storage }).saved();
    const b = createVoteStore({ article: 'b', storage: () => storage }).saved();
    expect(a).toMatchObject({ vote: 'yes', sent: false });
    expect(b).toMatchObject({ vote: 'no', sent: false });
    expect(a!.voter).not.toBe(b!.voter); // nothing links one article's vote to another's
    expect(createVoteStore({ article: 'c', storage: () => storage }).saved()).toBeNull();
  });

  it('a changed vote keeps its id, so the collector counts it once', () => {
    const storage = memoryStorage();
    const store = createVoteStore({ article: 'a', storage: () => storage, newId });
    const first = store.record('yes').saved.voter;
    expect(createVoteStore({ article: 'a', storage: () => storage, newId }).record('no').saved.voter).toBe(first);
  });

  it('remembers that the collector has the vote, until the vote changes', () => {
    const storage = memoryStorage();
    const store = createVoteStore({ article: 'a', storage: () => storage, newId });
    store.record('yes');
    store.markSent();
    expect(createVoteStore({ article: 'a', storage: () => storage }).saved()?.sent).toBe(true);
    store.record('no');
    expect(createVoteStore({ article: 'a', storage: () => storage }).saved()?.sent).toBe(false);
  });

  it.each([['maybe'], ['{"vote":"maybe","voter":"voter000000000001"}'], ['{"vote":"yes","voter":"x"}'], ['{not json']])(
    'ignores a hand-edited or foreign stored value: %s',
    (value) => {
      const storage = memoryStorage({ [storageKey('a')]: value });
      expect(createVoteStore({ article: 'a', storage: () => storage }).saved()).toBeNull();
    },
  );

  it.each([
    [
      'storage access throws',
      () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    ],
    [
      'storage is full',
      () => ({
        getItem: () => null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      }),
    ],
    ['no storage at all', () => null],
  ])('when %s the vote counts for this page view and says it was not kept', (_, storage) => {
    const store = createVoteStore({ article: 'a', storage, newId });
    expect(store.record('no').kept).toBe(false);
    expect(store.saved()?.vote).toBe('no');
  });

  it('makes 128-bit hex ids from the random source', () => {
    expect(randomId(() => new Uint8Array(16).fill(171))).toBe('ab'.repeat(16));
    expect(randomId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    [{ globalPrivacyControl: true }, {}, true],
    [{ doNotTrack: '1' }, {}, true],
    [{}, { doNotTrack: '1' }, true],
    [{ doNotTrack: '0', globalPrivacyControl: false }, {}, false],
    [{}, {}, false],
  ])('Global Privacy Control / Do Not Track %o %o: asks not to track = %s', (nav, win, expected) => {
    expect(asksNotToTrack(nav as Navigator, win)).toBe(expected);
  });
});

describe('sending a vote', () => {
  vi.stubGlobal('location', { href: 'https://help.example.com/articles/check-invoices/' });

  it('posts { article, voter, helpful } as JSON to <collector>api/feedback and returns the new totals', async () => {
    const request = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response(JSON.stringify({ ok: true, votes: 4, helpful: 3 }), { status: 200 })),
    );
    const answer = await sendVote(
      'https://feedback.example.com/collector/',
      { article: 'check-invoices', voter: 'voter000000000001', helpful: true },
      request,
    );
    expect(answer).toEqual({ ok: true, votes: 4, helpful: 3 });
    const [url, init] = request.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe('https://feedback.example.com/collector/api/feedback');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('omit');
    expect(JSON.parse(init.body as string)).toEqual({
      article: 'check-invoices',
      voter: 'voter000000000001',
      helpful: true,
    });
  });

  it('"/" sends to the site’s own origin', async () => {
    const request = vi.fn<typeof fetch>(() => Promise.resolve(new Response('{"votes":1,"helpful":1}')));
    await sendVote('/', { article: 'a', voter: 'voter000000000001', helpful: true }, request);
    expect(String((request.mock.calls[0] as unknown as [URL])[0])).toBe('https://help.example.com/api/feedback');
  });

  it('returns the collector’s message when it refuses, and null when it cannot be reached', async () => {
    const refused = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response('{"error":{"message":"comment must be plain text"}}', { status: 400 })),
    );
    const down = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    const body = { article: 'a', voter: 'voter000000000001', helpful: false };
    expect(await sendVote('/', body, refused)).toEqual({
      ok: false,
      message: 'comment must be plain text',
    });
    expect(await sendVote('/', body, down)).toEqual({ ok: false, message: null });
  });
});
