/**
 * Documented paths through a drill: small builders for the drills (`drills/`), and `playPath`, which plays
 * one over a simulation (the unit tests do, with a fake clock). Time passing and answers are
 * delegated to the caller, who owns the clock and the session.
 */
import { DEMO_CUSTOMER, SECURITY_QUESTIONS } from '../simulator/client-area/data';
import type { ClientAreaEvent, DrillSimulation, PathEventOf, PathStep, PhoneEvent } from './types';

export const client = (event: PathEventOf<ClientAreaEvent>): PathStep => ({ do: 'client', event });
export const phone = (event: PathEventOf<PhoneEvent>): PathStep => ({ do: 'phone', event });
export const wait = (ms: number): PathStep => ({ do: 'wait', ms });
export const choose = (question: string, option: number): PathStep => ({ do: 'choose', question, option });
export const remember: PathStep = { do: 'remember' };

const { email, password, securityAnswer } = DEMO_CUSTOMER;

/** Email and password filled in (as the page does), captcha ticked unless told otherwise. */
export const logIn = (options: { captcha?: boolean; password?: string } = {}): PathStep =>
  client({ type: 'login.submit', email, password: options.password ?? password, captcha: options.captcha ?? true });

export const saveQuestion = (answer = securityAnswer, confirm = answer): PathStep =>
  client({ type: 'question.save', question: SECURITY_QUESTIONS[0] ?? '', answer, confirm });

/** Play Store -> Install -> (1.5 s) -> Open. */
export const INSTALL_APP: readonly PathStep[] = [
  phone({ type: 'phone.store.open' }),
  phone({ type: 'phone.store.install' }),
  wait(2_000),
  phone({ type: 'phone.app.open' }),
];

/** In the app: "+" -> "Scan a QR code" -> the camera reads the QR on screen. */
export const SCAN_QR: readonly PathStep[] = [
  phone({ type: 'phone.add.open' }),
  phone({ type: 'phone.add.scan' }),
  { do: 'scan' },
];

/** The code an entry shows now: the newest entry (last added) or the oldest. */
export function phoneCode(sim: DrillSimulation, which: 'newest' | 'oldest' = 'newest'): string {
  const accounts = sim.phoneView().accounts;
  return (which === 'newest' ? accounts.at(-1) : accounts[0])?.code ?? '';
}

export const enterPhoneCode = (which: 'newest' | 'oldest' = 'newest'): PathStep =>
  client((sim) => ({ type: 'enable.submit', code: phoneCode(sim, which) }));

export const loginPhoneCode = (): PathStep => client((sim) => ({ type: 'secondfactor.submit', code: phoneCode(sim) }));

/** "Login using Backup Code" with the code the customer wrote down. */
export const BACKUP_LOGIN: readonly PathStep[] = [
  client({ type: 'secondfactor.use-backup' }),
  client((sim) => ({ type: 'backup.submit', code: sim.savedBackupCode() ?? '' })),
];

/** "I have saved my backup code", then Close. */
export const SAVE_BACKUP_CODE: readonly PathStep[] = [
  client({ type: 'backup.saved', saved: true }),
  client({ type: 'backup.close' }),
];

/** "Click here to Enable", then "Time Based Tokens" and "Get Started": the window with a new key. */
export const OPEN_ENABLE_WINDOW: readonly PathStep[] = [
  client({ type: 'twofa.enable' }),
  client({ type: 'enable.get-started' }),
];

/** Disable with the password, then open the enable window again. */
export const DISABLE_THEN_ENABLE: readonly PathStep[] = [
  client({ type: 'twofa.disable' }),
  client({ type: 'disable.submit', password }),
  ...OPEN_ENABLE_WINDOW,
];

export interface PathHooks {
  /** Time passes: move the clock (and any timers, e.g. the app install) by `ms`. */
  wait(ms: number): void;
  choose(question: string, option: number): void;
  hint(): void;
}

/** Plays `steps` over `sim`. */
export function playPath(sim: DrillSimulation, steps: readonly PathStep[], hooks: PathHooks): void {
  let typed = '';
  const build = <E>(event: PathEventOf<E>): E =>
    typeof event === 'function' ? (event as (s: DrillSimulation, t: string) => E)(sim, typed) : event;
  for (const step of steps) {
    switch (step.do) {
      case 'client':
        sim.clientArea.send(build(step.event));
        break;
      case 'phone':
        sim.phone.send(build(step.event));
        break;
      case 'scan':
        sim.scanCurrentQr();
        break;
      case 'remember':
        typed = phoneCode(sim);
        break;
      case 'wait':
        hooks.wait(step.ms);
        break;
      case 'choose':
        hooks.choose(step.question, step.option);
        break;
      case 'hint':
        hooks.hint();
        break;
    }
  }
}
