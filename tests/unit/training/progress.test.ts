/** Progress on this device: validated on read, kept in memory when storage is blocked or full. */
import { describe, expect, it } from 'vitest';
import {
  createProgressStore,
  parseProgress,
  PROGRESS_KEY,
  type DrillResult,
  type ProgressStorage,
} from '../../../src/training/progress';

const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    data,
    storage: {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
    } satisfies ProgressStorage,
  };
};

const RESULT: DrillResult = {
  at: 1_800_000_000_000,
  points: 85,
  firstTry: false,
  hintsUsed: 1,
  mistakes: 0,
  timeMs: 95_000,
  seed: 'abc',
};

describe('progress store', () => {
  it('saves started drills and results under one versioned key, keeping the best score', () => {
    const { storage, data } = memoryStorage();
    const store = createProgressStore(() => storage);
    store.markStarted('happy-path', 1);
    store.markStarted('happy-path', 2); // already started: unchanged
    store.recordResult('happy-path', RESULT);
    store.recordResult('happy-path', { ...RESULT, points: 40 });
    expect(store.persistent).toBe(true);
    expect(JSON.parse(data.get(PROGRESS_KEY)!)).toEqual({
      version: 1,
      drills: { 'happy-path': { startedAt: 1, best: 85, last: { ...RESULT, points: 40 } } },
    });
    expect(createProgressStore(() => storage).load()['happy-path']?.best).toBe(85);
  });

  it.each([
    [
      'the getter throws (site data blocked)',
      () => () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    ],
    ['there is no storage', () => () => null],
    [
      'getItem and setItem throw',
      () => () => ({
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      }),
    ],
    [
      'setItem throws (storage full)',
      () => () => ({
        getItem: () => null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      }),
    ],
  ])('works in memory when %s, and says so', (_, make) => {
    const store = createProgressStore(make());
    store.markStarted('happy-path', 5);
    store.recordResult('happy-path', RESULT);
    expect(store.load()['happy-path']).toEqual({ startedAt: 5, best: 85, last: RESULT });
    expect(store.persistent).toBe(false);
  });

  it.each([
    ['not JSON', '{nope'],
    [
      'another version',
      JSON.stringify({ version: 2, drills: { 'happy-path': { startedAt: 1, best: null, last: null } } }),
    ],
    ['an array', '[]'],
    ['drills not an object', JSON.stringify({ version: 1, drills: 'x' })],
  ])('discards saved data that is %s', (_, text) => {
    const { storage } = memoryStorage({ [PROGRESS_KEY]: text });
    expect(createProgressStore(() => storage).load()).toEqual({});
  });

  it('drops hand-edited or invalid entries one by one', () => {
    const drills = {
      good: { startedAt: 1, best: 50, last: null },
      'bad-best': { startedAt: 1, best: 101, last: null },
      'bad-last': { startedAt: 1, best: null, last: { ...RESULT, points: -1 } },
      'bad-seed': { startedAt: 1, best: null, last: { ...RESULT, seed: '<script>' } },
      'bad-time': { startedAt: 'yesterday', best: null, last: null },
      'Bad Id!': { startedAt: 1, best: null, last: null },
      done: { startedAt: 1, best: 85, last: RESULT },
    };
    expect(Object.keys(parseProgress(JSON.stringify({ version: 1, drills })))).toEqual(['good', 'done']);
    expect(parseProgress(null)).toEqual({});
  });

  it('overwrites invalid saved data on the next save', () => {
    const { storage, data } = memoryStorage({ [PROGRESS_KEY]: '{nope' });
    createProgressStore(() => storage).markStarted('happy-path', 3);
    expect(parseProgress(data.get(PROGRESS_KEY)!)).toEqual({ 'happy-path': { startedAt: 3, best: null, last: null } });
  });
});
