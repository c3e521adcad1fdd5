/**
 * "Under the hood", for trainers: what the simulated server sees at this moment. A pure
 * function of the simulation and the session's timeline; `<training-drill>` renders it once a
 * second while the panel is open.
 */
import { groupInFours } from '../simulator/otp/base32';
import { PERIOD_MS } from '../simulator/otp/totp';
import { explainLastRefusal } from '../simulator/trainer';
import type { Simulation } from '../simulator/machine/simulation';
import type { Screen, TimelineEntry } from './types';

export { clockTime } from '../simulator/env';

export interface HoodWindow {
  /** Relative to the current window: -1, 0, +1 (with the default tolerance). */
  readonly delta: number;
  readonly fromMs: number;
  /** The last millisecond of the window. */
  readonly toMs: number;
}

export type BackupState =
  | { readonly state: 'none' }
  | { readonly state: 'unused'; readonly code: string | null }
  /** Used to log in once, so the client area replaced it: `code` is the new one. */
  | { readonly state: 'used'; readonly code: string | null };

export interface HoodView {
  readonly now: number;
  readonly screen: Screen;
  /** The machine's state value as a path: "signedIn.securitySettings.enable". */
  readonly machineState: string;
  /** The key being set up (the enable window is open) or in use; grouped in fours. */
  readonly secret: { readonly grouped: string; readonly source: 'pending' | 'enabled' } | null;
  readonly expectedCode: string | null;
  readonly windows: readonly HoodWindow[];
  readonly phoneOffsetMs: number;
  readonly backup: BackupState;
  /** The last refusal's reason in plain words, or null if the last action was not refused. */
  readonly lastRefusal: string | null;
}

/** An XState state value as a dotted path. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? ['', ''];
  const rest = statePath(child);
  return rest === '' ? key : `${key}.${rest}`;
}

/** The windows the server accepts now: current ± `tolerance` steps of 30 s. */
export function acceptedWindows(nowMs: number, tolerance: number): HoodWindow[] {
  const current = Math.floor(nowMs / PERIOD_MS);
  const windows: HoodWindow[] = [];
  for (let delta = -tolerance; delta <= tolerance; delta++) {
    const fromMs = (current + delta) * PERIOD_MS;
    windows.push({ delta, fromMs, toMs: fromMs + PERIOD_MS - 1 });
  }
  return windows;
}

type HoodSimulation = Pick<
  Simulation,
  'clock' | 'clientArea' | 'view' | 'server' | 'phoneView' | 'expectedCodeNow' | 'savedBackupCode' | 'lastRefusal'
>;

export function underTheHood(sim: HoodSimulation, events: readonly TimelineEntry[]): HoodView {
  const now = sim.clock.now();
  const server = sim.server();
  const secret = server.pending
    ? { grouped: groupInFours(server.pending.secret), source: 'pending' as const }
    : server.twoFactor
      ? { grouped: groupInFours(server.twoFactor.secret), source: 'enabled' as const }
      : null;
  const saved = sim.savedBackupCode();
  const code = saved === null ? null : groupInFours(saved);
  // The server keeps only a hash; whether the code was used shows in what happened since the
  // last enabling: a backup-code login replaces it.
  const sinceEnabled = events.slice(events.findLastIndex((e) => e.type === 'result' && e.kind === 'enabled') + 1);
  const used = sinceEnabled.some((e) => e.type === 'result' && e.kind === 'backup-login');
  return {
    now,
    screen: sim.view().screen,
    machineState: statePath(sim.clientArea.getSnapshot().value),
    secret,
    expectedCode: sim.expectedCodeNow(),
    windows: acceptedWindows(now, server.settings.window),
    phoneOffsetMs: sim.phoneView().clockOffsetMs,
    backup: server.twoFactor === null ? { state: 'none' } : { state: used ? 'used' : 'unused', code },
    lastRefusal: explainLastRefusal(sim),
  };
}
