/**
 * The phone as its own actor: home screen -> app store -> installing -> Google Authenticator
 * (account list) <-> "+" menu -> "Scan a QR code" | "Enter a setup key"; and from the home
 * screen, Settings (Date & time). Events are `phone.*`.
 * Codes are not in the state: the UI computes them from the clock (see `codeAt`), so a hidden
 * tab or a sleeping laptop shows the right code at once on return.
 */
import { assertEvent, assign, setup } from 'xstate';
import {
  addFromScan,
  addFromSetupKey,
  EMPTY_PHONE,
  removeAccount,
  restoreFrom,
  type AddResult,
  type PhoneState,
  type SyncStore,
} from './phone';

export const PHONE_STEPS = ['home', 'store', 'app', 'add', 'scan', 'manual', 'settings'] as const;
export type PhoneStep = (typeof PHONE_STEPS)[number];
/** Every screen the phone shows: a start step, or "Installing…" in the store. */
export type PhoneScreen = PhoneStep | 'installing';

export interface PhoneInput {
  readonly phone?: PhoneState;
  readonly start?: PhoneStep;
  readonly sync?: SyncStore | null;
  /** How long "Installing…" lasts (default 1500 ms). */
  readonly installMs?: number;
}

export interface PhoneContext {
  readonly phone: PhoneState;
  readonly start: PhoneStep;
  readonly sync: SyncStore | null;
  readonly installMs: number;
  /** The message of the last refused scan or key, shown under the field. */
  readonly error: string | null;
  /** Id of the account just added (the app highlights it). */
  readonly lastAdded: string | null;
}

export type PhoneEvent =
  | { type: 'phone.home' }
  | { type: 'phone.settings.open' }
  | { type: 'phone.store.open' }
  | { type: 'phone.store.install' }
  | { type: 'phone.app.open' }
  | { type: 'phone.add.open' }
  | { type: 'phone.add.scan' }
  | { type: 'phone.add.manual' }
  | { type: 'phone.back' }
  | { type: 'phone.scan'; uri: string | null }
  | { type: 'phone.manual.submit'; accountName: string; key: string }
  | { type: 'phone.account.remove'; id: string }
  | { type: 'phone.clock.set-offset'; ms: number }
  | { type: 'phone.google.sign-in'; account: string | null };

/** Stores the outcome of a scan or a typed key: the new account, or the message why not. */
const adding = (result: AddResult): Partial<PhoneContext> =>
  result.ok ? { phone: result.state, lastAdded: result.account.id, error: null } : { error: result.message };

export const phoneMachine = setup({
  types: {
    context: {} as PhoneContext,
    events: {} as PhoneEvent,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- XState infers the input type from it
    input: {} as PhoneInput,
  },
  actions: {
    finishInstall: assign(({ context }) => ({
      phone: restoreFrom({ ...context.phone, installed: true }, context.sync),
    })),
    scanCode: assign(({ context, event }) => {
      assertEvent(event, 'phone.scan');
      return adding(addFromScan(context.phone, event.uri));
    }),
    submitSetupKey: assign(({ context, event }) => {
      assertEvent(event, 'phone.manual.submit');
      return adding(addFromSetupKey(context.phone, event.accountName, event.key));
    }),
    removeAccount: assign(({ context, event }) => {
      assertEvent(event, 'phone.account.remove');
      return { phone: removeAccount(context.phone, event.id) };
    }),
    /** Side effect: Google Authenticator's cloud sync. */
    backUpToGoogle: ({ context }) => {
      if (context.sync && context.phone.google !== null)
        context.sync.save(context.phone.google, context.phone.accounts);
    },
    setClockOffset: assign(({ context, event }) => {
      assertEvent(event, 'phone.clock.set-offset');
      return { phone: { ...context.phone, clockOffsetMs: Number.isFinite(event.ms) ? event.ms : 0 } };
    }),
    signInToGoogle: assign(({ context, event }) => {
      assertEvent(event, 'phone.google.sign-in');
      const phone = { ...context.phone, google: event.account };
      return { phone: phone.installed ? restoreFrom(phone, context.sync) : phone };
    }),
    clearMessages: assign({ error: null, lastAdded: null }),
  },
  guards: {
    startsAt: ({ context }, params: { step: PhoneStep }) => context.start === params.step,
    appInstalled: ({ context }) => context.phone.installed,
    appNotInstalled: ({ context }) => !context.phone.installed,
    accountAdded: ({ context }) => context.lastAdded !== null,
  },
  delays: {
    installTime: ({ context }) => context.installMs,
  },
}).createMachine({
  id: 'phone',
  context: ({ input }) => ({
    phone: input.phone ?? EMPTY_PHONE,
    start: input.start ?? 'home',
    sync: input.sync ?? null,
    installMs: input.installMs ?? 1500,
    error: null,
    lastAdded: null,
  }),
  initial: 'starting',
  on: {
    'phone.clock.set-offset': { actions: 'setClockOffset' },
    'phone.google.sign-in': { actions: 'signInToGoogle' },
  },
  states: {
    starting: {
      always: [
        ...(['store', 'app', 'add', 'scan', 'manual', 'settings'] as const).map((step) => ({
          guard: { type: 'startsAt' as const, params: { step } },
          target: step,
        })),
        { target: 'home' },
      ],
    },
    home: {
      on: {
        'phone.store.open': { target: 'store' },
        'phone.settings.open': { target: 'settings' },
        'phone.app.open': { guard: 'appInstalled', target: 'app', actions: 'clearMessages' },
      },
    },
    store: {
      on: {
        'phone.store.install': { guard: 'appNotInstalled', target: 'installing' },
        'phone.app.open': { guard: 'appInstalled', target: 'app', actions: 'clearMessages' },
        'phone.home': { target: 'home' },
      },
    },
    installing: {
      after: { installTime: { target: 'store', actions: 'finishInstall' } },
    },
    app: {
      on: {
        'phone.add.open': { target: 'add', actions: 'clearMessages' },
        'phone.account.remove': { actions: ['removeAccount', 'backUpToGoogle'] },
        'phone.home': { target: 'home' },
      },
    },
    add: {
      on: {
        'phone.add.scan': { target: 'scan', actions: 'clearMessages' },
        'phone.add.manual': { target: 'manual', actions: 'clearMessages' },
        'phone.back': { target: 'app' },
      },
    },
    scan: {
      always: { guard: 'accountAdded', target: 'app', actions: 'backUpToGoogle' },
      on: {
        'phone.scan': { actions: 'scanCode' },
        'phone.back': { target: 'add', actions: 'clearMessages' },
      },
    },
    manual: {
      always: { guard: 'accountAdded', target: 'app', actions: 'backUpToGoogle' },
      on: {
        'phone.manual.submit': { actions: 'submitSetupKey' },
        'phone.back': { target: 'add', actions: 'clearMessages' },
      },
    },
    /** Settings > Date & time: "Set time automatically" (`phone.clock.set-offset`, taken anywhere). */
    settings: {
      on: { 'phone.home': { target: 'home' } },
    },
  },
});

export type PhoneMachine = typeof phoneMachine;
