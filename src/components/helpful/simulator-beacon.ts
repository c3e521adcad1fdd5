/**
 * Forwards what the article's simulators report (their `simulator:step`, `simulator:refusal` and
 * `simulator:complete` events) to the collector's /api/events, batched, with sendBeacon when the
 * page is hidden. Per simulator and page view: its start step and mode, each step reached (the
 * phone's screens as `phone:<screen>`), whole seconds spent on each, each refusal by its kind,
 * and whether it was completed. The events carry no typed value; neither does this. A simulator
 * that only showed its first screen (the reader did nothing with it) is not sent.
 *
 * Built as a runtime bundle (src/lib/runtime-bundles.ts) and imported by SimulatorBeacon.astro's
 * few eager bytes: only on articles with a simulator, only with a collector configured, never
 * when the reader's browser asks not to be tracked.
 */
import type { SimulatorEventDetail, SimulatorRefusalDetail } from '../../simulator/ui/simulator-element';
import { randomId } from './vote-store';

export const SIMULATOR_EVENTS = ['simulator:step', 'simulator:refusal', 'simulator:complete'] as const;
const MAX_ENTRIES = 200;
const MAX_SECONDS = 3600;

interface Session {
  id: string;
  simulator: string;
  label?: string;
  start: string;
  mode: string;
  completed: boolean;
  steps: { seq: number; step: string; seconds: number | null }[];
  refusals: { seq: number; step: string; kind: string }[];
  last: { step: string; phone: string } | null;
  /** When the current step began to count (null while the page is hidden). */
  since: number | null;
  /** Milliseconds already spent on the current step before the page was last hidden. */
  spent: number;
  changed: boolean;
}

export interface BeaconOptions {
  url: string;
  article: string;
  now?: () => number;
  send?: (url: string, body: Blob) => boolean;
  newId?: () => string;
}

export function startSimulatorBeacon(options: BeaconOptions, backlog: readonly Event[] = []) {
  const now = options.now ?? (() => performance.now());
  const send = options.send ?? ((url, body) => navigator.sendBeacon(url, body));
  const sessions = new Map<string, Session>();

  const current = (session: Session) => session.steps.at(-1);
  const timeCurrent = (session: Session) => {
    const entry = current(session);
    if (!entry) return;
    const ms = session.spent + (session.since === null ? 0 : now() - session.since);
    entry.seconds = Math.min(MAX_SECONDS, Math.round(ms / 1000));
  };
  const push = (session: Session, step: string) => {
    if (session.steps.length >= MAX_ENTRIES) return;
    timeCurrent(session);
    session.steps.push({ seq: session.steps.length, step, seconds: null });
    session.since = now();
    session.spent = 0;
  };

  function handle(event: Event) {
    const target = event.target;
    const detail = (event as CustomEvent<SimulatorEventDetail | SimulatorRefusalDetail>).detail;
    if (!(target instanceof HTMLElement) || !target.id || !detail) return;
    let session = sessions.get(target.id);
    if (!session) {
      session = {
        id: (options.newId ?? randomId)(),
        simulator: target.id,
        start: detail.start,
        mode: detail.mode,
        completed: false,
        steps: [],
        refusals: [],
        last: null,
        since: now(),
        spent: 0,
        changed: true,
      };
      const label = target.getAttribute('aria-label');
      if (label) session.label = label.slice(0, 200);
      sessions.set(target.id, session);
    }
    session.changed = true;
    if (event.type === 'simulator:step') {
      const previous = session.last;
      if (!previous || previous.step !== detail.step) push(session, detail.step);
      if (previous && previous.phone !== detail.phone) push(session, `phone:${detail.phone}`);
      session.last = { step: detail.step, phone: detail.phone };
    } else if (event.type === 'simulator:refusal' && session.refusals.length < MAX_ENTRIES) {
      session.refusals.push({
        seq: session.refusals.length,
        step: detail.step,
        kind: (detail as SimulatorRefusalDetail).kind,
      });
    } else if (event.type === 'simulator:complete') {
      session.completed = true;
    }
  }

  /** Sends every session that changed since the last flush (whole, so a resend is harmless). */
  function flush() {
    // A simulator the reader never touched shows only its first screen: not a session.
    const used = (session: Session) => session.steps.length > 1 || session.refusals.length > 0 || session.completed;
    const changed = [...sessions.values()].filter((session) => session.changed && used(session));
    if (changed.length === 0) return;
    for (const session of changed) timeCurrent(session);
    const body = JSON.stringify({
      article: options.article,
      sessions: changed.map(({ id, simulator, label, start, mode, completed, steps, refusals }) => ({
        id,
        simulator,
        ...(label ? { label } : {}),
        start,
        mode,
        completed,
        steps,
        refusals,
      })),
    });
    // text/plain: a "simple" request, which sendBeacon may send to another origin without a preflight.
    if (send(options.url, new Blob([body], { type: 'text/plain' })))
      for (const session of changed) session.changed = false;
  }

  for (const event of backlog) handle(event);
  for (const type of SIMULATOR_EVENTS) document.addEventListener(type, handle);
  document.addEventListener('visibilitychange', () => {
    for (const session of sessions.values()) {
      if (document.visibilityState === 'hidden') {
        // Time while hidden does not count: stop the clock, keep what was spent.
        if (session.since !== null) session.spent += now() - session.since;
        session.since = null;
      } else {
        session.since = now();
      }
    }
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);
  return { flush, handle };
}
