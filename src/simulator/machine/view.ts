/**
 * What each screen needs, derived from the actors' snapshots, so the UI never digs into the
 * machines' context: which page and window show, whether the customer is signed in, what the
 * address bar reads, the last answer and where it belongs. Codes on the phone are computed
 * here from the clock, at render time.
 */
import type { SnapshotFrom } from 'xstate';
import { lockShownOn, refusalMessageAt } from '../client-area/locks';
import type { RefusalKind, Refusal, SuccessKind } from '../client-area/server';
import { formatBackupCode } from '../otp/backup-code';
import { groupInFours } from '../otp/base32';
import { buildOtpauthUri } from '../otp/otpauth';
import { clockTime } from '../env';
import { timeStepAt } from '../otp/totp';
import { codeAt, phoneNow, type PhoneAccount, type ShownCode } from '../phone/phone';
import type { PhoneMachine, PhoneScreen } from '../phone/phone-machine';
import { screenOf, type ClientAreaMachine, type ResultSource } from './client-area-machine';

/** The client area's screens, named after the machine's leaf states. */
export const SCREENS = [
  'login',
  'second-factor',
  'backup-login',
  'backup-login-done',
  'security-question',
  'dashboard',
  'security-settings',
  'enable-method',
  'enable',
  'backup-code',
  'disable',
] as const;
export type Screen = (typeof SCREENS)[number];

/** The windows that open over Security Settings. */
export const DIALOGS = ['enable-method', 'enable', 'backup-code', 'disable'] as const satisfies readonly Screen[];
export type Dialog = (typeof DIALOGS)[number];
/** A screen that fills the browser window (a dialog's page is Security Settings, behind it). */
export type Page = Exclude<Screen, Dialog>;

/** The screens shown before the customer is signed in. */
export const SIGNED_OUT_SCREENS = ['login', 'second-factor', 'backup-login'] as const satisfies readonly Screen[];

export const isDialog = (screen: Screen): screen is Dialog => (DIALOGS as readonly Screen[]).includes(screen);
export const isSignedIn = (screen: Screen): boolean => !(SIGNED_OUT_SCREENS as readonly Screen[]).includes(screen);
export const pageOf = (screen: Screen): Page => (isDialog(screen) ? 'security-settings' : screen);

export const CLIENT_AREA_HOST = 'clientarea.example.com';

/** The path the address bar shows on each screen (a window keeps its page's address). */
const PATHS: Record<Screen, string> = {
  login: 'login',
  'second-factor': 'login',
  'backup-login': 'login',
  'backup-login-done': 'login/backup-code',
  'security-question': 'user/security-question',
  dashboard: 'clientarea',
  'security-settings': 'user/security',
  'enable-method': 'user/security',
  enable: 'user/security',
  'backup-code': 'user/security',
  disable: 'user/security',
};

/** "clientarea.example.com/user/security" */
export const addressOf = (screen: Screen): string => `${CLIENT_AREA_HOST}/${PATHS[screen]}`;

/**
 * The last answer of the client area: `id` changes with every answer (even an identical one),
 * `from` says which form asked, so the page shows it there.
 */
export type ResultView = { readonly id: number; readonly from: ResultSource; readonly message: string } & (
  { readonly ok: true; readonly kind: SuccessKind } | { readonly ok: false; readonly kind: RefusalKind }
);

export interface ClientAreaView {
  readonly screen: Screen;
  /** What fills the browser window: the screen, or Security Settings behind a window. */
  readonly page: Page;
  /** The open window, if any. */
  readonly dialog: Dialog | null;
  readonly signedIn: boolean;
  readonly address: string;
  readonly customer: { readonly name: string; readonly email: string };
  readonly menuOpen: boolean;
  readonly captchaRequired: boolean;
  readonly questionRequired: boolean;
  /** The security question's text when set (the answer is never shown). */
  readonly question: string | null;
  readonly twoFactorEnabled: boolean;
  readonly result: ResultView | null;
  /** The refusal of the last action, for the field or the alert; a lock's message counts down. */
  readonly error: { readonly kind: RefusalKind; readonly message: string; readonly field?: Refusal['field'] } | null;
  /** The confirmation of the last action, if it has one ("Changes Saved Successfully!"...). */
  readonly notice: string | null;
  /** The enable window's key and QR payload, only while the window is open. */
  readonly enrollment: { readonly key: string; readonly keyGrouped: string; readonly uri: string } | null;
  /** "a1b2 c3d4 e5f6 a7b8", only while the screen showing it is open. */
  readonly backupCode: string | null;
  /** "I have saved my backup code" is ticked. */
  readonly backupSaved: boolean;
  /** How often closing the backup-code window was refused because the box was not ticked (0: never). */
  readonly backupReminders: number;
  /** The form on this screen (password, code) is locked until this time (ms), if locked now. */
  readonly lockedUntil: number | null;
}

export function viewClientArea(snapshot: SnapshotFrom<ClientAreaMachine>): ClientAreaView {
  const { server, last, answers, shownBackupCode, menuOpen, backupSaved, backupReminders } = snapshot.context;
  const screen = screenOf(snapshot.value) as Screen;
  const { customer, settings, pending } = server;
  const now = snapshot.context.env.clock.now();
  return {
    screen,
    page: pageOf(screen),
    dialog: isDialog(screen) ? screen : null,
    signedIn: isSignedIn(screen),
    address: addressOf(screen),
    customer: { name: customer.name, email: customer.email },
    menuOpen,
    captchaRequired: settings.captcha,
    questionRequired: settings.requireSecurityQuestion,
    question: server.question?.text ?? null,
    twoFactorEnabled: server.twoFactor !== null,
    result: last
      ? last.ok
        ? { id: answers, from: last.from, message: last.message, ok: true, kind: last.kind }
        : { id: answers, from: last.from, message: refusalMessageAt(last, now), ok: false, kind: last.kind }
      : null,
    error:
      last && !last.ok
        ? { kind: last.kind, message: refusalMessageAt(last, now), ...(last.field ? { field: last.field } : {}) }
        : null,
    notice: last?.ok && last.message !== '' ? last.message : null,
    enrollment:
      screen === 'enable' && pending
        ? {
            key: pending.secret,
            keyGrouped: groupInFours(pending.secret),
            uri: buildOtpauthUri({ issuer: customer.company, accountName: customer.email, secret: pending.secret }),
          }
        : null,
    backupCode: shownBackupCode === null ? null : formatBackupCode(shownBackupCode),
    backupSaved,
    backupReminders,
    lockedUntil: lockShownOn(server, screen, now),
  };
}

export interface PhoneView {
  readonly screen: PhoneScreen;
  readonly installed: boolean;
  readonly error: string | null;
  readonly lastAdded: string | null;
  readonly clockOffsetMs: number;
  /** "12:00:30": the status bar's clock (UTC), on the phone's own time. */
  readonly time: string;
  /** The RFC 6238 counter on the phone's clock: the codes change when it does. */
  readonly timeStep: number;
  readonly google: string | null;
  /** Each account with the code the phone shows now, on its own clock. */
  readonly accounts: ReadonlyArray<PhoneAccount & ShownCode>;
}

export function viewPhone(snapshot: SnapshotFrom<PhoneMachine>, trueNowMs: number): PhoneView {
  const { phone, error, lastAdded } = snapshot.context;
  const now = phoneNow(phone, trueNowMs);
  return {
    screen: typeof snapshot.value === 'string' && snapshot.value !== 'starting' ? snapshot.value : 'home',
    installed: phone.installed,
    error,
    lastAdded,
    clockOffsetMs: phone.clockOffsetMs,
    time: clockTime(now),
    timeStep: timeStepAt(now),
    google: phone.google,
    accounts: phone.accounts.map((account) => ({ ...account, ...codeAt(account, now) })),
  };
}
