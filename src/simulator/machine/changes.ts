/**
 * What changed between two moments of a simulation, as the page needs to know it: a new screen
 * (focus moves, a window pushes a history entry), a new answer from the client area, what to
 * announce to a screen reader, the guide finished. A pure function of two views, so the page
 * keeps one previous state instead of a "last seen" copy of each thing.
 */
import type { GuideState } from './guide';
import type { ClientAreaView, PhoneView, Screen } from './view';

/** One moment of a simulation, as the page shows it. */
export interface SimulatorState {
  readonly view: ClientAreaView;
  readonly phone: PhoneView;
  readonly guide: GuideState;
}

/** What a screen reader hears; the page words each one (`sim.announce.*` and the engine's messages). */
export type Announcement =
  /** A refusal or a confirmation, in the client area's words. */
  | { readonly type: 'result'; readonly message: string }
  /** The enable window accepted the code: the backup code is on screen. */
  | { readonly type: 'code-accepted' }
  /** Closing the backup-code window before ticking "I have saved my backup code". */
  | { readonly type: 'save-first' }
  | { readonly type: 'phone-error'; readonly message: string }
  | { readonly type: 'installed' }
  | { readonly type: 'account-added' }
  /**
   * The phone's code changed while it matters: the app's list shows a code and the client area
   * asks for one (the enable window or the login's code field). Anywhere else a new code every
   * 30 s is noise (`codeMatters`).
   */
  | { readonly type: 'new-code' }
  | { readonly type: 'complete' };

export interface Changes {
  /** The client area's screen changed (null at the first moment). */
  readonly screen: { readonly from: Screen; readonly to: Screen } | null;
  /** The client area's or the phone's screen changed, or this is the first moment. */
  readonly step: boolean;
  /** The client area gave a new answer. */
  readonly result: ClientAreaView['result'];
  /** The guide's last step was just done. */
  readonly completed: boolean;
  /**
   * Fields that start empty because their form opened anew: the login form's captcha (each
   * login needs a fresh one, as on the real client area, so it is unticked after Logout) and the
   * enable window's code (a new window, a new key; never cleared while the window stays open).
   */
  readonly fresh: readonly FreshField[];
  readonly announce: readonly Announcement[];
}

export type FreshField = 'captcha' | 'enable-code';

/** The client-area screens with a field for the phone's code. */
const CODE_SCREENS: readonly Screen[] = ['enable', 'second-factor'];

/** Whether a new code on the phone is worth telling: the phone shows one and the client area asks for one. */
export function codeMatters({ view, phone }: Pick<SimulatorState, 'view' | 'phone'>): boolean {
  return phone.screen === 'app' && phone.accounts.length > 0 && CODE_SCREENS.includes(view.screen);
}

/**
 * Whether Start over would lose something the reader did since `first` (the simulation's first
 * moment): another screen on either side, a step of the guide, the security question, 2FA, the
 * app, an entry or the phone's clock. A refusal alone, or an open menu, is nothing to lose.
 */
export function progressSince(first: SimulatorState, now: SimulatorState): boolean {
  const [was, is] = [first.view, now.view];
  const [had, has] = [first.phone, now.phone];
  return (
    was.screen !== is.screen ||
    was.question !== is.question ||
    was.twoFactorEnabled !== is.twoFactorEnabled ||
    was.backupSaved !== is.backupSaved ||
    first.guide.current !== now.guide.current ||
    had.screen !== has.screen ||
    had.installed !== has.installed ||
    had.clockOffsetMs !== has.clockOffsetMs ||
    had.accounts.map((account) => account.id).join() !== has.accounts.map((account) => account.id).join()
  );
}

export function changesBetween(previous: SimulatorState | null, next: SimulatorState): Changes {
  const { view, phone, guide } = next;
  const done = guide.current >= guide.steps.length;
  if (previous === null) return { screen: null, step: true, result: null, completed: false, fresh: [], announce: [] };
  const before = previous.view;
  const screen = before.screen === view.screen ? null : { from: before.screen, to: view.screen };
  const result = view.result && view.result.id !== before.result?.id ? view.result : null;
  const announce: Announcement[] = [];

  if (result) {
    const text = view.error ? view.error.message : view.notice;
    // On the backup-code window the confirmation is "code accepted", said once below.
    if (text && !(result.ok && view.screen === 'backup-code')) announce.push({ type: 'result', message: text });
  }
  if (screen?.to === 'backup-code') announce.push({ type: 'code-accepted' });
  if (view.backupReminders > before.backupReminders) announce.push({ type: 'save-first' });
  if (phone.error && phone.error !== previous.phone.error) announce.push({ type: 'phone-error', message: phone.error });
  if (phone.installed && !previous.phone.installed) announce.push({ type: 'installed' });
  if (phone.accounts.length > previous.phone.accounts.length) announce.push({ type: 'account-added' });
  if (phone.timeStep !== previous.phone.timeStep && codeMatters(next)) announce.push({ type: 'new-code' });
  const completed = done && previous.guide.current < previous.guide.steps.length;
  if (completed) announce.push({ type: 'complete' });

  const fresh: FreshField[] = [];
  if (screen?.to === 'login') fresh.push('captcha');
  if (screen?.to === 'enable') fresh.push('enable-code');

  return {
    screen,
    step: screen !== null || phone.screen !== previous.phone.screen,
    result,
    completed,
    fresh,
    announce,
  };
}
