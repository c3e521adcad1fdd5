/**
 * The named start steps (`<Simulator start="...">`) and the state each one needs. The state is
 * built by running the client area's own rules (log in, set the question, enroll...), so a start
 * step can never be in a state the real flow could not reach.
 */
import type { RandomSource } from '../env';
import { keyBytes, type Customer, type Settings } from '../client-area/data';
import {
  beginEnrollment,
  confirmEnrollment,
  initialServerState,
  login,
  setSecurityQuestion,
  signOut,
  type Outcome,
  type ServerEnv,
  type ServerState,
} from '../client-area/server';
import { encodeBase32 } from '../otp/base32';
import { generateCode } from '../otp/totp';
import { addAccount, EMPTY_PHONE, type PhoneState, type SyncStore } from '../phone/phone';
import type { PhoneStep } from '../phone/phone-machine';
import { GOOGLE_ACCOUNT_A, type Scenario } from './scenarios';

export const STEPS = [
  'login',
  'security-question',
  'security-settings',
  'enable',
  'backup-code',
  'login-2fa',
  'backup-login',
  'disable',
] as const;

export type Step = (typeof STEPS)[number];

export const isStep = (value: unknown): value is Step =>
  typeof value === 'string' && (STEPS as readonly string[]).includes(value);

export interface StepSetup {
  readonly server: ServerState;
  /** The backup code on screen (the `backup-code` step only). */
  readonly shownBackupCode: string | null;
  /** The backup code the customer wrote down, once 2FA has been enabled. */
  readonly backupCode: string | null;
}

/** Earlier actions of a start step happened five minutes ago, so the current code is still unused. */
const EARLIER_MS = 5 * 60_000;

function must(step: Step, outcome: Outcome): ServerState {
  if (!outcome.result.ok) throw new Error(`Cannot prepare start step "${step}": ${outcome.result.message}`);
  return outcome.state;
}

export function prepareStep(step: Step, env: ServerEnv, settings: Partial<Settings>, customer: Customer): StepSetup {
  const earlier: ServerEnv = { ...env, clock: { now: () => env.clock.now() - EARLIER_MS } };
  const none = { shownBackupCode: null, backupCode: null };
  let server = initialServerState(settings, customer);
  if (step === 'login') return { server, ...none };
  server = must(step, login(server, earlier, customer.email, customer.password, true));
  if (step === 'security-question') return { server, ...none };
  const answer = customer.securityAnswer;
  const question = { question: customer.securityQuestion, answer, confirm: answer };
  server = must(step, setSecurityQuestion(server, earlier, question));
  if (step === 'security-settings') return { server, ...none };
  server = must(step, beginEnrollment(server, env));
  if (step === 'enable') return { server, ...none };
  const code = generateCode(server.pending?.secret ?? '', earlier.clock.now());
  const enabled = confirmEnrollment(server, earlier, code);
  server = must(step, enabled);
  const backupCode = enabled.result.ok ? (enabled.result.backupCode ?? null) : null;
  if (step === 'backup-code') return { server, shownBackupCode: backupCode, backupCode };
  if (step === 'disable') return { server, shownBackupCode: null, backupCode };
  server = must(step, signOut(server));
  if (step === 'backup-login') server = must(step, login(server, env, customer.email, customer.password, true));
  return { server, shownBackupCode: null, backupCode };
}

export interface PhoneSetup {
  readonly phone: PhoneState;
  readonly start: PhoneStep;
}

const BEFORE_ENABLING: readonly Step[] = ['login', 'security-question', 'security-settings'];

/**
 * The phone a step and scenario imply. Before the enable window the app is not installed yet;
 * from it on the app is open, and once 2FA is on it holds the account's entry.
 */
export function preparePhone(
  step: Step,
  scenario: Scenario,
  setup: StepSetup,
  random: RandomSource,
  sync: SyncStore,
): PhoneSetup {
  const { customer, twoFactor } = setup.server;
  const label = { issuer: customer.company, accountName: customer.email };
  let phone: PhoneState = { ...EMPTY_PHONE, clockOffsetMs: scenario.phone.clockOffsetMs ?? 0 };
  const add = (secret: string) => {
    const added = addAccount(phone, { ...label, secret });
    if (added.ok) phone = added.state;
  };
  if (scenario.phone.staleEntry) add(encodeBase32(random.bytes(keyBytes(setup.server.settings))));
  if (twoFactor && scenario.phone.entry !== 'none') add(twoFactor.secret);
  if (scenario.phone.newPhoneGoogle !== undefined) {
    // The old phone backed its entries up to account A; this new phone has only the Google sign-in.
    sync.save(GOOGLE_ACCOUNT_A, phone.accounts);
    return {
      phone: { ...EMPTY_PHONE, clockOffsetMs: phone.clockOffsetMs, google: scenario.phone.newPhoneGoogle },
      start: 'home',
    };
  }
  if (BEFORE_ENABLING.includes(step) && phone.accounts.length === 0) return { phone, start: 'home' };
  return { phone: { ...phone, installed: true }, start: 'app' };
}
