/**
 * Training progress on this device: which drills were started or completed, the best score, and
 * the last result. Kept under one versioned key in an injected storage (localStorage in the
 * browser). Saved data is validated on every read and anything invalid is dropped; when storage
 * is blocked or full, progress lives in memory for this page view and `persistent` says so.
 */
import { isSeed } from '../simulator/env';

export const PROGRESS_KEY = 'help-center:training-progress:v1';
const VERSION = 1;

/** The part of `Storage` used. The getter may throw (site data blocked) or return null. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface DrillResult {
  /** When the drill was completed (ms). */
  readonly at: number;
  readonly points: number;
  readonly firstTry: boolean;
  readonly hintsUsed: number;
  readonly mistakes: number;
  readonly timeMs: number;
  /** The seed in the drill's link, so the same drill can be reopened. */
  readonly seed: string | null;
}

export interface DrillProgress {
  readonly startedAt: number;
  readonly best: number | null;
  readonly last: DrillResult | null;
}

export type Progress = Readonly<Record<string, DrillProgress>>;

export interface ProgressStore {
  /** False when storage is blocked or failed: progress lasts only while the page is open. */
  readonly persistent: boolean;
  load(): Progress;
  markStarted(drill: string, at: number): void;
  recordResult(drill: string, result: DrillResult): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isPoints = (value: unknown): value is number => isCount(value) && value <= 100;
const DRILL_ID = /^[a-z0-9-]{1,64}$/;

function toResult(value: unknown): DrillResult | null {
  if (!isObject(value)) return null;
  const { at, points, firstTry, hintsUsed, mistakes, timeMs, seed } = value;
  if (!isTime(at) || !isPoints(points) || typeof firstTry !== 'boolean' || !isCount(hintsUsed)) return null;
  if (!isCount(mistakes) || !isTime(timeMs)) return null;
  if (seed !== null && !isSeed(seed)) return null;
  return { at, points, firstTry, hintsUsed, mistakes, timeMs, seed };
}

function toProgress(value: unknown): DrillProgress | null {
  if (!isObject(value) || !isTime(value['startedAt'])) return null;
  const best = value['best'];
  if (best !== null && !isPoints(best)) return null;
  const last = value['last'] === null ? null : toResult(value['last']);
  if (value['last'] !== null && last === null) return null;
  return { startedAt: value['startedAt'], best: best, last };
}

/**
 * Reads saved progress: `{ version: 1, drills: { <id>: DrillProgress } }`. Another version, bad
 * JSON or a wrong shape gives an empty record; an invalid drill entry is dropped on its own.
 */
export function parseProgress(text: string | null): Record<string, DrillProgress> {
  if (text === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isObject(data) || data['version'] !== VERSION || !isObject(data['drills'])) return {};
  const drills: Record<string, DrillProgress> = {};
  for (const [id, entry] of Object.entries(data['drills'])) {
    const progress = DRILL_ID.test(id) ? toProgress(entry) : null;
    if (progress) drills[id] = progress;
  }
  return drills;
}

export function createProgressStore(storage: () => ProgressStorage | null): ProgressStore {
  let memory: Record<string, DrillProgress> | null = null;
  let persistent = true;

  const target = (): ProgressStorage | null => {
    try {
      return storage();
    } catch {
      return null; // e.g. a SecurityError when site data is blocked
    }
  };

  function read(): Record<string, DrillProgress> {
    if (memory) return memory;
    const store = target();
    if (!store) {
      persistent = false;
      return (memory = {});
    }
    try {
      return parseProgress(store.getItem(PROGRESS_KEY));
    } catch {
      persistent = false;
      return (memory = {});
    }
  }

  function write(drills: Record<string, DrillProgress>) {
    if (!memory) {
      try {
        const store = target();
        if (store) {
          store.setItem(PROGRESS_KEY, JSON.stringify({ version: VERSION, drills }));
          return;
        }
      } catch {
        // blocked or full: fall through and keep it in memory
      }
    }
    persistent = false;
    memory = drills;
  }

  return {
    get persistent() {
      if (memory === null) read(); // finds out whether storage works
      return persistent;
    },
    load: () => ({ ...read() }),
    markStarted(drill, at) {
      const drills = read();
      if (drills[drill]) return;
      write({ ...drills, [drill]: { startedAt: at, best: null, last: null } });
    },
    recordResult(drill, result) {
      const drills = read();
      const previous = drills[drill];
      const best = Math.max(previous?.best ?? 0, result.points);
      write({ ...drills, [drill]: { startedAt: previous?.startedAt ?? result.at, best, last: result } });
    },
  };
}
