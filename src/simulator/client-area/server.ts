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
import { DEFAULT_SETTINGS, DEMO_CUSTOMER, SECURITY_QUESTIONS, type Customer, type Settings } from './data';
import { backupProblemMessage, codeProblemMessage, MESSAGES } from './messages';

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
  /** Consecutive wrong codes at login. */
  readonly failures: number;
  readonly lockedUntil: number | null;
}

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
  readonly lockedUntil?: number;
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
    settings: { ...DEFAULT_SETTINGS, ...settings },
    customer,
    session: 'signed-out',
    question: null,
    pending: null,
    discarded: [],
    twoFactor: null,
    failures: 0,
    lockedUntil: null,
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

export function login(state: ServerState, _env: ServerEnv, email: string, password: string, captcha: boolean): Outcome {
  if (state.session !== 'signed-out') return notAvailable(state);
  // The captcha is checked before any credential (reference: "refused before any credential check").
  if (state.settings.captcha && captcha !== true) return refuse(state, 'captcha', MESSAGES.captchaRequired);
  const emailMatches = text(email).trim().toLowerCase() === state.customer.email.toLowerCase();
  if (!emailMatches || text(password) !== state.customer.password) {
    return refuse(state, 'credentials', MESSAGES.loginIncorrect);
  }
  return state.twoFactor
    ? ok({ ...state, session: 'second-factor' }, 'second-factor-required', MESSAGES.secondFactorRequired)
    : ok({ ...state, session: 'signed-in' }, 'signed-in');
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
export function beginEnrollment(state: ServerState, env: ServerEnv): Outcome {
  if (state.session !== 'signed-in' || state.twoFactor) return notAvailable(state);
  if (state.settings.requireSecurityQuestion && !state.question) {
    return refuse(state, 'question-required', MESSAGES.questionRequired);
  }
  const secret = encodeBase32(env.random.bytes(state.settings.secretBytes));
  return ok({ ...withoutPending(state), pending: { secret } }, 'enrollment-started');
}

export function cancelEnrollment(state: ServerState): Outcome {
  return ok(withoutPending(state), 'enrollment-cancelled');
}

function withoutPending(state: ServerState): ServerState {
  if (!state.pending) return state;
  return { ...state, pending: null, discarded: [state.pending.secret, ...state.discarded].slice(0, 3) };
}

export function confirmEnrollment(state: ServerState, env: ServerEnv, typed: string): Outcome {
  if (state.session !== 'signed-in' || !state.pending) return notAvailable(state);
  const input = normaliseCode(text(typed));
  if (!input.ok) return refuse(state, 'malformed', codeProblemMessage(input.problem, input.length), { field: 'code' });
  const now = env.clock.now();
  const check = verifyCode(state.pending.secret, input.code, now, { window: state.settings.window });
  if (check.valid) {
    const backupCode = generateBackupCode(env.random);
    const twoFactor = {
      secret: state.pending.secret,
      backup: hashValue(backupCode, env.random),
      lastUsedStep: check.timeStep,
    };
    return ok({ ...state, pending: null, discarded: [], twoFactor }, 'enabled', MESSAGES.enabled, backupCode);
  }
  const stale = state.discarded.some(
    (secret) => verifyCode(secret, input.code, now, { window: state.settings.window }).valid,
  );
  if (stale) return refuse(state, 'stale-secret', MESSAGES.enrollmentMismatch);
  return refuse(state, check.reason, MESSAGES.enrollmentMismatch, 'delta' in check ? { delta: check.delta } : {});
}

/** Refuses while locked; lifts an expired lock. `null` means code entry may proceed. */
function lockCheck(state: ServerState, now: number): { state: ServerState; locked: Outcome | null } {
  if (state.lockedUntil === null) return { state, locked: null };
  if (now >= state.lockedUntil) return { state: { ...state, lockedUntil: null, failures: 0 }, locked: null };
  const lockedUntil = state.lockedUntil;
  return { state, locked: refuse(state, 'locked', MESSAGES.lockedOut(lockedUntil - now), { lockedUntil }) };
}

/** Counts a wrong code at login; the Nth in a row locks code entry (RFC 4226 §7.3). */
function failure(
  state: ServerState,
  now: number,
  kind: RefusalKind,
  message: string,
  extra: Partial<Refusal>,
): Outcome {
  const failures = state.failures + 1;
  if (failures < state.settings.lockoutAfter) return refuse({ ...state, failures }, kind, message, extra);
  const lockedUntil = now + state.settings.lockoutMs;
  const locked = `${message} ${MESSAGES.lockedOut(state.settings.lockoutMs)}`;
  return refuse({ ...state, failures: 0, lockedUntil }, kind, locked, { ...extra, lockedUntil });
}

export function verifySecondFactor(initial: ServerState, env: ServerEnv, typed: string): Outcome {
  if (initial.session !== 'second-factor' || !initial.twoFactor) return notAvailable(initial);
  const now = env.clock.now();
  const { state, locked } = lockCheck(initial, now);
  if (locked) return locked;
  const input = normaliseCode(text(typed));
  if (!input.ok) return refuse(state, 'malformed', codeProblemMessage(input.problem, input.length), { field: 'code' });
  const twoFactor = initial.twoFactor;
  const check = verifyCode(twoFactor.secret, input.code, now, {
    window: state.settings.window,
    lastUsedStep: twoFactor.lastUsedStep,
  });
  if (check.valid) {
    const next = {
      ...state,
      session: 'signed-in' as const,
      failures: 0,
      twoFactor: { ...twoFactor, lastUsedStep: check.timeStep },
    };
    return ok(next, 'signed-in');
  }
  const message = check.reason === 'reused' ? MESSAGES.codeReused : MESSAGES.secondFactorIncorrect;
  return failure(state, now, check.reason, message, 'delta' in check ? { delta: check.delta } : {});
}

/** Single use: a login with the backup code keeps 2FA on and issues a new one. */
export function loginWithBackupCode(initial: ServerState, env: ServerEnv, typed: string): Outcome {
  if (initial.session !== 'second-factor' || !initial.twoFactor) return notAvailable(initial);
  const now = env.clock.now();
  const { state, locked } = lockCheck(initial, now);
  if (locked) return locked;
  const input = normaliseBackupCode(text(typed));
  if (!input.ok) {
    return refuse(state, 'malformed', backupProblemMessage(input.problem, input.length), { field: 'backup-code' });
  }
  const twoFactor = initial.twoFactor;
  if (!matchesHash(input.code, twoFactor.backup))
    return failure(state, now, 'wrong', MESSAGES.secondFactorIncorrect, {});
  const backupCode = generateBackupCode(env.random);
  const next = {
    ...state,
    session: 'signed-in' as const,
    failures: 0,
    twoFactor: { ...twoFactor, backup: hashValue(backupCode, env.random) },
  };
  return ok(next, 'backup-login', MESSAGES.backupLoginSuccess, backupCode);
}

export function disableTwoFactor(state: ServerState, _env: ServerEnv, password: string): Outcome {
  if (state.session !== 'signed-in' || !state.twoFactor) return notAvailable(state);
  if (text(password) !== state.customer.password) return refuse(state, 'password', MESSAGES.passwordIncorrect);
  return ok({ ...state, twoFactor: null }, 'disabled', MESSAGES.disabled);
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
