/**
 * Every string the simulated client area shows. Entries marked "verbatim" are the real client
 * area's words (shared/reference/client-area-2fa.md); the others are the simulator's own, for
 * cases the reference gives no wording for.
 */
import type { BackupProblem } from '../otp/backup-code';
import type { CodeProblem } from '../otp/normalise';

/** The three forms that count failures and lock (`server.ts`). */
export type ThrottleScope = 'password' | 'second-factor' | 'enrollment';

export const LABELS = {
  emailAddress: 'Email Address', // verbatim
  password: 'Password', // verbatim
  rememberMe: 'Remember Me', // verbatim
  forgotPassword: 'Forgot Password?', // verbatim
  login: 'Login', // verbatim
  captcha: "I'm not a robot", // verbatim
  hello: (name: string) => `Hello, ${name}!`, // verbatim
  securitySettings: 'Security Settings', // verbatim
  securityQuestion: 'Security Question', // verbatim
  answer: 'Answer', // verbatim
  confirmAnswer: 'Confirm Answer', // verbatim
  currentAnswer: 'Current Answer',
  saveChanges: 'Save Changes', // verbatim
  twoFactorCard: 'Two-Factor Authentication', // verbatim
  twoFactorOff: 'Two-Factor Authentication is currently disabled', // verbatim
  twoFactorOn: 'Two-Factor Authentication is currently enabled',
  clickToEnable: 'Click here to Enable', // verbatim
  clickToDisable: 'Click here to Disable', // verbatim
  enableTitle: 'Enable Two-Factor Authentication', // verbatim
  timeBasedTokens: 'Time Based Tokens', // verbatim
  getStarted: 'Get Started', // verbatim
  connectYourApp: 'Connect your app', // verbatim
  submit: 'Submit', // verbatim
  backupCode: 'Backup Code', // verbatim
  yourBackupCode: 'Your Backup Code is', // verbatim
  cantAccess: "Can't Access Your 2nd Factor Device?", // verbatim
  loginUsingBackup: 'Login using Backup Code', // verbatim
  cancel: 'Cancel', // verbatim
  yourNewBackupCode: 'Your New Backup Code is', // verbatim
  continue: 'Continue', // verbatim
  logout: 'Logout',
  /**
   * The menu under the customer's name, before Logout, in the order WHMCS's client area lists it
   * (the reference names only Security Settings; this help center's articles send readers to
   * Change Password and Email History there). The simulator covers only Security Settings.
   */
  accountMenu: [
    'Edit Account Details',
    'Payment Methods',
    'Contacts/Sub-Accounts',
    'Change Password',
    'Security Settings', // verbatim
    'Email History',
  ],
} as const;

export const MESSAGES = {
  loginIncorrect: 'Login Details Incorrect. Please try again.', // verbatim
  captchaRequired: 'Please complete the captcha and try again.',
  secondFactorRequired: 'Your second factor is required to complete login.', // verbatim
  secondFactorIncorrect: 'The second factor you supplied was incorrect. Please try again.', // verbatim
  enrollmentMismatch:
    'The code you entered did not match what was expected. Please re-scan or enter the code and try again.', // verbatim
  enabled: 'Two-Factor Authentication is now enabled', // verbatim
  keepBackupCode: 'Keep this code safe, like a password: it cannot be shown again.',
  backupLoginSuccess: 'Login via Backup Code Successful', // verbatim
  backupReset: 'Backup Codes are valid once only. It will now be reset.', // verbatim
  passwordIncorrect: 'Password incorrect. Please try again.', // verbatim
  disabled: 'Two-Factor Authentication has now been disabled for your account.', // verbatim
  codeReused: 'That code was already used. Please wait for the next code and try again.',
  questionRequired: 'Please set your security question before enabling Two-Factor Authentication.',
  questionUnknown: 'Please choose a security question.',
  answerEmpty: 'Please enter an answer.',
  answersDiffer: 'The answers you entered do not match.',
  currentAnswerWrong: 'The current answer you entered is incorrect.',
  questionSaved: 'Changes Saved Successfully!',
  notAvailable: 'This action is not available right now.',
  /** While a lock lasts (the reference gives no wording for locks: all of these are our own). */
  lockedOut: (msLeft: number, scope: ThrottleScope = 'second-factor') =>
    scope === 'password'
      ? `Too many failed login attempts: login is locked. Try again in ${formatWait(msLeft)}.`
      : `Too many incorrect codes: code entry is locked. Try again in ${formatWait(msLeft)}.`,
  /** Shown in place of the countdown once the lock has ended. */
  unlocked: (scope: ThrottleScope) =>
    scope === 'password' ? 'Login is unlocked: you can try again.' : 'Code entry is unlocked: you can try again.',
  /** After the most failures in a row allowed (NIST SP 800-63B §5.2.2): only support can unlock. */
  blocked: (scope: ThrottleScope) => {
    switch (scope) {
      case 'password':
        return 'Too many failed login attempts: login to this account is blocked. Please contact support.';
      case 'second-factor':
        return 'Too many incorrect codes: code entry is blocked for this account. Please contact support, who will verify your identity.';
      case 'enrollment':
        return 'Too many incorrect codes: Two-Factor Authentication cannot be enabled for now. Please contact support.';
    }
  },
} as const;

/** "4:05" */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Inline messages for the 6-digit field (robustness items 3 and 16). */
export function codeProblemMessage(problem: CodeProblem, length: number): string {
  switch (problem) {
    case 'empty':
      return 'Please enter the 6-digit code from your app.';
    case 'too-short':
    case 'too-long':
      return `The code has 6 digits; you entered ${length}.`;
    case 'letters':
      return 'The code has only digits (0–9).';
    case 'looks-like-backup-code':
      return 'This looks like your backup code. Here, enter the 6-digit code from your app, or choose “Login using Backup Code”.';
  }
}

/** Inline messages for the backup-code field (robustness items 15 and 16). */
export function backupProblemMessage(problem: BackupProblem, length: number): string {
  switch (problem) {
    case 'empty':
      return 'Please enter your backup code.';
    case 'looks-like-app-code':
      return 'This looks like a code from your app. Here, enter your 16-character backup code, or choose “Cancel” to use the app.';
    case 'not-hex':
      return 'A backup code has only the digits 0–9 and the letters a–f.';
    case 'wrong-length':
      return `A backup code has 16 characters; you entered ${length}.`;
  }
}
