/**
 * The phone and its Google Authenticator, as plain data and pure functions: the account list,
 * adding an account from a scanned URI or a typed setup key, the code each account shows on the
 * phone's own (possibly wrong) clock, and Google-account sync shared between phones.
 */
import { checkSetupKey } from '../otp/base32';
import { parseOtpauthUri, type KeyUri } from '../otp/otpauth';
import { generateCode, secondsLeftAt } from '../otp/totp';

export interface PhoneAccount extends KeyUri {
  readonly id: string;
}

export interface PhoneState {
  readonly installed: boolean;
  readonly accounts: readonly PhoneAccount[];
  /** How far the phone's clock is from true time, in ms (positive = ahead). */
  readonly clockOffsetMs: number;
  /** The Google account signed in on the phone; its authenticator entries sync there. */
  readonly google: string | null;
  readonly nextId: number;
}

export const EMPTY_PHONE: PhoneState = { installed: false, accounts: [], clockOffsetMs: 0, google: null, nextId: 1 };

/** What the phone believes the time is. */
export function phoneNow(state: PhoneState, trueNowMs: number): number {
  return trueNowMs + state.clockOffsetMs;
}

export interface ShownCode {
  /** "123456" */
  readonly code: string;
  /** "123 456", as the app shows it. */
  readonly grouped: string;
  /** Seconds left on the countdown ring (30..1), from absolute time, never a counter. */
  readonly secondsLeft: number;
}

/** The code an account shows when the phone's clock reads `phoneNowMs`. */
export function codeAt(account: Pick<KeyUri, 'secret'>, phoneNowMs: number): ShownCode {
  const code = generateCode(account.secret, phoneNowMs);
  return { code, grouped: `${code.slice(0, 3)} ${code.slice(3)}`, secondsLeft: secondsLeftAt(phoneNowMs) };
}

export type AddResult =
  | { readonly ok: true; readonly state: PhoneState; readonly account: PhoneAccount }
  | { readonly ok: false; readonly message: string };

/** Adds an account (duplicates allowed, as in the real app: look-alike entries can pile up). */
export function addAccount(state: PhoneState, key: KeyUri): AddResult {
  const account = { ...key, id: `account-${state.nextId}` };
  return { ok: true, account, state: { ...state, accounts: [...state.accounts, account], nextId: state.nextId + 1 } };
}

/** "Scan a QR code": only a valid TOTP key URI is accepted. `null` = no QR code in view. */
export function addFromScan(state: PhoneState, scanned: string | null): AddResult {
  if (scanned === null) return { ok: false, message: 'No QR code found. Point the camera at the QR code.' };
  const parsed = parseOtpauthUri(scanned);
  return parsed.ok ? addAccount(state, parsed.key) : { ok: false, message: parsed.message };
}

/** "Enter a setup key": an account name and a Base32 key (time based). */
export function addFromSetupKey(state: PhoneState, accountName: string, key: string): AddResult {
  const name = String(accountName ?? '').trim();
  if (name === '') return { ok: false, message: 'Enter an account name.' };
  const checked = checkSetupKey(String(key ?? ''));
  if (!checked.ok) return { ok: false, message: checked.message };
  return addAccount(state, { issuer: '', accountName: name, secret: checked.key });
}

export function removeAccount(state: PhoneState, id: string): PhoneState {
  return { ...state, accounts: state.accounts.filter((account) => account.id !== id) };
}

/**
 * Google-account backup of authenticator entries, shared between phone instances: a new phone
 * signed in to the same Google account gets the entries back; another account does not.
 */
export interface SyncStore {
  load(googleAccount: string): readonly PhoneAccount[];
  save(googleAccount: string, accounts: readonly PhoneAccount[]): void;
}

export function createSyncStore(): SyncStore {
  const saved = new Map<string, readonly PhoneAccount[]>();
  return {
    load: (googleAccount) => saved.get(googleAccount) ?? [],
    save: (googleAccount, accounts) => void saved.set(googleAccount, [...accounts]),
  };
}

/** Entries restored from the Google account, merged in (by secret and label) after local ones. */
export function restoreFrom(state: PhoneState, store: SyncStore | null): PhoneState {
  if (!store || state.google === null) return state;
  const known = new Set(state.accounts.map((a) => `${a.issuer}:${a.accountName}:${a.secret}`));
  let next = state;
  for (const account of store.load(state.google)) {
    if (known.has(`${account.issuer}:${account.accountName}:${account.secret}`)) continue;
    const added = addAccount(next, account);
    if (added.ok) next = added.state;
  }
  return next;
}
