/** Test doubles: a clock the test moves by hand (never slept on) and fixed randomness. */
import type { Clock } from '../../../src/simulator/env';

export interface FakeClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** 2026-11-28 12:00:10 UTC: 10 s into a 30-second window. */
export const T0 = Date.UTC(2026, 10, 28, 12, 0, 10);

export function fakeClock(start = T0): FakeClock {
  let now = start;
  return {
    now: () => now,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  };
}

/** The start of the 30-second window containing `ms`. */
export const windowStart = (ms: number) => Math.floor(ms / 30_000) * 30_000;
