/**
 * The client-area flow as an XState 5 machine: signed out -> login (captcha) -> second factor
 * (code | backup code) -> signed in -> security question (when required) -> Security Settings ->
 * "Enable Two-Factor Authentication" window -> backup code shown once -> back to the settings;
 * and the disable dialog.
 *
 * The server's state lives in `context.server`. Each server call is one named `assign` action
 * that stores the new server state and the typed result of the call; eventless (`always`)
 * transitions then move the screen to where the server state says the customer is. So an event
 * is judged once, with one reading of the clock, and a repeated submit lands on a screen that
 * ignores it (robustness 7). There is no `invoke`, so `xstate/graph` can explore the machine.
 * Leaf states are named after the screens they show (`screenOf`).
 */
import { assign, setup } from 'xstate';
import {
  beginEnrollment,
  cancelEnrollment,
  confirmEnrollment,
  disableTwoFactor,
  login,
  loginWithBackupCode,
  setSecurityQuestion,
  signOut,
  verifySecondFactor,
  type Outcome,
  type Refusal,
  type ServerEnv,
  type ServerState,
  type SuccessKind,
} from '../client-area/server';
import { STEPS, type Step } from './steps';

/** The state each start step opens in (`steps.ts` prepares the server state it needs). */
const START_STATES: Record<Step, string> = {
  login: 'signedOut',
  'security-question': 'signedIn.security-question',
  'security-settings': 'signedIn.securitySettings',
  enable: 'signedIn.securitySettings.enable',
  'backup-code': 'signedIn.securitySettings.backup-code',
  'login-2fa': 'signedOut',
  'backup-login': 'signedOut.secondFactor.backup-login',
  disable: 'signedIn.securitySettings.disable',
};

/** The last server answer as a screen shows it. Never holds a backup code. */
export type LastResult = { readonly ok: true; readonly kind: SuccessKind; readonly message: string } | Refusal;

export interface ClientAreaInput {
  readonly env: ServerEnv;
  readonly server: ServerState;
  readonly start?: Step;
  /** Only for the `backup-code` start step: the code the window shows. */
  readonly shownBackupCode?: string | null;
}

export interface ClientAreaContext {
  readonly env: ServerEnv;
  readonly start: Step;
  readonly server: ServerState;
  readonly last: LastResult | null;
  /** The backup code, only while the screen that shows it is open. */
  readonly shownBackupCode: string | null;
  readonly menuOpen: boolean;
}

export type ClientAreaEvent =
  | { type: 'login.submit'; email: string; password: string; captcha: boolean }
  | { type: 'menu.open' }
  | { type: 'menu.close' }
  | { type: 'nav.security-settings' }
  | { type: 'nav.home' }
  | { type: 'question.save'; question: string; answer: string; confirm: string; currentAnswer?: string }
  | { type: 'twofa.enable' }
  | { type: 'enable.submit'; code: string }
  | { type: 'enable.close' }
  | { type: 'backup.acknowledge' }
  | { type: 'session.signout' }
  | { type: 'secondfactor.submit'; code: string }
  | { type: 'secondfactor.use-backup' }
  | { type: 'secondfactor.cancel-backup' }
  | { type: 'backup.submit'; code: string }
  | { type: 'backup-login.continue' }
  | { type: 'twofa.disable' }
  | { type: 'disable.submit'; password: string }
  | { type: 'disable.cancel' };

/** Narrows the event of an action that only one event type triggers (a cast: no runtime cost). */
type EventOf<T extends ClientAreaEvent['type']> = Extract<ClientAreaEvent, { type: T }>;

/** Stores a server call's outcome; a new backup code goes to the screen, never into `last`. */
function apply(context: ClientAreaContext, { state, result }: Outcome): Partial<ClientAreaContext> {
  const { backupCode, ...last } = result.ok ? result : { ...result, backupCode: undefined };
  return { server: state, last, shownBackupCode: backupCode ?? context.shownBackupCode };
}

export const clientAreaMachine = setup({
  types: {
    context: {} as ClientAreaContext,
    events: {} as ClientAreaEvent,
    input: {} as ClientAreaInput,
  },
  actions: {
    submitLogin: assign(({ context, event }) => {
      const e = event as EventOf<'login.submit'>;
      return apply(context, login(context.server, context.env, e.email, e.password, e.captcha));
    }),
    submitSecondFactor: assign(({ context, event }) => {
      const e = event as EventOf<'secondfactor.submit'>;
      return apply(context, verifySecondFactor(context.server, context.env, e.code));
    }),
    submitBackupCode: assign(({ context, event }) => {
      const e = event as EventOf<'backup.submit'>;
      return apply(context, loginWithBackupCode(context.server, context.env, e.code));
    }),
    saveQuestion: assign(({ context, event }) => {
      const e = event as EventOf<'question.save'>;
      return apply(context, setSecurityQuestion(context.server, context.env, e));
    }),
    beginEnrollment: assign(({ context }) => apply(context, beginEnrollment(context.server, context.env))),
    submitEnrollmentCode: assign(({ context, event }) => {
      const e = event as EventOf<'enable.submit'>;
      return apply(context, confirmEnrollment(context.server, context.env, e.code));
    }),
    cancelEnrollment: assign(({ context }) => apply(context, cancelEnrollment(context.server))),
    submitDisable: assign(({ context, event }) => {
      const e = event as EventOf<'disable.submit'>;
      return apply(context, disableTwoFactor(context.server, context.env, e.password));
    }),
    signOut: assign(({ context }) => ({
      ...apply(context, signOut(context.server)),
      shownBackupCode: null,
      menuOpen: false,
    })),
    forgetBackupCode: assign({ shownBackupCode: null, last: null }),
    clearResult: assign({ last: null }),
    openMenu: assign({ menuOpen: true }),
    closeMenu: assign({ menuOpen: false }),
  },
  guards: {
    startsAt: ({ context }, params: { step: Step }) => context.start === params.step,
    awaitingSecondFactor: ({ context }) => context.server.session === 'second-factor',
    signedIn: ({ context }) => context.server.session === 'signed-in',
    showingBackupCode: ({ context }) => context.shownBackupCode !== null,
    questionMissing: ({ context }) => context.server.settings.requireSecurityQuestion && !context.server.question,
    questionSet: ({ context }) => context.server.question !== null,
    enrollmentPending: ({ context }) => context.server.pending !== null,
    noEnrollment: ({ context }) => context.server.pending === null,
    twoFactorOn: ({ context }) => context.server.twoFactor !== null,
    twoFactorOff: ({ context }) => context.server.twoFactor === null,
  },
}).createMachine({
  id: 'clientArea',
  context: ({ input }) => ({
    env: input.env,
    start: input.start ?? 'login',
    server: input.server,
    last: null,
    shownBackupCode: input.shownBackupCode ?? null,
    menuOpen: false,
  }),
  initial: 'starting',
  states: {
    /** Routes to the start step; `steps.ts` prepares the server state each step needs. */
    starting: {
      always: STEPS.map((step) => ({
        guard: { type: 'startsAt' as const, params: { step } },
        target: START_STATES[step],
      })),
    },
    signedOut: {
      initial: 'login',
      states: {
        login: {
          on: { 'login.submit': { actions: 'submitLogin' } },
          always: [
            { guard: 'awaitingSecondFactor', target: 'secondFactor' },
            { guard: 'signedIn', target: '#clientArea.signedIn' },
          ],
        },
        secondFactor: {
          initial: 'second-factor',
          on: { 'session.signout': { target: 'login', actions: 'signOut' } },
          always: [
            { guard: 'showingBackupCode', target: '#clientArea.signedIn.backup-login-done' },
            { guard: 'signedIn', target: '#clientArea.signedIn' },
          ],
          states: {
            'second-factor': {
              on: {
                'secondfactor.submit': { actions: 'submitSecondFactor' },
                'secondfactor.use-backup': { target: 'backup-login', actions: 'clearResult' },
              },
            },
            'backup-login': {
              on: {
                'backup.submit': { actions: 'submitBackupCode' },
                'secondfactor.cancel-backup': { target: 'second-factor', actions: 'clearResult' },
              },
            },
          },
        },
      },
    },
    signedIn: {
      initial: 'landing',
      on: {
        'menu.open': { actions: 'openMenu' },
        'menu.close': { actions: 'closeMenu' },
        'session.signout': { target: 'signedOut', actions: 'signOut' },
      },
      states: {
        /** This host sends customers to Security Settings after login, or to the question first. */
        landing: {
          always: [{ guard: 'questionMissing', target: 'security-question' }, { target: 'securitySettings' }],
        },
        /** "Login via Backup Code Successful" with the new backup code. */
        'backup-login-done': {
          on: { 'backup-login.continue': { target: 'landing', actions: 'forgetBackupCode' } },
        },
        'security-question': {
          on: { 'question.save': { actions: 'saveQuestion' } },
          always: { guard: 'questionSet', target: 'securitySettings' },
        },
        dashboard: {
          on: { 'nav.security-settings': { target: 'securitySettings', actions: ['closeMenu', 'clearResult'] } },
        },
        securitySettings: {
          initial: 'security-settings',
          states: {
            'security-settings': {
              always: { guard: 'enrollmentPending', target: 'enable' },
              on: {
                'question.save': { actions: 'saveQuestion' },
                'twofa.enable': { guard: 'twoFactorOff', actions: 'beginEnrollment' },
                'twofa.disable': { guard: 'twoFactorOn', target: 'disable', actions: 'clearResult' },
                'nav.home': { target: '#clientArea.signedIn.dashboard', actions: ['closeMenu', 'clearResult'] },
              },
            },
            /** The "Enable Two-Factor Authentication" window. */
            enable: {
              always: [
                { guard: 'showingBackupCode', target: 'backup-code' },
                { guard: 'noEnrollment', target: 'security-settings' },
              ],
              on: {
                'enable.submit': { actions: 'submitEnrollmentCode' },
                'enable.close': { actions: 'cancelEnrollment' },
              },
            },
            'backup-code': {
              on: { 'backup.acknowledge': { target: 'security-settings', actions: 'forgetBackupCode' } },
            },
            /** The disable dialog (asks for the password). */
            disable: {
              always: { guard: 'twoFactorOff', target: 'security-settings' },
              on: {
                'disable.submit': { actions: 'submitDisable' },
                'disable.cancel': { target: 'security-settings', actions: 'clearResult' },
              },
            },
          },
        },
      },
    },
  },
});

export type ClientAreaMachine = typeof clientAreaMachine;

/** The screen a snapshot shows: the name of its deepest active state. */
export function screenOf(value: unknown): string {
  return typeof value === 'string' ? value : screenOf(Object.values(value as object)[0]);
}
