/**
 * The <Simulator> and <LiveFigure> props, checked at build time: a wrong value fails the build
 * with the value received and the values allowed.
 */
import { isScenarioId, isStep, SCENARIOS, STEPS, type ScenarioId, type Step } from '../../simulator/index';
import { isSeed } from '../../simulator/env';
import { guideFor, type GuideStepId, type Target } from '../../simulator/machine/guide';
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
  throw propError(
    component,
    'scenario',
    value,
    `one of ${list(Object.keys(SCENARIOS))}`,
    `<${component} scenario="phone-clock-ahead" />`,
  );
}

export function checkSeed(component: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (isSeed(value)) return value;
  throw propError(component, 'seed', value, 'letters, digits, - or _ (up to 64)', `<${component} seed="drill-1" />`);
}

/** The guided steps done on the phone, and the start screens that ask for its code at once. */
const PHONE_STEPS: readonly GuideStepId[] = ['install', 'scan', 'code', 'secondFactor'];
const PHONE_STARTS: readonly Step[] = ['enable', 'login-2fa'];

/** `phone={false}` leaves the phone out; refused where the reader would need it. */
export function checkPhone(component: string, value: unknown, start: Step, mode: Mode): boolean {
  if (value === undefined || value === true) return true;
  if (value !== false)
    throw propError(component, 'phone', value, 'true or false, in braces', `<${component} phone={false} />`);
  const needed = PHONE_STARTS.includes(start)
    ? `start="${start}" shows a screen that asks for the phone's code`
    : mode === 'guided' && guideFor(start).some((step) => PHONE_STEPS.includes(step))
      ? `the guided steps from start="${start}" use the phone`
      : null;
  if (needed)
    throw propError(
      component,
      'phone',
      value,
      `left out here (${needed})`,
      `<${component} start="login" phone={false} />`,
    );
  return false;
}

let instances = 0;
/** A prefix that keeps element ids unique when a page has several simulators. */
export function nextInstanceId(prefix: string): string {
  instances += 1;
  return `${prefix}${instances}`;
}

/**
 * The controls a live figure can number: the targets (`TARGETS`, the guide's list) that its
 * screens show, in the order the numbers are given.
 */
export const FIGURE_TARGETS = [
  'captcha',
  'login-submit',
  'menu',
  'security-settings-item',
  'twofa-card',
  'enable-open',
  'qr',
  'key',
  'enable-code',
  'enable-submit',
] as const satisfies readonly Target[];
export type FigureTarget = (typeof FIGURE_TARGETS)[number];

export const FIGURE_SCREENS = ['login', 'security-settings', 'enable'] as const;
export type FigureScreen = (typeof FIGURE_SCREENS)[number];

export function checkFigureScreen(value: unknown): FigureScreen {
  if (typeof value === 'string' && (FIGURE_SCREENS as readonly string[]).includes(value)) return value as FigureScreen;
  throw propError(
    'LiveFigure',
    'screen',
    value,
    `one of ${list(FIGURE_SCREENS)}`,
    '<LiveFigure screen="security-settings" markers={["menu", "enable-open"]} caption="…" />',
  );
}

/** `["menu", "enable-open"]` -> { menu: 1, "enable-open": 2 }. */
export function checkMarkers(value: unknown): Partial<Record<FigureTarget, number>> {
  const example =
    '<LiveFigure screen="security-settings" markers={["menu", "twofa-card", "enable-open"]} caption="…" />';
  if (value === undefined) return {};
  if (!Array.isArray(value))
    throw propError('LiveFigure', 'markers', value, `a list in braces of ${list(FIGURE_TARGETS)}`, example);
  const markers: Partial<Record<FigureTarget, number>> = {};
  value.forEach((target: unknown, index) => {
    if (typeof target !== 'string' || !(FIGURE_TARGETS as readonly string[]).includes(target)) {
      throw propError('LiveFigure', `markers[${index}]`, target, `one of ${list(FIGURE_TARGETS)}`, example);
    }
    markers[target as FigureTarget] = index + 1;
  });
  return markers;
}
