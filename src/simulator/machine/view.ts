/**
 * What each screen needs, derived from the actors' snapshots, so the UI never digs into the
 * machines' context. Codes on the phone are computed here from the clock, at render time.
 */
import type { SnapshotFrom } from 'xstate';
import { lockShownOn, refusalMessageAt } from '../client-area/locks';
import type { RefusalKind, Refusal } from '../client-area/server';
import { formatBackupCode } from '../otp/backup-code';
import { groupInFours } from '../otp/base32';
import { buildOtpauthUri } from '../otp/otpauth';
import { codeAt, phoneNow, type PhoneAccount, type ShownCode } from '../phone/phone';
import type { PhoneMachine, PhoneStep } from '../phone/phone-machine';
import { screenOf, type ClientAreaMachine } from './client-area-machine';

/** The client area's screens, named after the machine's leaf states. */
export const SCREENS = [
  'login',
  'second-factor',
  'backup-login',
  'backup-login-done',
  'security-question',
  'dashboard',
  'security-settings',
  'enable',
  'backup-code',
  'disable',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface ClientAreaView {
  readonly screen: Screen;
  readonly customer: { readonly name: string; readonly email: string };
  readonly menuOpen: boolean;
  readonly captchaRequired: boolean;
  readonly questionRequired: boolean;
  /** The security question's text when set (the answer is never shown). */
  readonly question: string | null;
  readonly twoFactorEnabled: boolean;
  /** The refusal of the last action, for the field or the alert; a lock's message counts down. */
  readonly error: { readonly kind: RefusalKind; readonly message: string; readonly field?: Refusal['field'] } | null;
  /** The confirmation of the last action, if it has one ("Changes Saved Successfully!"...). */
  readonly notice: string | null;
  /** The enable window's key and QR payload, only while the window is open. */
  readonly enrollment: { readonly key: string; readonly keyGrouped: string; readonly uri: string } | null;
  /** "a1b2 c3d4 e5f6 a7b8", only while the screen showing it is open. */
  readonly backupCode: string | null;
  /** The form on this screen (password, code) is locked until this time (ms), if locked now. */
  readonly lockedUntil: number | null;
}

export function viewClientArea(snapshot: SnapshotFrom<ClientAreaMachine>): ClientAreaView {
  const { server, last, shownBackupCode, menuOpen } = snapshot.context;
  const screen = screenOf(snapshot.value) as Screen;
  const { customer, settings, pending } = server;
  const now = snapshot.context.env.clock.now();
  return {
    screen,
    customer: { name: customer.name, email: customer.email },
    menuOpen,
    captchaRequired: settings.captcha,
    questionRequired: settings.requireSecurityQuestion,
    question: server.question?.text ?? null,
    twoFactorEnabled: server.twoFactor !== null,
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
    lockedUntil: lockShownOn(server, screen, now),
  };
}

export interface PhoneView {
  readonly screen: PhoneStep | 'installing';
  readonly installed: boolean;
  readonly error: string | null;
  readonly lastAdded: string | null;
  readonly clockOffsetMs: number;
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
    google: phone.google,
    accounts: phone.accounts.map((account) => ({ ...account, ...codeAt(account, now) })),
  };
}
