/** Plays a drill's path over the engine with a fake clock: the harness every training test uses. */
import { vi } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/simulator/index';
import { explainLastRefusal } from '../../../src/simulator/trainer';
import { playPath } from '../../../src/training/path';
import { createSession, type ChoiceOutcome, type Session } from '../../../src/training/session';
import type { Drill, PathStep } from '../../../src/training/types';
import { fakeClock, type FakeClock } from '../simulator/support';

export interface Run {
  readonly sim: Simulation;
  readonly session: Session;
  readonly clock: FakeClock;
  /** What each `choose` step got back. */
  readonly outcomes: ChoiceOutcome[];
}

/** Call inside a test with fake timers on (the app install is a 1.5 s timer). */
export function startDrill(drill: Drill, seed = `test-${drill.id}`): Run {
  const clock = fakeClock();
  const sim = createSimulation({ start: drill.start, scenario: drill.scenario, seed, clock });
  const session = createSession({ drill, clock, explain: explainLastRefusal });
  session.attach(sim);
  return { sim, session, clock, outcomes: [] };
}

export function play(run: Run, path: readonly PathStep[]): Run {
  playPath(run.sim, path, {
    wait: (ms) => {
      run.clock.advance(ms);
      vi.advanceTimersByTime(ms);
    },
    choose: (question, option) => {
      const outcome = run.session.choose(question, option);
      if (outcome) run.outcomes.push(outcome);
    },
    hint: () => void run.session.useHint(),
  });
  return run;
}

export const doneIds = (session: Session) =>
  session
    .state()
    .objectives.filter((o) => o.done)
    .map((o) => o.id);
