/**
 * The fake client area: what it accepts and refuses, and with which words.
 *
 * The rules are pure functions `(state, env, ...input) -> { state, result }` over plain data, so
 * the XState machine can keep the server's state in its context (and `xstate/graph` can explore
 * it), while `createClientArea` wraps them as a small stateful object for direct use. Every
 * refusal is a typed `Refusal` with the message the client area shows; nothing throws on input.
 */
import { systemClock, cryptoRandom, type Clock, type RandomSource } from '../env';
import { generateBackupCode, hashValue, matchesHash, normaliseBackupCode, type Hashed } from '../otp/backup-code';
import { encodeBase32 } from '../otp/base32';
import { normaliseCode } from '../otp/normalise';
import { verifyCode } from '../otp/totp';
import { DEMO_CUSTOMER, keyBytes, resolveSettings, SECURITY_QUESTIONS, type Customer, type Settings } from './data';
import { backupProblemMessage, codeProblemMessage, MESSAGES, type ThrottleScope } from './messages';

export type { ThrottleScope } from './messages';

export interface ServerEnv {
  readonly clock: Clock;
  readonly random: RandomSource;
}

export type Session = 'signed-out' | 'second-factor' | 'signed-in';

export interface ServerState {
  readonly settings: Settings;
  readonly customer: Customer;
  readonly session: Session;
  readonly question: { readonly text: string; readonly answer: Hashed } | null;
  /** The secret of the open "Enable Two-Factor Authentication" window, if any. */
  readonly pending: { readonly secret: string } | null;
  /** Secrets of windows closed unfinished, kept only to explain why their codes fail (robustness 13). */
  readonly discarded: readonly string[];
  readonly twoFactor: {
    readonly secret: string;
    readonly backup: Hashed;
    /** RFC 6238 §5.2 replay protection: the time step of the last accepted code. */
    readonly lastUsedStep: number | null;
  } | null;
  /** Failures in a row and the current lock, for each form that counts them. */
  readonly throttle: Readonly<Record<ThrottleScope, Throttle>>;
}

/**
 * Failures in a row on one form since its last success. A lock does not reset the count (NIST SP
 * 800-63B §5.2.2): every `lockoutAfter` failures lock the form, each lock twice as long as the one
 * before, and at `maxFailures` (at most 100) it stays locked until support unlocks the account.
 */
export interface Throttle {
  readonly failures: number;
  readonly lockedUntil: number | null;
}

const UNTHROTTLED: Throttle = { failures: 0, lockedUntil: null };

export type RefusalKind =
  | 'captcha'
  | 'credentials'
  | 'malformed'
  | 'wrong'
  | 'expired'
  | 'early'
  | 'reused'
  | 'stale-secret'
  | 'locked'
  | 'blocked'
  | 'question-required'
  | 'question-invalid'
  | 'password'
  | 'not-available';

export type SuccessKind =
  | 'signed-in'
  | 'second-factor-required'
  | 'signed-out'
  | 'question-saved'
  | 'enrollment-started'
  | 'enrollment-cancelled'
  | 'enabled'
  | 'backup-login'
  | 'disabled';

export interface Refusal {
  readonly ok: false;
  readonly kind: RefusalKind;
  readonly message: string;
  /** For a genuine code from the wrong window: its window relative to the server's (RFC 6238 §5.2). */
  readonly delta?: number;
  /** A lock this refusal started or met: until when (ms). */
  readonly lockedUntil?: number;
  /** The form whose failures this refusal counted, or whose lock or block refused it. */
  readonly scope?: ThrottleScope;
  /** This failure reached `maxFailures`: the form stays locked until support unlocks it. */
  readonly blocked?: true;
  /** Which field a malformed entry belongs in. */
  readonly field?: 'code' | 'backup-code' | 'question';
}

export interface Success {
  readonly ok: true;
  readonly kind: SuccessKind;
  readonly message: string;
  /** Plain text of a new backup code: only in `enabled` and `backup-login` results. */
  readonly backupCode?: string;
}

export type Result = Success | Refusal;

export interface Outcome<R extends Result = Result> {
  readonly state: ServerState;
  readonly result: R;
}

export function initialServerState(settings: Partial<Settings> = {}, customer: Customer = DEMO_CUSTOMER): ServerState {
  return {
    settings: resolveSettings(settings),
    customer,
    session: 'signed-out',
    question: null,
    pending: null,
    discarded: [],
    twoFactor: null,
    throttle: { password: UNTHROTTLED, 'second-factor': UNTHROTTLED, enrollment: UNTHROTTLED },
  };
}

const ok = (state: ServerState, kind: SuccessKind, message = '', backupCode?: string): Outcome => ({
  state,
  result: backupCode === undefined ? { ok: true, kind, message } : { ok: true, kind, message, backupCode },
});
const refuse = (state: ServerState, kind: RefusalKind, message: string, extra: Partial<Refusal> = {}): Outcome => ({
  state,
  result: { ok: false, kind, message, ...extra },
});
const notAvailable = (state: ServerState) => refuse(state, 'not-available', MESSAGES.notAvailable);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const normaliseAnswer = (answer: string) => answer.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Failed logins are counted for the login form as a whole, whatever e-mail address was typed (the
 * simulator has one visitor, as a host's ban of an IP address would count them).
 */
export function login(
  initial: ServerState,
  env: ServerEnv,
  email: string,
  password: string,
  captcha: boolean,
): Outcome {
  if (initial.session !== 'signed-out') return notAvailable(initial);
  // The captcha is checked before any credential (reference: "refused before any credential check").
  if (initial.settings.captcha && captcha !== true) return refuse(initial, 'captcha', MESSAGES.captchaRequired);
  const now = env.clock.now();
  const { state, refused } = throttleCheck(initial, 'password', now);
  if (refused) return refused;
  const emailMatches = text(email).trim().toLowerCase() === state.customer.email.toLowerCase();
  if (!emailMatches || text(password) !== state.customer.password) {
    return failure(state, 'password', now, 'credentials', MESSAGES.loginIncorrect);
  }
  const next = succeeded(state, 'password');
  return state.twoFactor
    ? ok({ ...next, session: 'second-factor' }, 'second-factor-required', MESSAGES.secondFactorRequired)
    : ok({ ...next, session: 'signed-in' }, 'signed-in');
}

export function signOut(state: ServerState): Outcome {
  return ok({ ...withoutPending(state), session: 'signed-out' }, 'signed-out');
}

export interface QuestionInput {
  readonly question: string;
  readonly answer: string;
  readonly confirm: string;
  /** Required when a question is already set. */
  readonly currentAnswer?: string;
}

export function setSecurityQuestion(state: ServerState, env: ServerEnv, input: QuestionInput): Outcome {
  if (state.session !== 'signed-in') return notAvailable(state);
  const invalid = (message: string) => refuse(state, 'question-invalid', message, { field: 'question' });
  if (!SECURITY_QUESTIONS.includes(text(input.question))) return invalid(MESSAGES.questionUnknown);
  const answer = normaliseAnswer(text(input.answer));
  if (answer === '') return invalid(MESSAGES.answerEmpty);
  if (answer !== normaliseAnswer(text(input.confirm))) return invalid(MESSAGES.answersDiffer);
  if (state.question && !matchesHash(normaliseAnswer(text(input.currentAnswer)), state.question.answer)) {
    return invalid(MESSAGES.currentAnswerWrong);
  }
  const question = { text: input.question, answer: hashValue(answer, env.random) };
  return ok({ ...state, question }, 'question-saved', MESSAGES.questionSaved);
}

/** Opens the enable window: a fresh secret every time (an earlier scan stops working). */
/** Why the enable window may not open now, or null when it may (this host: the question first). */
function enrollmentRefusal(state: ServerState): Outcome | null {
  if (state.session !== 'signed-in' || state.twoFactor) return notAvailable(state);
  if (state.settings.requireSecurityQuestion && !state.question) {
    return refuse(state, 'question-required', MESSAGES.questionRequired);
  }
  return null;
}

/** Whether "Click here to Enable" opens the window (the method choice comes before any key). */
export const mayBeginEnrollment = (state: ServerState): boolean => enrollmentRefusal(state) === null;

/** "Get Started" with Time Based Tokens (or the window opened directly): a new key for this window. */
export function beginEnrollment(state: ServerState, env: ServerEnv): Outcome {
  const refused = enrollmentRefusal(state);
  if (refused) return refused;
  const secret = encodeBase32(env.random.bytes(keyBytes(state.settings)));
  return ok({ ...withoutPending(state), pending: { secret } }, 'enrollment-started');
}

export function cancelEnrollment(state: ServerState): Outcome {
  return ok(withoutPending(state), 'enrollment-cancelled');
}

function withoutPending(state: ServerState): ServerState {
  if (!state.pending) return state;
  return { ...state, pending: null, discarded: [state.pending.secret, ...state.discarded].slice(0, 3) };
}

export function confirmEnrollment(initial: ServerState, env: ServerEnv, typed: string): Outcome {
  if (initial.session !== 'signed-in' || !initial.pending) return notAvailable(initial);
  const now = env.clock.now();
  const { state, refused } = throttleCheck(initial, 'enrollment', now);
  if (refused) return refused;
  const input = normaliseCode(text(typed));
  if (!input.ok) return refuse(state, 'malformed', codeProblemMessage(input.problem, input.length), { field: 'code' });
  const pending = initial.pending;
  const check = verifyCode(pending.secret, input.code, now, { window: state.settings.window });
  if (check.valid) {
    const backupCode = generateBackupCode(env.random);
    const twoFactor = {
      secret: pending.secret,
      backup: hashValue(backupCode, env.random),
      lastUsedStep: check.timeStep,
    };
    const next = { ...succeeded(state, 'enrollment'), pending: null, discarded: [], twoFactor };
    return ok(next, 'enabled', MESSAGES.enabled, backupCode);
  }
  const stale = state.discarded.some(
    (secret) => verifyCode(secret, input.code, now, { window: state.settings.window }).valid,
  );
  if (stale) return failure(state, 'enrollment', now, 'stale-secret', MESSAGES.enrollmentMismatch);
  const delta = 'delta' in check ? { delta: check.delta } : {};
  return failure(state, 'enrollment', now, check.reason, MESSAGES.enrollmentMismatch, delta);
}

/**
 * Refuses while the form is locked or blocked, and lifts an ended lock (keeping the count of
 * failures, which only a success resets). `refused: null` means the form may be judged.
 */
function throttleCheck(
  state: ServerState,
  scope: ThrottleScope,
  now: number,
): { state: ServerState; refused: Outcome | null } {
  const { failures, lockedUntil } = state.throttle[scope];
  if (failures >= state.settings.maxFailures) {
    return { state, refused: refuse(state, 'blocked', MESSAGES.blocked(scope), { scope }) };
  }
  if (lockedUntil === null) return { state, refused: null };
  if (now >= lockedUntil) return { state: withThrottle(state, scope, { failures, lockedUntil: null }), refused: null };
  return {
    state,
    refused: refuse(state, 'locked', MESSAGES.lockedOut(lockedUntil - now, scope), { lockedUntil, scope }),
  };
}

const withThrottle = (state: ServerState, scope: ThrottleScope, throttle: Throttle): ServerState => ({
  ...state,
  throttle: { ...state.throttle, [scope]: throttle },
});

const succeeded = (state: ServerState, scope: ThrottleScope) => withThrottle(state, scope, UNTHROTTLED);

/** How long the lock after `failures` failures in a row lasts: doubling from `lockoutMs`, at most `lockoutMaxMs`. */
export function lockDuration(settings: Settings, failures: number): number {
  const lock = Math.floor(failures / settings.lockoutAfter);
  return Math.min(settings.lockoutMaxMs, settings.lockoutMs * 2 ** (lock - 1));
}

/**
 * Counts a failure on a form (RFC 4226 §7.3, NIST SP 800-63B §5.2.2): every `lockoutAfter`-th in a
 * row locks it, for longer each time; the `maxFailures`-th blocks it.
 */
function failure(
  state: ServerState,
  scope: ThrottleScope,
  now: number,
  kind: RefusalKind,
  message: string,
  extra: Partial<Refusal> = {},
): Outcome {
  const failures = state.throttle[scope].failures + 1;
  const { lockoutAfter, maxFailures } = state.settings;
  if (failures >= maxFailures) {
    const next = withThrottle(state, scope, { failures, lockedUntil: null });
    return refuse(next, kind, `${message} ${MESSAGES.blocked(scope)}`, { ...extra, scope, blocked: true });
  }
  if (failures % lockoutAfter !== 0) {
    return refuse(withThrottle(state, scope, { failures, lockedUntil: null }), kind, message, { ...extra, scope });
  }
  const ms = lockDuration(state.settings, failures);
  const lockedUntil = now + ms;
  const locked = `${message} ${MESSAGES.lockedOut(ms, scope)}`;
  return refuse(withThrottle(state, scope, { failures, lockedUntil }), kind, locked, { ...extra, scope, lockedUntil });
}

export function verifySecondFactor(initial: ServerState, env: ServerEnv, typed: string): Outcome {
  if (initial.session !== 'second-factor' || !initial.twoFactor) return notAvailable(initial);
  const now = env.clock.now();
  const { state, refused } = throttleCheck(initial, 'second-factor', now);
  if (refused) return refused;
  const input = normaliseCode(text(typed));
  if (!input.ok) return refuse(state, 'malformed', codeProblemMessage(input.problem, input.length), { field: 'code' });
  const twoFactor = initial.twoFactor;
  const check = verifyCode(twoFactor.secret, input.code, now, {
    window: state.settings.window,
    lastUsedStep: twoFactor.lastUsedStep,
  });
  if (check.valid) {
    const next = {
      ...succeeded(state, 'second-factor'),
      session: 'signed-in' as const,
      twoFactor: { ...twoFactor, lastUsedStep: check.timeStep },
    };
    return ok(next, 'signed-in');
  }
  const message = check.reason === 'reused' ? MESSAGES.codeReused : MESSAGES.secondFactorIncorrect;
  return failure(state, 'second-factor', now, check.reason, message, 'delta' in check ? { delta: check.delta } : {});
}

/** Single use: a login with the backup code keeps 2FA on and issues a new one. */
export function loginWithBackupCode(initial: ServerState, env: ServerEnv, typed: string): Outcome {
  if (initial.session !== 'second-factor' || !initial.twoFactor) return notAvailable(initial);
  const now = env.clock.now();
  const { state, refused } = throttleCheck(initial, 'second-factor', now);
  if (refused) return refused;
  const input = normaliseBackupCode(text(typed));
  if (!input.ok) {
    return refuse(state, 'malformed', backupProblemMessage(input.problem, input.length), { field: 'backup-code' });
  }
  const twoFactor = initial.twoFactor;
  if (!matchesHash(input.code, twoFactor.backup))
    return failure(state, 'second-factor', now, 'wrong', MESSAGES.secondFactorIncorrect);
  const backupCode = generateBackupCode(env.random);
  const next = {
    ...succeeded(state, 'second-factor'),
    session: 'signed-in' as const,
    twoFactor: { ...twoFactor, backup: hashValue(backupCode, env.random) },
  };
  return ok(next, 'backup-login', MESSAGES.backupLoginSuccess, backupCode);
}

/** The password asked here counts towards the same limit as the login form's. */
export function disableTwoFactor(initial: ServerState, env: ServerEnv, password: string): Outcome {
  if (initial.session !== 'signed-in' || !initial.twoFactor) return notAvailable(initial);
  const now = env.clock.now();
  const { state, refused } = throttleCheck(initial, 'password', now);
  if (refused) return refused;
  if (text(password) !== state.customer.password) {
    return failure(state, 'password', now, 'password', MESSAGES.passwordIncorrect);
  }
  return ok({ ...succeeded(state, 'password'), twoFactor: null }, 'disabled', MESSAGES.disabled);
}

/** The same rules as a stateful object, for tests and for code that is not a machine. */
export interface ClientArea {
  readonly state: ServerState;
  login(email: string, password: string, captchaTicked: boolean): Result;
  signOut(): Result;
  setSecurityQuestion(input: QuestionInput): Result;
  beginEnrollment(): Result;
  cancelEnrollment(): Result;
  confirmEnrollment(code: string): Result;
  verifySecondFactor(code: string): Result;
  loginWithBackupCode(code: string): Result;
  disable(password: string): Result;
}

export interface ClientAreaOptions {
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly settings?: Partial<Settings>;
  readonly customer?: Customer;
  /** Start from an existing state (e.g. one prepared for a start step). */
  readonly state?: ServerState;
}

export function createClientArea(options: ClientAreaOptions = {}): ClientArea {
  const env: ServerEnv = { clock: options.clock ?? systemClock, random: options.random ?? cryptoRandom };
  let state = options.state ?? initialServerState(options.settings, options.customer);
  const run =
    <A extends unknown[]>(rule: (state: ServerState, env: ServerEnv, ...args: A) => Outcome) =>
    (...args: A): Result => {
      const outcome = rule(state, env, ...args);
      state = outcome.state;
      return outcome.result;
    };
  return {
    get state() {
      return state;
    },
    login: run(login),
    signOut: run(signOut),
    setSecurityQuestion: run(setSecurityQuestion),
    beginEnrollment: run(beginEnrollment),
    cancelEnrollment: run(cancelEnrollment),
    confirmEnrollment: run(confirmEnrollment),
    verifySecondFactor: run(verifySecondFactor),
    loginWithBackupCode: run(loginWithBackupCode),
    disable: run(disableTwoFactor),
  };
}
