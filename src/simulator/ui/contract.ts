/**
 * The one vocabulary between the server-rendered screens (`src/components/simulator/*.astro`)
 * and the custom element that brings them to life. Screens spread these helpers to get their
 * `data-*` attributes (`<button {...send('twofa.enable')}>`), and the element finds them with
 * the matching selectors (`sel.send`...). Every name is typed: a misspelt event, form, condition
 * or target fails `astro check` instead of building a button that silently does nothing.
 *
 *   send(event)      a button that sends an engine event without payload
 *   form(name)       a form, turned into its event by `FORMS`
 *   when(condition)  shown only while `CONDITIONS[condition]` holds
 *   action(name)     a button handled by the page itself (`ACTIONS`: pause, copy...)
 *   target(name)     a control the guide's marker and the live figures can point at
 *   bind(name)       an element whose text (or image) the element fills in
 *   part(name)       a structural part the element looks up (the page, the live region...)
 *   screen(name), phoneScreen(name), error(from), notice(slot)
 */
import type { ClientAreaEvent, ResultSource } from '../machine/client-area-machine';
import type { SimulatorState } from '../machine/changes';
import type { Target } from '../machine/guide';
import type { Screen } from '../machine/view';
import type { PhoneEvent, PhoneScreen } from '../phone/phone-machine';

export type { Target };

type Attributes<K extends string> = { readonly [key in K]: string };

// ---- events -----------------------------------------------------------------------------------

/** The event types that carry nothing but their type: what a plain button can send. */
type Bare<E extends { type: string }> = E extends unknown
  ? Exclude<keyof E, 'type'> extends never
    ? E['type']
    : never
  : never;
export type ButtonEvent = Bare<ClientAreaEvent> | Bare<PhoneEvent>;

/** `<button {...send('twofa.enable')}>`: the click sends the event (to the phone for `phone.*`). */
export const send = (event: ButtonEvent): Attributes<'data-send'> => ({ 'data-send': event });

export const isPhoneEvent = <E extends { type: string }>(event: E): boolean => event.type.startsWith('phone.');

/** Reads a submitted form: text fields by name, checkboxes by name. */
export interface FormFields {
  text(name: string): string;
  checked(name: string): boolean;
}

/** Each form of the screens, and the event its submission sends. */
export const FORMS = {
  login: (f: FormFields): ClientAreaEvent => ({
    type: 'login.submit',
    email: f.text('email'),
    password: f.text('password'),
    captcha: f.checked('captcha'),
  }),
  'second-factor': (f: FormFields): ClientAreaEvent => ({ type: 'secondfactor.submit', code: f.text('code') }),
  backup: (f: FormFields): ClientAreaEvent => ({ type: 'backup.submit', code: f.text('code') }),
  question: (f: FormFields): ClientAreaEvent => ({
    type: 'question.save',
    question: f.text('question'),
    answer: f.text('answer'),
    confirm: f.text('confirm'),
    ...(f.text('currentAnswer') ? { currentAnswer: f.text('currentAnswer') } : {}),
  }),
  enable: (f: FormFields): ClientAreaEvent => ({ type: 'enable.submit', code: f.text('code') }),
  disable: (f: FormFields): ClientAreaEvent => ({ type: 'disable.submit', password: f.text('password') }),
  'phone-manual': (f: FormFields): PhoneEvent => ({
    type: 'phone.manual.submit',
    accountName: f.text('accountName'),
    key: f.text('key'),
  }),
} as const;
export type FormName = keyof typeof FORMS;
export const form = (name: FormName): Attributes<'data-form'> => ({ 'data-form': name });
export const isFormName = (name: unknown): name is FormName => typeof name === 'string' && Object.hasOwn(FORMS, name);

/** Checkboxes whose change is an event at once (not at submit). */
export const TOGGLES = {
  'backup-saved': (checked: boolean): ClientAreaEvent => ({ type: 'backup.saved', saved: checked }),
  /** The phone's "Set time automatically": ticking it puts the clock right. */
  'auto-time': (checked: boolean): PhoneEvent | null => (checked ? { type: 'phone.clock.set-offset', ms: 0 } : null),
} as const;
export type ToggleName = keyof typeof TOGGLES;
export const toggle = (name: ToggleName): Attributes<'data-toggle'> => ({ 'data-toggle': name });
export const isToggleName = (name: unknown): name is ToggleName =>
  typeof name === 'string' && Object.hasOwn(TOGGLES, name);

// ---- what shows when ----------------------------------------------------------------------------

/** The show/hide conditions of the screens, read from one moment of the simulation. */
export const CONDITIONS = {
  'signed-in': (s: SimulatorState) => s.view.signedIn,
  captcha: (s: SimulatorState) => s.view.captchaRequired,
  'question-set': (s: SimulatorState) => s.view.question !== null,
  'twofa-on': (s: SimulatorState) => s.view.twoFactorEnabled,
  'twofa-off': (s: SimulatorState) => !s.view.twoFactorEnabled,
  installed: (s: SimulatorState) => s.phone.installed,
  'not-installed': (s: SimulatorState) => !s.phone.installed,
  'menu-open': (s: SimulatorState) => s.view.menuOpen,
  'backup-reminder': (s: SimulatorState) => s.view.backupReminders > 0,
  'no-accounts': (s: SimulatorState) => s.phone.accounts.length === 0,
  /**
   * The docked copy of the app's codes (narrow screens, where the phone is below the client area):
   * while the app shows a code and the client area asks for one.
   */
  dock: (s: SimulatorState) =>
    s.phone.screen === 'app' &&
    s.phone.accounts.length > 0 &&
    (s.view.screen === 'enable' || s.view.screen === 'second-factor'),
} as const;
export type Condition = keyof typeof CONDITIONS;
export const isCondition = (name: unknown): name is Condition =>
  typeof name === 'string' && Object.hasOwn(CONDITIONS, name);

/**
 * `<p {...when('twofa-on', false)}>`: shown only while the condition holds; `shown` is how the
 * server renders it before the script runs (a live figure keeps that).
 */
export const when = (condition: Condition, shown = true): { 'data-when': Condition; hidden: boolean } => ({
  'data-when': condition,
  hidden: !shown,
});

// ---- buttons the page handles itself ----------------------------------------------------------

export const ACTIONS = [
  'pause',
  'reset',
  /** In the "Start over?" confirmation: do it, or keep going. */
  'reset-confirm',
  'reset-cancel',
  'copy-key',
  'copy-backup-code',
  'download-backup-code',
  'forgot-password',
  /** A menu item of the client area that the simulator does not cover: says so. */
  'not-covered',
  /** The dock's "Show the phone": scrolls to the phone and focuses it. */
  'show-phone',
  'phone-scan',
  'phone-remove',
] as const;
export type Action = (typeof ACTIONS)[number];
export const action = (name: Action): Attributes<'data-action'> => ({ 'data-action': name });
export const isAction = (name: unknown): name is Action =>
  typeof name === 'string' && (ACTIONS as readonly string[]).includes(name);

/** A button that opens a window: focus returns to it when the window closes. */
export const opener = (): Attributes<'data-opener'> => ({ 'data-opener': '' });

// ---- targets, bindings and parts ----------------------------------------------------------------

/** A control the guide's marker and live figures point at (`TARGETS` in `machine/guide.ts`). */
export const target = (name: Target): Attributes<'data-target'> => ({ 'data-target': name });

/** Elements whose content the element fills in from the engine's views. */
export const BINDINGS = [
  'address',
  'key',
  'backup-code',
  'qr',
  'saved-backup',
  'saved-backup-code',
  'phone-time',
  'phone-offset',
  'phone-google',
  'accounts',
  'dock-accounts',
  /** Says that a page or action is not part of this practice (`not-covered`, `forgot-password`). */
  'not-covered',
  'progress',
] as const;
export type Binding = (typeof BINDINGS)[number];
export const bind = (name: Binding): Attributes<'data-bind'> => ({ 'data-bind': name });

/** Structural parts the element looks up once. */
export const PARTS = [
  'fallback',
  'fallback-failed',
  'live',
  'page',
  'menu',
  'user',
  'phone',
  'dock',
  'dock-template',
  /** A window's content under its heading (its first control is brought into view when it opens). */
  'dialog-body',
  'controls',
  'stage',
  'guide',
  'announce',
  'marker',
  'account-template',
  'strings',
  /** The "Paused" badge and what pausing does, shown while paused. */
  'paused',
  /** The "Start over?" confirmation. */
  'confirm',
] as const;
export type Part = (typeof PARTS)[number];
export const part = (name: Part): Attributes<'data-part'> => ({ 'data-part': name });

/** A client-area screen or window. */
export const screen = (name: Screen): Attributes<'data-screen'> => ({ 'data-screen': name });
/** A phone screen. */
export const phoneScreen = (name: PhoneScreen): Attributes<'data-phone-screen'> => ({ 'data-phone-screen': name });

/** Where a refusal shows: beside the form that `from` names (`ClientAreaView.result.from`). */
export const error = (from: ResultSource): Attributes<'data-error'> => ({ 'data-error': from });
/** Where a confirmation shows: in the security-question form, or at the top of the page. */
export type NoticeSlot = 'question' | 'page';
export const notice = (slot: NoticeSlot): Attributes<'data-notice'> => ({ 'data-notice': slot });
export const noticeSlotFor = (from: ResultSource): NoticeSlot => (from === 'question' ? 'question' : 'page');
/** Where the phone says why a scan or a typed key was refused. */
export const phoneError = (): Attributes<'data-phone-error'> => ({ 'data-phone-error': '' });

/** Finds a `part(...)`; on its own so the page's tiny loader takes only this. */
export const selectPart = (name: Part): string => `[data-part="${name}"]`;

/** The selectors that find what the helpers above mark. */
export const sel = {
  send: '[data-send]',
  form: (name: FormName) => `[data-form="${name}"]`,
  when: '[data-when]',
  action: (name: Action) => `[data-action="${name}"]`,
  opener: '[data-opener]',
  target: (name: Target) => `[data-target="${name}"]`,
  bind: (name: Binding) => `[data-bind="${name}"]`,
  part: selectPart,
  screen: (name: Screen) => `[data-screen="${name}"]`,
  anyScreen: '[data-screen]',
  phoneScreen: '[data-phone-screen]',
  toggle: (name: ToggleName) => `[data-toggle="${name}"]`,
  anyToggle: '[data-toggle]',
  error: '[data-error]',
  errorFor: (from: ResultSource) => `[data-error="${from}"]`,
  noticeFor: (slot: NoticeSlot) => `[data-notice="${slot}"]`,
  notice: '[data-notice]',
  phoneError: '[data-phone-error]',
  guideStep: '[data-guide-step]',
  guideNext: '[data-guide-next]',
  anyAccount: '[data-account]',
  account: (id: string) => `[data-account="${CSS.escape(id)}"]`,
} as const;
