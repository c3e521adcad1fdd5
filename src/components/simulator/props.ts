/**
 * The <Simulator> and <LiveFigure> props, checked at build time: a wrong value fails the build
 * with the value received and the values allowed.
 */
import { isScenarioId, isStep, SCENARIOS, STEPS, type ScenarioId, type Step } from '../../simulator/index';
import { propError } from '../writer/validate';

export const MODES = ['practice', 'guided'] as const;
export type Mode = (typeof MODES)[number];

const list = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

export function checkStart(component: string, value: unknown): Step {
  if (value === undefined) return 'login';
  if (isStep(value)) return value;
  throw propError(component, 'start', value, `one of ${list(STEPS)}`, `<${component} start="enable" />`);
}

export function checkMode(component: string, value: unknown): Mode {
  if (value === undefined) return 'practice';
  if (typeof value === 'string' && (MODES as readonly string[]).includes(value)) return value as Mode;
  throw propError(component, 'mode', value, `one of ${list(MODES)}`, `<${component} mode="guided" />`);
}

export function checkScenario(component: string, value: unknown): ScenarioId {
  if (value === undefined) return 'default';
  if (isScenarioId(value)) return value;
  throw propError(component, 'scenario', value, `one of ${list(Object.keys(SCENARIOS))}`, `<${component} scenario="phone-clock-ahead" />`);
}

export function checkSeed(component: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^[\w-]{1,64}$/.test(value)) return value;
  throw propError(component, 'seed', value, 'letters, digits, - or _ (up to 64)', `<${component} seed="drill-1" />`);
}

let instances = 0;
/** A prefix that keeps element ids unique when a page has several simulators. */
export function nextInstanceId(prefix: string): string {
  instances += 1;
  return `${prefix}${instances}`;
}
