/**
 * Guided mode: the numbered steps a start step walks through, which one is current, and which
 * control gets the numbered marker. Pure functions of the engine's views, so the same list
 * serves the JavaScript-off fallback, the guided step list, the live figures and the tests.
 */
import type { SimulatorState } from './changes';
import type { Step } from './steps';
import { isSignedIn, type ClientAreaView, type PhoneView } from './view';

/**
 * The controls a marker can point at: the guide's numbered marker follows them, a live
 * figure numbers them, and the screens carry them as `data-target` (`target()` in
 * `ui/contract.ts`). A name that is not here does not type-check in a screen.
 */
export const TARGETS = [
  'captcha',
  'login-submit',
  'menu',
  'security-settings-item',
  'question-answer',
  'twofa-card',
  'enable-open',
  'enable-get-started',
  'qr',
  'key',
  'enable-code',
  'enable-submit',
  'backup-saved',
  'backup-close',
  'second-factor-code',
  'use-backup',
  'backup-field',
  'backup-login-continue',
  'disable-open',
  'disable-password',
  'phone-store',
  'phone-install',
  'phone-open',
  'phone-app',
  'phone-add',
  'phone-scan-qr',
  'phone-scan',
] as const;
export type Target = (typeof TARGETS)[number];

export type GuideStepId =
  | 'login'
  | 'question'
  | 'open'
  | 'install'
  | 'scan'
  | 'code'
  | 'backup'
  | 'login2fa'
  | 'secondFactor'
  | 'useBackup'
  | 'backupLogin'
  | 'newBackup'
  | 'disable';

const ENROLL: readonly GuideStepId[] = ['login', 'question', 'open', 'install', 'scan', 'code', 'backup'];

/** The steps a simulator starting at `start` walks through, in order. */
export function guideFor(start: Step): readonly GuideStepId[] {
  switch (start) {
    case 'login':
      return ENROLL;
    case 'security-question':
      return ENROLL.slice(1);
    case 'security-settings':
      return ENROLL.slice(2);
    case 'enable':
      return ENROLL.slice(4);
    case 'backup-code':
      return ['backup'];
    case 'login-2fa':
      return ['login2fa', 'secondFactor'];
    case 'backup-login':
      return ['backupLogin', 'newBackup'];
    case 'disable':
      return ['disable'];
  }
}

/**
 * What a reader can go on to once every step of an enrollment guide is done: with 2FA on they
 * may sign out and log in again, now with the code (or a backup code). Shown as "Next:", not
 * counted in "Step n of m"; only guides that end with 2FA turned on have them.
 */
export const FOLLOW_ONS = [
  'login2fa',
  'secondFactor',
  'backupLogin',
  'newBackup',
] as const satisfies readonly GuideStepId[];
export type FollowOn = (typeof FOLLOW_ONS)[number];

/** The follow-ons a guide can show (`GuideState.next`): those of the guides that turn 2FA on. */
export function followOnsFor(start: Step): readonly FollowOn[] {
  return guideFor(start).includes('backup') ? FOLLOW_ONS : [];
}

/** The follow-on that fits the screen the reader is on, if any. */
function followOnAt(ca: ClientAreaView): FollowOn | null {
  switch (ca.screen) {
    case 'login':
      return ca.twoFactorEnabled ? 'login2fa' : null;
    case 'second-factor':
      return 'secondFactor';
    case 'backup-login':
      return 'backupLogin';
    case 'backup-login-done':
      return 'newBackup';
    default:
      return null;
  }
}

/** Whether a step is behind the learner, judged only from the engine's state. */
function isDone(id: GuideStepId, ca: ClientAreaView, phone: PhoneView, enrolledOnPhone: boolean): boolean {
  const enabled = ca.twoFactorEnabled;
  switch (id) {
    // Once 2FA is on, the enrollment's first login is behind the reader even when signed out again.
    case 'login':
      return ca.screen !== 'login' || enabled;
    case 'login2fa':
      return ca.screen !== 'login';
    case 'question':
      return ca.question !== null || (!ca.questionRequired && isSignedIn(ca.screen));
    case 'open':
      return ca.screen === 'enable' || enabled;
    case 'install':
      return (phone.installed && ['app', 'add', 'scan', 'manual'].includes(phone.screen)) || enrolledOnPhone || enabled;
    case 'scan':
      return enrolledOnPhone || enabled;
    case 'code':
      return enabled;
    // Done once its window is closed: the backup-code login's new code is another step (newBackup).
    case 'backup':
      return enabled && ca.screen !== 'backup-code';
    case 'secondFactor':
    case 'newBackup':
      return isSignedIn(ca.screen) && ca.screen !== 'backup-login-done';
    case 'useBackup':
      return ca.screen !== 'second-factor';
    case 'backupLogin':
      return isSignedIn(ca.screen);
    case 'disable':
      return !enabled;
  }
}

export interface GuideState {
  readonly steps: readonly GuideStepId[];
  /** Index of the current step; equals steps.length when all are done. */
  readonly current: number;
  /** Once all are done: the follow-on that fits where the reader is now (`FOLLOW_ONS`), or null. */
  readonly next: FollowOn | null;
}

export function guideState(start: Step, ca: ClientAreaView, phone: PhoneView): GuideState {
  const steps = guideFor(start);
  const key = ca.enrollment?.key;
  const enrolledOnPhone = key !== undefined && phone.accounts.some((account) => account.secret === key);
  const index = steps.findIndex((id) => !isDone(id, ca, phone, enrolledOnPhone));
  const current = index === -1 ? steps.length : index;
  const followOn = current === steps.length ? followOnAt(ca) : null;
  return { steps, current, next: followOn && followOnsFor(start).includes(followOn) ? followOn : null };
}

/** The step the marker is for: the current one, else the follow-on. */
export const markedStep = (guide: GuideState): GuideStepId | null => guide.steps[guide.current] ?? guide.next;

/**
 * Which control the marker sits on for the current step. The first one that is visible wins,
 * so the marker follows the sub-steps (tick the captcha, then Login; open the store, then
 * Install, then Open...). A ticked checkbox no longer counts as a target.
 */
export function markerTargets(id: GuideStepId): readonly Target[] {
  switch (id) {
    case 'login':
    case 'login2fa':
      return ['captcha', 'login-submit'];
    case 'question':
      return ['question-answer'];
    case 'open':
      // The method choice first, while it is open (the Enable button is still behind it).
      return ['enable-get-started', 'enable-open'];
    case 'install':
      return ['phone-store', 'phone-install', 'phone-open', 'phone-app'];
    case 'scan':
      return ['phone-app', 'phone-open', 'phone-add', 'phone-scan-qr', 'phone-scan'];
    case 'code':
      return ['enable-code'];
    case 'backup':
      return ['backup-saved', 'backup-close'];
    case 'secondFactor':
      return ['second-factor-code'];
    case 'useBackup':
      return ['use-backup'];
    case 'backupLogin':
      return ['use-backup', 'backup-field'];
    case 'newBackup':
      return ['backup-login-continue'];
    case 'disable':
      return ['disable-open', 'disable-password'];
  }
}

/**
 * Where each target shows, as the screens draw it (src/components/simulator/*.astro). Used at
 * build time to draw the guide's first marker where the live one will be, so nothing moves when
 * the simulator boots; the browser tests check the two agree.
 */
const SHOWN: Record<Target, (s: SimulatorState) => boolean> = {
  captcha: (s) => s.view.page === 'login' && s.view.captchaRequired,
  'login-submit': (s) => s.view.page === 'login',
  menu: (s) => s.view.signedIn,
  'security-settings-item': (s) => s.view.signedIn && s.view.menuOpen,
  'question-answer': (s) => s.view.page === 'security-question' || s.view.page === 'security-settings',
  'twofa-card': (s) => s.view.page === 'security-settings',
  // The buttons behind an open window do not count: the marker goes to the window's control.
  'enable-open': (s) => s.view.page === 'security-settings' && s.view.dialog === null && !s.view.twoFactorEnabled,
  'enable-get-started': (s) => s.view.dialog === 'enable-method',
  qr: (s) => s.view.dialog === 'enable',
  key: (s) => s.view.dialog === 'enable',
  'enable-code': (s) => s.view.dialog === 'enable',
  'enable-submit': (s) => s.view.dialog === 'enable',
  'backup-saved': (s) => s.view.dialog === 'backup-code',
  'backup-close': (s) => s.view.dialog === 'backup-code',
  'second-factor-code': (s) => s.view.page === 'second-factor',
  'use-backup': (s) => s.view.page === 'second-factor',
  'backup-field': (s) => s.view.page === 'backup-login',
  'backup-login-continue': (s) => s.view.page === 'backup-login-done',
  'disable-open': (s) => s.view.page === 'security-settings' && s.view.dialog === null && s.view.twoFactorEnabled,
  'disable-password': (s) => s.view.dialog === 'disable',
  'phone-store': (s) => s.phone.screen === 'home',
  'phone-install': (s) => s.phone.screen === 'store' && !s.phone.installed,
  'phone-open': (s) => s.phone.screen === 'store' && s.phone.installed,
  'phone-app': (s) => s.phone.screen === 'home' && s.phone.installed,
  'phone-add': (s) => s.phone.screen === 'app',
  'phone-scan-qr': (s) => s.phone.screen === 'add',
  'phone-scan': (s) => s.phone.screen === 'scan',
};

/** The control the guide's marker is on at this moment (the first of the current step's that shows). */
export function markerTarget(state: SimulatorState): Target | null {
  const step = markedStep(state.guide);
  return step ? (markerTargets(step).find((target) => SHOWN[target](state)) ?? null) : null;
}
