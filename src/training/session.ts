/**
 * A trainee's run through one drill, as pure logic over a running simulation: it subscribes to
 * the client area and the phone, writes what happens into a timeline (times from the injected
 * clock), judges the drill's objectives from the engine's state, counts mistakes, offers a hint
 * after repeated failures, records answers to choice questions and, once every objective is
 * done, computes the score. No DOM: `<training-drill>` renders it; the tests drive it directly.
 */
import type { Clock } from '../simulator/env';
import type { Drill, DrillSimulation, DrillState, TimelineEntry } from './types';

/** Failures in a row (refusals, phone refusals, wrong answers) before a hint is offered. */
export const AUTO_HINT_AFTER = 3;

export interface Score {
  /** Done without a mistake: no wrong answer, no refusal other than those the drill reproduces. */
  readonly firstTry: boolean;
  readonly hintsUsed: number;
  readonly mistakes: number;
  readonly timeMs: number;
  readonly expectedMs: number;
  /** 0-100: see `computeScore`. */
  readonly points: number;
}

export const SCORING = { perHint: 15, perMistake: 10, perMinuteOver: 5, maxTimePenalty: 30 } as const;

/**
 * 100 points, minus 15 per hint used, 10 per mistake, and 5 per started minute over the drill's
 * expected time (at most 30); never below 0.
 */
export function computeScore(input: { hintsUsed: number; mistakes: number; timeMs: number; minutes: number }): Score {
  const expectedMs = input.minutes * 60_000;
  const timeMs = Math.max(0, input.timeMs);
  const minutesOver = Math.ceil(Math.max(0, timeMs - expectedMs) / 60_000);
  const timePenalty = Math.min(SCORING.maxTimePenalty, minutesOver * SCORING.perMinuteOver);
  const points = 100 - input.hintsUsed * SCORING.perHint - input.mistakes * SCORING.perMistake - timePenalty;
  return {
    firstTry: input.mistakes === 0,
    hintsUsed: input.hintsUsed,
    mistakes: input.mistakes,
    timeMs,
    expectedMs,
    points: Math.max(0, Math.min(100, points)),
  };
}

export interface ChoiceOutcome {
  readonly correct: boolean;
  readonly explanation: string;
}

export interface SessionState {
  /** When the first simulation was attached (ms, injected clock), or null before. */
  readonly startedAt: number | null;
  readonly timeline: readonly TimelineEntry[];
  readonly objectives: ReadonlyArray<{ readonly id: string; readonly text: string; readonly done: boolean }>;
  readonly hintsUsed: number;
  /** A hint is offered after repeated failures, until the trainee takes one. */
  readonly hintOffered: boolean;
  readonly mistakes: number;
  /** The last option checked per question. */
  readonly answers: Readonly<Record<string, { readonly option: number; readonly correct: boolean }>>;
  /** Set once every objective is done; the session stops recording then. */
  readonly score: Score | null;
}

export interface SessionOptions {
  readonly drill: Drill;
  readonly clock: Clock;
  /** Why the simulation's last action was refused, in plain words (`explainLastRefusal`). */
  readonly explain?: (sim: DrillSimulation) => string | null;
  readonly autoHintAfter?: number;
}

export interface Session {
  /** Starts watching a simulation: the first one, or a fresh one after "Start over". */
  attach(sim: DrillSimulation): void;
  /** The trainee checks an option of a choice question. Null for an unknown question or option. */
  choose(questionId: string, option: number): ChoiceOutcome | null;
  /** Reveals the next hint; null when none are left (or the drill is done). */
  useHint(): { readonly index: number; readonly text: string } | null;
  state(): SessionState;
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Stops watching the simulation. */
  detach(): void;
}

const accountName = (a: { issuer: string; accountName: string }) =>
  a.issuer === '' ? a.accountName : `${a.issuer}: ${a.accountName}`;

export function createSession(options: SessionOptions): Session {
  const { drill, clock, explain } = options;
  const autoHintAfter = options.autoHintAfter ?? AUTO_HINT_AFTER;
  const timeline: TimelineEntry[] = [];
  const listeners = new Set<(state: SessionState) => void>();
  const answers: Record<string, { option: number; correct: boolean }> = {};
  let sim: DrillSimulation | null = null;
  let unsubscribe: Array<() => void> = [];
  let startedAt: number | null = null;
  /** Where the current attempt's timeline begins (after the last "Start over"). */
  let attemptFrom = 0;
  let done = new Set<string>();
  let hintsUsed = 0;
  let hintOffered = false;
  let failuresSinceHint = 0;
  let mistakes = 0;
  let score: Score | null = null;
  /** Refusal kinds of the drill's `expectedRefusals` already seen in this attempt. */
  let reproduced = new Set<string>();

  // What the watched simulation looked like at the last change, to tell what is new.
  let lastResult: number | null = null;
  let lastScreen = '';
  let installed = false;
  let accounts: ReadonlyArray<{ id: string; issuer: string; accountName: string }> = [];
  let clockOffset = 0;
  let phoneError: string | null = null;

  const push = (entry: TimelineEntry) => void timeline.push(entry);
  const now = () => clock.now();

  function failure(counts: boolean) {
    if (counts) mistakes += 1;
    failuresSinceHint += 1;
    if (failuresSinceHint >= autoHintAfter && !hintOffered && hintsUsed < drill.hints.length) {
      hintOffered = true;
      push({ at: now(), type: 'hint-offered' });
    }
  }

  function drillState(current: DrillSimulation): DrillState {
    const events = timeline.filter((entry, index) => index >= attemptFrom || entry.type === 'choice');
    return { view: current.view(), phone: current.phoneView(), server: current.server(), events };
  }

  function judge() {
    if (score || !sim) return;
    const state = drillState(sim);
    for (const objective of drill.objectives) {
      if (done.has(objective.id) || !objective.done(state)) continue;
      done.add(objective.id);
      push({ at: now(), type: 'objective', id: objective.id });
    }
    if (drill.objectives.every((objective) => done.has(objective.id))) {
      const at = now();
      push({ at, type: 'complete' });
      score = computeScore({ hintsUsed, mistakes, timeMs: at - (startedAt ?? at), minutes: drill.minutes });
      detach();
    }
  }

  function onClientArea() {
    if (!sim || score) return;
    const view = sim.view();
    const last = view.result;
    if (last !== null && last.id !== lastResult) {
      lastResult = last.id;
      if (last.ok) push({ at: now(), type: 'result', kind: last.kind });
      else {
        // Reproducing the customer's problem once is part of the drill; the same refusal again is not.
        const expected = drill.expectedRefusals.includes(last.kind) && !reproduced.has(last.kind);
        reproduced.add(last.kind);
        push({
          at: now(),
          type: 'refusal',
          kind: last.kind,
          message: last.message,
          explanation: explain ? explain(sim) : null,
          expected,
        });
        if (!expected) failure(true);
      }
    }
    const { screen } = view;
    if (screen !== lastScreen) {
      lastScreen = screen;
      push({ at: now(), type: 'screen', screen });
    }
    changed();
  }

  function onPhone() {
    if (!sim || score) return;
    const phone = sim.phoneView();
    const at = now();
    if (phone.installed && !installed) push({ at, type: 'installed' });
    installed = phone.installed;
    const ids = new Set(phone.accounts.map((a) => a.id));
    for (const gone of accounts.filter((a) => !ids.has(a.id)))
      push({ at, type: 'account-removed', name: accountName(gone) });
    const known = new Set(accounts.map((a) => a.id));
    for (const added of phone.accounts.filter((a) => !known.has(a.id)))
      push({ at, type: 'account-added', name: accountName(added) });
    accounts = phone.accounts;
    if (phone.clockOffsetMs !== clockOffset) push({ at, type: 'phone-clock', offsetMs: phone.clockOffsetMs });
    clockOffset = phone.clockOffsetMs;
    if (phone.error !== null && phone.error !== phoneError) {
      push({ at, type: 'phone-refusal', message: phone.error });
      failure(true);
    }
    phoneError = phone.error;
    changed();
  }

  function changed() {
    judge();
    const state = snapshot();
    for (const listener of listeners) listener(state);
  }

  function detach() {
    for (const stop of unsubscribe) stop();
    unsubscribe = [];
  }

  function snapshot(): SessionState {
    return {
      startedAt,
      timeline: [...timeline],
      objectives: drill.objectives.map(({ id, text }) => ({ id, text, done: done.has(id) })),
      hintsUsed,
      hintOffered,
      mistakes,
      answers: { ...answers },
      score,
    };
  }

  return {
    attach(next) {
      detach();
      if (score) return; // a finished drill stays finished; its summary does not change
      const at = now();
      if (startedAt === null) {
        startedAt = at;
        push({ at, type: 'start' });
      } else {
        attemptFrom = timeline.length;
        push({ at, type: 'restart' });
        done = new Set(); // judged again on the fresh simulation (answers still count)
        reproduced = new Set();
      }
      sim = next;
      // The starting point is not something the trainee did: remember it without recording it.
      lastResult = next.view().result?.id ?? null;
      lastScreen = next.view().screen;
      const phone = next.phoneView();
      installed = phone.installed;
      accounts = phone.accounts;
      clockOffset = phone.clockOffsetMs;
      phoneError = phone.error;
      const a = next.clientArea.subscribe(onClientArea);
      const b = next.phone.subscribe(onPhone);
      unsubscribe = [() => a.unsubscribe(), () => b.unsubscribe()];
      changed();
    },
    choose(questionId, option) {
      const question = drill.choices.find((q) => q.id === questionId);
      const picked = question?.options[option];
      if (!picked) return null;
      if (!score) {
        answers[questionId] = { option, correct: picked.correct };
        push({ at: now(), type: 'choice', question: questionId, option, correct: picked.correct });
        if (!picked.correct) failure(true);
        changed();
      }
      return { correct: picked.correct, explanation: picked.explanation };
    },
    useHint() {
      if (score || hintsUsed >= drill.hints.length) return null;
      const index = hintsUsed;
      hintsUsed += 1;
      hintOffered = false;
      failuresSinceHint = 0;
      push({ at: now(), type: 'hint', index });
      changed();
      return { index, text: drill.hints[index] ?? '' };
    },
    state: snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    detach,
  };
}
