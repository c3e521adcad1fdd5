/**
 * The moment a simulator shows before its script runs, computed at build time by the engine
 * itself: the start step's screen, the phone, the guide's first step. A fixed clock and seed
 * keep every build the same; the key, the QR and the codes are drawn as blanks (they change
 * when the simulation really starts).
 */
import { createSimulation } from '../../simulator/machine/simulation';
import { cached } from '../../lib/cached';
import type { SimulatorState } from '../../simulator/machine/changes';
import type { ScenarioId } from '../../simulator/machine/scenarios';
import type { Step } from '../../simulator/machine/steps';

/** 2026-01-01 12:00:10 UTC: any fixed moment will do. */
const BUILD_MOMENT = Date.UTC(2026, 0, 1, 12, 0, 10);

/** The same start, scenario and options always draw the same moment: once per build, shared. */
const drawn = new Map<string, SimulatorState>();

export function previewState(
  start: Step,
  scenario: ScenarioId,
  options: { seed?: string; menuOpen?: boolean } = {},
): SimulatorState {
  const key = JSON.stringify([start, scenario, options.seed ?? null, options.menuOpen === true]);
  return cached(drawn, key, () => draw(start, scenario, options));
}

function draw(start: Step, scenario: ScenarioId, options: { seed?: string; menuOpen?: boolean }): SimulatorState {
  const sim = createSimulation({
    start,
    scenario,
    seed: options.seed ?? 'preview',
    clock: { now: () => BUILD_MOMENT },
  });
  if (options.menuOpen) sim.clientArea.send({ type: 'menu.open' });
  const state = sim.state();
  sim.stop();
  return state;
}
