/**
 * Time and randomness, injected everywhere so tests and training drills control them.
 *
 * The whole simulator reads time through one `Clock` (milliseconds, like `Date.now()`), and
 * converts to otplib's seconds in exactly one place: `toOtpEpochSeconds`.
 */

/** Milliseconds since the Unix epoch, like `Date.now()`. */
export interface Clock {
  now(): number;
}

/** Source of random bytes. The default is the platform CSPRNG. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The platform CSPRNG (`crypto.getRandomValues`, in browsers and Node alike). */
export const cryptoRandom: RandomSource = {
  bytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
};

/**
 * What a seed may be: letters, digits, `-` and `_`, up to 64 characters. The same rule holds
 * for a writer's `seed` prop, a drill link's `?seed=` and saved training progress.
 */
export const SEED_PATTERN = /^[\w-]{1,64}$/;

export const isSeed = (value: unknown): value is string => typeof value === 'string' && SEED_PATTERN.test(value);

/**
 * A deterministic generator (xmur3 string hash seeding sfc32) for reproducible training drills:
 * the same seed and the same actions give the same secret and backup code. Not for real secrets.
 */
export function seededRandom(seed: string): RandomSource {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next32 = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next32(),
    b = next32(),
    c = next32(),
    d = next32();
  const sfc32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  return { bytes: (length) => Uint8Array.from({ length }, () => sfc32() & 0xff) };
}

/**
 * The ONE conversion from the simulator's milliseconds to otplib's `epoch` (whole seconds).
 * Time before 1970 or a broken clock (NaN) is clamped to 0, because otplib throws on it.
 */
export function toOtpEpochSeconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}

/**
 * "12:00:30" in UTC, like the phone's status bar; empty for a time no clock can show. (Read
 * from the date's parts: a year past 9999 or before 0 makes toISOString longer.)
 */
export function clockTime(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '';
  const date = new Date(ms);
  return [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

/**
 * A clock the learner can pause, slow down or move forward (WCAG 2.2.1 "Timing Adjustable").
 * The client area and the phone both read it, so pausing never makes a code expire unfairly.
 */
export interface SimClock extends Clock {
  readonly paused: boolean;
  readonly rate: number;
  pause(): void;
  resume(): void;
  /** 1 = real time, 0.5 = half speed. Negative or non-finite rates are ignored. */
  setRate(rate: number): void;
  /** Jump forward (or back, with a negative amount) in simulated time. */
  advance(ms: number): void;
}

export function controllableClock(base: Clock = systemClock): SimClock {
  let baseAt = base.now();
  let simAt = baseAt;
  let rate = 1;
  let paused = false;
  const now = () => (paused ? simAt : simAt + (base.now() - baseAt) * rate);
  const rebase = (newSimAt: number) => {
    simAt = newSimAt;
    baseAt = base.now();
  };
  return {
    now,
    get paused() {
      return paused;
    },
    get rate() {
      return rate;
    },
    pause: () => {
      rebase(now());
      paused = true;
    },
    resume: () => {
      rebase(now());
      paused = false;
    },
    setRate: (next) => {
      if (!Number.isFinite(next) || next < 0) return;
      rebase(now());
      rate = next;
    },
    advance: (ms) => {
      if (Number.isFinite(ms)) rebase(now() + ms);
    },
  };
}
