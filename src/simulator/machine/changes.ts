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
  /** The phone's codes changed while the app's list is on screen. */
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
  readonly announce: readonly Announcement[];
}

export function changesBetween(previous: SimulatorState | null, next: SimulatorState): Changes {
  const { view, phone, guide } = next;
  const done = guide.current >= guide.steps.length;
  if (previous === null) return { screen: null, step: true, result: null, completed: false, announce: [] };
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
  if (phone.timeStep !== previous.phone.timeStep && phone.screen === 'app' && phone.accounts.length > 0)
    announce.push({ type: 'new-code' });
  const completed = done && previous.guide.current < previous.guide.steps.length;
  if (completed) announce.push({ type: 'complete' });

  return {
    screen,
    step: screen !== null || phone.screen !== previous.phone.screen,
    result,
    completed,
    announce,
  };
}
