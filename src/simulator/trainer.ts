/**
 * Extras for the trainer's "under the hood" view, kept out of `index.ts` so article pages do not
 * download them: plain-words explanations of refusals and the RFC 4226 intermediate values.
 */
import { explainRefusal, type ExplainContext } from './client-area/explain';
import type { Simulation } from './machine/simulation';

export { explainRefusal, type ExplainContext } from './client-area/explain';
export { hotpSteps, timeStepAt, type HotpSteps } from './otp/totp';

/** Why the simulation's last action was refused, in plain words; null if it was not refused. */
export function explainLastRefusal(simulation: Pick<Simulation, 'lastRefusal'>): string | null {
  const last = simulation.lastRefusal();
  return last && explainRefusal(last.refusal, last.context satisfies ExplainContext);
}
