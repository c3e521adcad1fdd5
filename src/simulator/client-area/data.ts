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
  /** Consecutive wrong codes at login before code entry locks (RFC 4226 §7.3 throttling). */
  readonly lockoutAfter: number;
  readonly lockoutMs: number;
  /**
   * Length of new TOTP secrets. 20 bytes (160 bits, 32 Base32 characters) as RFC 4226 §4
   * recommends; the reference client area issues 10 bytes (16 characters), which the engine
   * also accepts, but otplib's default guardrails do not.
   */
  readonly secretBytes: number;
  /** Windows accepted either side of the current one (RFC 6238 §5.2). */
  readonly window: number;
}

export const DEFAULT_SETTINGS: Settings = {
  requireSecurityQuestion: true,
  captcha: true,
  lockoutAfter: 5,
  lockoutMs: 5 * 60_000,
  secretBytes: 20,
  window: 1,
};
