import { describe, expect, it, vi } from 'vitest';
import { createVoteStore, storageKey, type VoteStorage } from '../../src/components/helpful/vote-store';

function memoryStorage(initial: Record<string, string> = {}): VoteStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('helpful vote store', () => {
  it('keeps a vote per article and reads it back', () => {
    const storage = memoryStorage();
    createVoteStore({ article: 'a', storage: () => storage }).record('yes');
    expect(createVoteStore({ article: 'a', storage: () => storage }).saved()).toBe('yes');
    expect(createVoteStore({ article: 'b', storage: () => storage }).saved()).toBeNull();
  });

  it('ignores a hand-edited or foreign stored value', () => {
    const storage = memoryStorage({ [storageKey('a')]: 'maybe' });
    expect(createVoteStore({ article: 'a', storage: () => storage }).saved()).toBeNull();
  });

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
    const store = createVoteStore({ article: 'a', storage: storage });
    expect(store.record('no')).toEqual({ kept: false, sent: false });
    expect(store.saved()).toBe('no');
  });

  it('sends { article, helpful } as JSON to the configured feedback URL', async () => {
    const beacon = vi.fn((_url: string, _body: Blob) => true);
    const store = createVoteStore({
      article: 'check-invoices',
      storage: () => memoryStorage(),
      feedbackUrl: 'https://feedback.example.com/v',
      beacon,
    });
    expect(store.record('no')).toEqual({ kept: true, sent: true });
    expect(beacon).toHaveBeenCalledTimes(1);
    const [url, body] = beacon.mock.calls[0]!;
    expect(url).toBe('https://feedback.example.com/v');
    expect(body.type).toBe('application/json');
    expect(JSON.parse(await body.text())).toEqual({ article: 'check-invoices', helpful: false });
  });

  it('sends nothing when no feedback URL is configured', () => {
    const beacon = vi.fn(() => true);
    createVoteStore({ article: 'a', storage: () => memoryStorage(), beacon }).record('yes');
    expect(beacon).not.toHaveBeenCalled();
  });
});
