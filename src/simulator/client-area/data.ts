/** The demo customer and the host's settings. Practice data only: never a real account. */

export interface Customer {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  /** The company name, used as the issuer in the authenticator app. */
  readonly company: string;
  readonly clientAreaUrl: string;
  /** Used by start steps that need the security question already set. */
  readonly securityQuestion: string;
  readonly securityAnswer: string;
}

export const DEMO_CUSTOMER: Customer = {
  name: 'Alex Morgan',
  email: 'alex.morgan@example.com',
  password: 'Practice-Only-2FA!',
  company: 'Example Hosting',
  clientAreaUrl: 'https://clientarea.example.com/',
  securityQuestion: 'What was the name of your first pet?',
  securityAnswer: 'Biscuit',
};

export const SECURITY_QUESTIONS: readonly string[] = [
  'What was the name of your first pet?',
  'In what city were you born?',
  'What is the name of your favourite teacher?',
  'What was the make of your first car?',
];

export interface Settings {
  /** This host asks for a security question before 2FA can be enabled. */
  readonly requireSecurityQuestion: boolean;
  /** "I'm not a robot" checkbox on the login form. */
  readonly captcha: boolean;
  /**
   * Failures in a row before each lock (RFC 4226 §7.3 throttling). Counted apart for the password,
   * the code or backup code at login, and the code in the enable window; a success resets the count.
   */
  readonly lockoutAfter: number;
  /** The first lock. Each further lock in the same run of failures lasts twice as long. */
  readonly lockoutMs: number;
  /** The longest lock. */
  readonly lockoutMaxMs: number;
  /**
   * Failures in a row after which the form stays locked until support unlocks the account. NIST SP
   * 800-63B §5.2.2 allows at most 100, so a larger value is read as 100. Locks do not reset the
   * count, so over any length of time an attacker gets at most this many guesses.
   */
  readonly maxFailures: number;
  /**
   * 80-bit (16-character) keys, as the reference client area issues. Below RFC 4226 R6, which
   * says a key MUST be at least 128 bits: only for reproducing that client area exactly. Off:
   * 160-bit keys (32 characters), the length RFC 4226 §4 recommends.
   */
  readonly legacyShortKeys: boolean;
  /** Windows accepted either side of the current one (RFC 6238 §5.2). */
  readonly window: number;
}

/** NIST SP 800-63B §5.2.2: no more than 100 consecutive failed attempts on one account. */
export const MAX_FAILURES_LIMIT = 100;

export const DEFAULT_SETTINGS: Settings = {
  requireSecurityQuestion: true,
  captcha: true,
  lockoutAfter: 5,
  lockoutMs: 5 * 60_000,
  lockoutMaxMs: 24 * 60 * 60_000,
  maxFailures: MAX_FAILURES_LIMIT,
  legacyShortKeys: false,
  window: 1,
};

/** Bytes of a new TOTP key: 20 (160 bits), or 10 (80 bits) with `legacyShortKeys`. */
export const keyBytes = (settings: Pick<Settings, 'legacyShortKeys'>): number => (settings.legacyShortKeys ? 10 : 20);

/** A whole number within min..max; a value that is not a number gives `fallback`. */
const whole = (value: number, fallback: number, min: number, max: number) =>
  Number.isNaN(Number(value)) ? fallback : Math.min(max, Math.max(min, Math.floor(value)));

/**
 * The defaults with the overrides applied, and the limits kept within what the rules can honour:
 * at least one failure before a lock, never more than 100 failures in a row (SP 800-63B §5.2.2).
 */
export function resolveSettings(overrides: Partial<Settings> = {}): Settings {
  const settings = { ...DEFAULT_SETTINGS, ...overrides };
  const maxFailures = whole(settings.maxFailures, MAX_FAILURES_LIMIT, 1, MAX_FAILURES_LIMIT);
  const lockoutAfter = whole(settings.lockoutAfter, DEFAULT_SETTINGS.lockoutAfter, 1, maxFailures);
  return { ...settings, maxFailures, lockoutAfter };
}
