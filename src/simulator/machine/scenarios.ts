/**
 * Named presets for articles and training drills: the host's settings and the phone's situation.
 * `steps.ts` turns a scenario plus a start step into the server's and the phone's state.
 */
import type { Settings } from '../client-area/data';
import type { Step } from './steps';

export const GOOGLE_ACCOUNT_A = 'alex.phone@example.com';
export const GOOGLE_ACCOUNT_B = 'alex.other@example.org';

export interface ScenarioPhone {
  readonly clockOffsetMs?: number;
  /** `none`: the phone has no entry for the client area even when 2FA is on. */
  readonly entry?: 'auto' | 'none';
  /** An older look-alike "Example Hosting" entry from a previous enrollment. */
  readonly staleEntry?: boolean;
  /** The customer's phone is new: the old one synced to account A; this one signs in to `google`. */
  readonly newPhoneGoogle?: string;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly settings: Partial<Settings>;
  readonly phone: ScenarioPhone;
  /** The step the scenario makes sense from, used when no `start` is given. */
  readonly start?: Step;
}

const define = <const T extends Record<string, Omit<Scenario, 'id'>>>(table: T) =>
  Object.fromEntries(Object.entries(table).map(([id, scenario]) => [id, { id, ...scenario }])) as {
    readonly [K in keyof T]: Scenario & { readonly id: K };
  };

export const SCENARIOS = define({
  default: {
    title: 'Standard setup',
    description: 'Captcha on, security question required, phone clock right.',
    settings: {},
    phone: {},
  },
  'phone-clock-ahead': {
    title: 'Phone’s clock is 75 seconds ahead',
    description: 'The phone shows codes of a future window; the client area refuses them.',
    settings: {},
    phone: { clockOffsetMs: 75_000 },
    start: 'enable',
  },
  'phone-clock-behind': {
    title: 'Phone’s clock is 75 seconds behind',
    description: 'The phone shows codes the client area considers expired.',
    settings: {},
    phone: { clockOffsetMs: -75_000 },
    start: 'enable',
  },
  'no-security-question-required': {
    title: 'No security question required',
    description: '2FA can be enabled without setting a security question first.',
    settings: { requireSecurityQuestion: false },
    phone: {},
  },
  'no-captcha': {
    title: 'No captcha on the login form',
    description: "The login form has no “I'm not a robot” box.",
    settings: { captcha: false },
    phone: {},
  },
  'lost-phone': {
    title: 'Lost phone',
    description: '2FA is on, the phone has no entry, and the customer kept the backup code.',
    settings: {},
    phone: { entry: 'none' },
    start: 'login-2fa',
  },
  'new-phone-same-google': {
    title: 'New phone, same Google account',
    description: 'The old phone synced to Google account A; the new phone signs in to A and gets the codes back.',
    settings: {},
    phone: { newPhoneGoogle: GOOGLE_ACCOUNT_A },
    start: 'login-2fa',
  },
  'new-phone-other-google': {
    title: 'New phone, another Google account',
    description: 'The old phone synced to Google account A; the new phone signs in to B: no codes come back.',
    settings: {},
    phone: { newPhoneGoogle: GOOGLE_ACCOUNT_B },
    start: 'login-2fa',
  },
  'stale-entry': {
    title: 'Old entry left on the phone',
    description: 'The phone still has a look-alike “Example Hosting” entry from an earlier setup; its codes fail.',
    settings: {},
    phone: { staleEntry: true },
    start: 'enable',
  },
});

export type ScenarioId = keyof typeof SCENARIOS;

export const isScenarioId = (value: unknown): value is ScenarioId =>
  typeof value === 'string' && Object.hasOwn(SCENARIOS, value);
