/**
 * Time and randomness (src/simulator/env.ts): what a drill link, a trainer's saved seed and the
 * learner's pause button rely on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clockTime,
  controllableClock,
  isSeed,
  seededRandom,
  systemClock,
  toOtpEpochSeconds,
  type Clock,
} from '../../../src/simulator/env';

afterEach(() => {
  vi.useRealTimers();
});

describe('the system clock', () => {
  it('reads the platform time in milliseconds', () => {
    vi.useFakeTimers({ now: new Date('2026-11-28T10:00:10Z') });
    expect(systemClock.now()).toBe(Date.parse('2026-11-28T10:00:10Z'));
  });
});

describe('seeds (a writer’s seed prop, a drill link’s ?seed=, saved progress)', () => {
  it.each(['a', 'e2e-caller', 'Drill_2026', 'x'.repeat(64)])('accepts %j', (seed) => {
    expect(isSeed(seed)).toBe(true);
  });
  it.each([
    ['empty', ''],
    ['65 characters', 'x'.repeat(65)],
    ['a space', 'a b'],
    ['a bad first character', '!abc'],
    ['a bad last character', 'abc!'],
    ['markup', '<b>x</b>'],
  ])('refuses %s', (_, seed) => {
    expect(isSeed(seed)).toBe(false);
  });
  it.each([123, null, undefined, ['abc'], { toString: () => 'abc' }])('refuses the non-string %j', (value) => {
    expect(isSeed(value)).toBe(false);
  });
});

describe('the seeded generator (the same drill link gives the same drill)', () => {
  it('gives the same bytes for the same seed, and others for another seed', () => {
    const first = seededRandom('e2e-caller').bytes(32);
    expect(seededRandom('e2e-caller').bytes(32)).toEqual(first);
    expect(seededRandom('e2e-callers').bytes(32)).not.toEqual(first);
    expect(seededRandom('e2e-callei').bytes(32)).not.toEqual(first);
  });

  it('keeps the bytes of links already shared: a change to the generator breaks saved drill links', () => {
    // Recorded from this generator (xmur3 + sfc32) when drill links were first shared.
    expect([...seededRandom('drill').bytes(12)]).toEqual(RECORDED);
  });

  it('looks uniform enough to make keys: every byte value turns up, no value dominates', () => {
    const bytes = seededRandom('spread').bytes(25_600);
    const counts = new Array<number>(256).fill(0);
    for (const byte of bytes) counts[byte]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(160);
  });
});
const RECORDED = [36, 100, 58, 187, 163, 190, 223, 120, 186, 84, 241, 164];

describe('milliseconds to otplib’s seconds', () => {
  it.each([
    [0, 0],
    [999, 0],
    [1_000, 1],
    [59_999, 59],
    [-5_000, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('%d ms -> %d s', (ms, seconds) => {
    expect(toOtpEpochSeconds(ms)).toBe(seconds);
  });
});

describe('the phone’s status-bar time', () => {
  it('shows hours, minutes and seconds in UTC', () => {
    expect(clockTime(Date.parse('2026-11-28T10:00:10Z'))).toBe('10:00:10');
    expect(clockTime(8.64e15)).toBe('00:00:00'); // the last moment a Date can hold (year 275760)
    expect(clockTime(-62_198_755_200_000 + 3_723_000)).toBe('01:02:03'); // in the year -1
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1, -9e15])('is empty for %d, never an error', (ms) => {
    expect(clockTime(ms)).toBe('');
  });
});

describe('the clock a learner can pause, slow and move', () => {
  const base = (): Clock & { at: number } => {
    const clock = { at: 1_000_000, now: () => clock.at };
    return clock;
  };

  it('says whether it is paused and at what rate it runs', () => {
    const clock = controllableClock(base());
    expect(clock.paused).toBe(false);
    expect(clock.rate).toBe(1);
    clock.pause();
    expect(clock.paused).toBe(true);
    clock.resume();
    expect(clock.paused).toBe(false);
    clock.setRate(0.5);
    expect(clock.rate).toBe(0.5);
  });

  it('moves forward and back by the amount asked, and ignores an amount that is not a number', () => {
    const real = base();
    const clock = controllableClock(real);
    clock.advance(5_000);
    expect(clock.now()).toBe(1_005_000);
    clock.advance(-2_000);
    expect(clock.now()).toBe(1_003_000);
    clock.advance(Number.NaN);
    clock.advance(Number.POSITIVE_INFINITY);
    expect(clock.now()).toBe(1_003_000);
    real.at += 1_000;
    expect(clock.now()).toBe(1_004_000);
  });
});
