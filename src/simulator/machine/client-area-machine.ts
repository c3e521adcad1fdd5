/**
 * The client-area flow as an XState 5 machine: signed out -> login (captcha) -> second factor
 * (code | backup code) -> signed in -> security question (when required) -> Security Settings ->
 * "Enable Two-Factor Authentication" window (the method, "Time Based Tokens"; then the QR code
 * and the code) -> backup code shown once -> back to the settings; and the disable dialog.
 *
 * The server's state lives in `context.server`. Each server call is one named `assign` action
 * that stores the new server state and the typed result of the call; eventless (`always`)
 * transitions then move the screen to where the server state says the customer is. So an event
 * is judged once, with one reading of the clock, and a repeated submit lands on a screen that
 * ignores it (robustness 7). There is no `invoke`, so `xstate/graph` can explore the machine.
 * Leaf states are named after the screens they show (`screenOf`).
 */
import { assertEvent, assign, setup } from 'xstate';
import {
  beginEnrollment,
  cancelEnrollment,
  confirmEnrollment,
  disableTwoFactor,
  login,
  loginWithBackupCode,
  mayBeginEnrollment,
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

/**
 * Which part of the client area asked the server: the page shows the answer beside that form
 * (the login form, the security question, the 2FA card, a window...).
 */
export type ResultSource =
  | 'login'
  | 'second-factor'
  | 'backup-login'
  /** The forced security-question page (after login). */
  | 'question-page'
  /** The security-question card of Security Settings. */
  | 'question'
  | 'twofa'
  | 'enable'
  | 'disable'
  | 'session';

/** The last server answer as a screen shows it, and who asked. Never holds a backup code. */
export type LastResult = ({ readonly ok: true; readonly kind: SuccessKind; readonly message: string } | Refusal) & {
  readonly from: ResultSource;
};

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
  /** How many answers the server has given: tells a new answer from an identical earlier one. */
  readonly answers: number;
  /** The backup code, only while the screen that shows it is open. */
  readonly shownBackupCode: string | null;
  /** The customer ticked "I have saved my backup code" (the window closes only then). */
  readonly backupSaved: boolean;
  /** How often closing was refused because the box was not ticked (the window says why each time). */
  readonly backupReminders: number;
  readonly menuOpen: boolean;
}

export type ClientAreaEvent =
  | { type: 'login.submit'; email: string; password: string; captcha: boolean }
  | { type: 'menu.open' }
  | { type: 'menu.close' }
  | { type: 'menu.toggle' }
  | { type: 'nav.security-settings' }
  | { type: 'nav.home' }
  | { type: 'question.save'; question: string; answer: string; confirm: string; currentAnswer?: string }
  | { type: 'twofa.enable' }
  /** "Get Started" in the enable window's method choice ("Time Based Tokens"). */
  | { type: 'enable.get-started' }
  | { type: 'enable.submit'; code: string }
  | { type: 'enable.close' }
  /** The "I have saved my backup code" box. */
  | { type: 'backup.saved'; saved: boolean }
  /** Close on the backup-code window: it closes only once the code is saved. */
  | { type: 'backup.close' }
  /** Escape or the browser's Back while a window is open: the window's own way of closing. */
  | { type: 'dialog.close' }
  | { type: 'session.signout' }
  | { type: 'secondfactor.submit'; code: string }
  | { type: 'secondfactor.use-backup' }
  | { type: 'secondfactor.cancel-backup' }
  | { type: 'backup.submit'; code: string }
  | { type: 'backup-login.continue' }
  | { type: 'twofa.disable' }
  | { type: 'disable.submit'; password: string }
  | { type: 'disable.cancel' };

/** Stores a server call's outcome; a new backup code goes to the screen, never into `last`. */
function apply(context: ClientAreaContext, { state, result }: Outcome, from: ResultSource): Partial<ClientAreaContext> {
  const { backupCode, ...answer } = result.ok ? result : { ...result, backupCode: undefined };
  return {
    server: state,
    last: { ...answer, from },
    answers: context.answers + 1,
    shownBackupCode: backupCode ?? context.shownBackupCode,
  };
}

/** The backup-code window closes only once the customer says the code is saved. */
const closeBackupWindow = [
  { guard: 'backupSaved', target: 'security-settings', actions: 'forgetBackupCode' },
  { actions: 'remindToSaveBackup' },
] as const;

export const clientAreaMachine = setup({
  types: {
    context: {} as ClientAreaContext,
    events: {} as ClientAreaEvent,
    input: {} as ClientAreaInput,
  },
  actions: {
    submitLogin: assign(({ context, event }) => {
      assertEvent(event, 'login.submit');
      return apply(context, login(context.server, context.env, event.email, event.password, event.captcha), 'login');
    }),
    submitSecondFactor: assign(({ context, event }) => {
      assertEvent(event, 'secondfactor.submit');
      return apply(context, verifySecondFactor(context.server, context.env, event.code), 'second-factor');
    }),
    submitBackupCode: assign(({ context, event }) => {
      assertEvent(event, 'backup.submit');
      return apply(context, loginWithBackupCode(context.server, context.env, event.code), 'backup-login');
    }),
    saveQuestion: assign(({ context, event }, params: { from: 'question' | 'question-page' }) => {
      assertEvent(event, 'question.save');
      return apply(context, setSecurityQuestion(context.server, context.env, event), params.from);
    }),
    beginEnrollment: assign(({ context }) => apply(context, beginEnrollment(context.server, context.env), 'twofa')),
    submitEnrollmentCode: assign(({ context, event }) => {
      assertEvent(event, 'enable.submit');
      return apply(context, confirmEnrollment(context.server, context.env, event.code), 'enable');
    }),
    cancelEnrollment: assign(({ context }) => apply(context, cancelEnrollment(context.server), 'enable')),
    submitDisable: assign(({ context, event }) => {
      assertEvent(event, 'disable.submit');
      return apply(context, disableTwoFactor(context.server, context.env, event.password), 'disable');
    }),
    signOut: assign(({ context }) => ({
      ...apply(context, signOut(context.server), 'session'),
      shownBackupCode: null,
      backupSaved: false,
      backupReminders: 0,
      menuOpen: false,
    })),
    markBackupSaved: assign(({ event }) => {
      assertEvent(event, 'backup.saved');
      return { backupSaved: event.saved, backupReminders: 0 };
    }),
    remindToSaveBackup: assign(({ context }) => ({ backupReminders: context.backupReminders + 1 })),
    forgetBackupCode: assign({ shownBackupCode: null, last: null, backupSaved: false, backupReminders: 0 }),
    clearResult: assign({ last: null }),
    openMenu: assign({ menuOpen: true }),
    closeMenu: assign({ menuOpen: false }),
    toggleMenu: assign(({ context }) => ({ menuOpen: !context.menuOpen })),
  },
  guards: {
    startsAt: ({ context }, params: { step: Step }) => context.start === params.step,
    awaitingSecondFactor: ({ context }) => context.server.session === 'second-factor',
    signedIn: ({ context }) => context.server.session === 'signed-in',
    showingBackupCode: ({ context }) => context.shownBackupCode !== null,
    backupSaved: ({ context }) => context.backupSaved,
    questionMissing: ({ context }) => context.server.settings.requireSecurityQuestion && !context.server.question,
    questionSet: ({ context }) => context.server.question !== null,
    enrollmentPending: ({ context }) => context.server.pending !== null,
    mayBeginEnrollment: ({ context }) => mayBeginEnrollment(context.server),
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
    answers: 0,
    shownBackupCode: input.shownBackupCode ?? null,
    backupSaved: false,
    backupReminders: 0,
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
        'menu.toggle': { actions: 'toggleMenu' },
        // The menu's "Security Settings" from a page that does not lead there (the forced
        // security question, Security Settings itself) only closes the menu.
        'nav.security-settings': { actions: 'closeMenu' },
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
          on: { 'question.save': { actions: { type: 'saveQuestion', params: { from: 'question-page' } } } },
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
                'question.save': { actions: { type: 'saveQuestion', params: { from: 'question' } } },
                'twofa.enable': [
                  { guard: 'mayBeginEnrollment', target: 'enable-method', actions: 'clearResult' },
                  // Not now (the security question first): the server's refusal shows on the card.
                  { guard: 'twoFactorOff', actions: 'beginEnrollment' },
                ],
                'twofa.disable': { guard: 'twoFactorOn', target: 'disable', actions: 'clearResult' },
                'nav.home': { target: '#clientArea.signedIn.dashboard', actions: ['closeMenu', 'clearResult'] },
              },
            },
            /**
             * The "Enable Two-Factor Authentication" window's first step, as the client area shows
             * it when it offers several methods: "Time Based Tokens", "Get Started". No key yet.
             */
            'enable-method': {
              always: { guard: 'enrollmentPending', target: 'enable' },
              on: {
                'enable.get-started': { actions: 'beginEnrollment' },
                'enable.close': { target: 'security-settings' },
                'dialog.close': { target: 'security-settings' },
              },
            },
            /** The "Enable Two-Factor Authentication" window with the QR code, the key and the code field. */
            enable: {
              always: [
                { guard: 'showingBackupCode', target: 'backup-code' },
                { guard: 'noEnrollment', target: 'security-settings' },
              ],
              on: {
                'enable.submit': { actions: 'submitEnrollmentCode' },
                'enable.close': { actions: 'cancelEnrollment' },
                'dialog.close': { actions: 'cancelEnrollment' },
              },
            },
            'backup-code': {
              on: {
                'backup.saved': { actions: 'markBackupSaved' },
                'backup.close': closeBackupWindow,
                'dialog.close': closeBackupWindow,
              },
            },
            /** The disable dialog (asks for the password). */
            disable: {
              always: { guard: 'twoFactorOff', target: 'security-settings' },
              on: {
                'disable.submit': { actions: 'submitDisable' },
                'disable.cancel': { target: 'security-settings', actions: 'clearResult' },
                'dialog.close': { target: 'security-settings', actions: 'clearResult' },
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
