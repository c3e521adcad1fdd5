/**
 * The fake client area's rules called directly, in and out of order, with the inputs an attacker
 * would try: every rule refuses a session it is not for, even with a correct code, the saved backup
 * code or the right password; the e-mail address is checked; an answer of spaces is no answer; the
 * stored hashes and the key URI parameters are what the engine documents.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, SECURITY_QUESTIONS } from '../../../src/simulator/client-area/data';
import { MESSAGES } from '../../../src/simulator/client-area/messages';
import {
  beginEnrollment,
  confirmEnrollment,
  disableTwoFactor,
  initialServerState,
  login,
  loginWithBackupCode,
  setSecurityQuestion,
  signOut,
  verifySecondFactor,
  type Outcome,
  type ServerEnv,
  type ServerState,
  type Session,
} from '../../../src/simulator/client-area/server';
import { seededRandom, type RandomSource } from '../../../src/simulator/env';
import { generateBackupCode, hashValue, matchesHash } from '../../../src/simulator/otp/backup-code';
import { buildOtpauthUri, parseOtpauthUri } from '../../../src/simulator/otp/otpauth';
import { generateCode } from '../../../src/simulator/otp/totp';
import { fakeClock } from './support';

const { email, password, securityQuestion, securityAnswer } = DEMO_CUSTOMER;
const clock = fakeClock();
let random: RandomSource | undefined;
/** The random source is made on first use, inside a test (see RULES on why not at load time). */
const env: ServerEnv = { clock, random: { bytes: (n) => (random ??= seededRandom('server-rules')).bytes(n) } };
/** Enrollment happened five minutes ago, so the current code has not been used yet. */
const earlier: ServerEnv = { ...env, clock: { now: () => clock.now() - 5 * 60_000 } };
const question = { question: securityQuestion, answer: securityAnswer, confirm: securityAnswer };

const must = ({ state, result }: Outcome) => {
  expect(result.ok).toBe(true);
  return state;
};

/** Each state the rules reach on the way, built by the rules themselves. */
function journey() {
  const signedOutOff = initialServerState();
  const signedInNoQuestion = must(login(signedOutOff, env, email, password, true));
  const signedInOff = must(setSecurityQuestion(signedInNoQuestion, env, question));
  const windowOpen = must(beginEnrollment(signedInOff, env));
  const secret = windowOpen.pending?.secret ?? '';
  const enabled = confirmEnrollment(windowOpen, earlier, generateCode(secret, earlier.clock.now()));
  const backupCode = enabled.result.ok ? (enabled.result.backupCode ?? '') : '';
  const signedInOn = must(enabled);
  const signedOutOn = must(signOut(signedInOn));
  const secondFactor = must(login(signedOutOn, env, email, password, true));
  return { signedOutOff, signedInOff, windowOpen, signedInOn, signedOutOn, secondFactor, secret, backupCode };
}

type Journey = ReturnType<typeof journey>;
const code = (j: Journey) => generateCode(j.secret, clock.now());

/**
 * Every rule with the input that makes it succeed in the right session, and that session. The
 * states are built inside each test (`journey()`), not when the file loads: code run at load time
 * is a "static" mutant for `npm run mutation`, which then runs the whole suite for it.
 */
const RULES: ReadonlyArray<{
  name: string;
  session: Session;
  base: (j: Journey) => ServerState;
  call: (state: ServerState, j: Journey) => Outcome;
}> = [
  {
    name: 'login',
    session: 'signed-out',
    base: (j) => j.signedOutOn,
    call: (s) => login(s, env, email, password, true),
  },
  {
    name: 'setSecurityQuestion',
    session: 'signed-in',
    base: (j) => j.signedInOff,
    call: (s) =>
      setSecurityQuestion(s, env, {
        question: SECURITY_QUESTIONS[1] ?? '',
        answer: 'Leeds',
        confirm: 'Leeds',
        currentAnswer: securityAnswer,
      }),
  },
  { name: 'beginEnrollment', session: 'signed-in', base: (j) => j.signedInOff, call: (s) => beginEnrollment(s, env) },
  {
    name: 'confirmEnrollment',
    session: 'signed-in',
    base: (j) => j.windowOpen,
    call: (s, j) => confirmEnrollment(s, env, generateCode(j.windowOpen.pending?.secret ?? '', clock.now())),
  },
  {
    name: 'verifySecondFactor',
    session: 'second-factor',
    base: (j) => j.secondFactor,
    call: (s, j) => verifySecondFactor(s, env, code(j)),
  },
  {
    name: 'loginWithBackupCode',
    session: 'second-factor',
    base: (j) => j.secondFactor,
    call: (s, j) => loginWithBackupCode(s, env, j.backupCode),
  },
  {
    name: 'disableTwoFactor',
    session: 'signed-in',
    base: (j) => j.signedInOn,
    call: (s) => disableTwoFactor(s, env, password),
  },
];

const SESSIONS: readonly Session[] = ['signed-out', 'second-factor', 'signed-in'];
const NOT_AVAILABLE = { ok: false, kind: 'not-available', message: MESSAGES.notAvailable };

describe('each rule in each session (the only difference being the session)', () => {
  const table = RULES.flatMap((rule) => SESSIONS.map((session) => [rule.name, session, rule] as const));

  it.each(table)('%s in a %s session', (_, session, rule) => {
    const j = journey();
    const state = { ...rule.base(j), session };
    const { state: after, result } = rule.call(state, j);
    if (session === rule.session) {
      expect(result.ok).toBe(true);
    } else {
      // A correct code, the saved backup code or the right password changes nothing out of order.
      expect(result).toEqual(NOT_AVAILABLE);
      expect(after).toBe(state);
    }
  });
});

describe('each rule in each state the flow reaches', () => {
  const STATES = (j: Journey) =>
    ({
      'signed out, 2FA off': j.signedOutOff,
      'signed out, 2FA on': j.signedOutOn,
      'second factor asked': j.secondFactor,
      'signed in, 2FA off': j.signedInOff,
      'enable window open': j.windowOpen,
      'signed in, 2FA on': j.signedInOn,
    }) as const;
  type Name = keyof ReturnType<typeof STATES>;
  const NAMES: readonly Name[] = [
    'signed out, 2FA off',
    'signed out, 2FA on',
    'second factor asked',
    'signed in, 2FA off',
    'enable window open',
    'signed in, 2FA on',
  ];
  /** Where each rule may succeed; everywhere else it answers "not available". */
  const ALLOWED: Record<string, readonly Name[]> = {
    login: ['signed out, 2FA off', 'signed out, 2FA on'],
    setSecurityQuestion: ['signed in, 2FA off', 'enable window open', 'signed in, 2FA on'],
    beginEnrollment: ['signed in, 2FA off', 'enable window open'],
    confirmEnrollment: ['enable window open'],
    verifySecondFactor: ['second factor asked'],
    loginWithBackupCode: ['second factor asked'],
    disableTwoFactor: ['signed in, 2FA on'],
  };
  const table = RULES.flatMap((rule) => NAMES.map((name) => [rule.name, name, rule] as const));

  it.each(table)('%s when %s', (ruleName, name, rule) => {
    const j = journey();
    const state = STATES(j)[name];
    const { state: after, result } = rule.call(state, j);
    if (ALLOWED[ruleName]?.includes(name)) {
      expect(result.ok).toBe(true);
    } else {
      expect(result).toEqual(NOT_AVAILABLE);
      expect(after).toBe(state);
    }
  });

  it('from a signed-out session neither a current code nor the saved backup code signs in', () => {
    const j = journey();
    for (const state of [j.signedOutOn, j.signedOutOff]) {
      expect(verifySecondFactor(state, env, code(j)).state.session).toBe('signed-out');
      expect(loginWithBackupCode(state, env, j.backupCode).state.session).toBe('signed-out');
    }
  });

  it('the second-factor rules need 2FA to be on, and enabling needs it off', () => {
    const j = journey();
    const withoutTwoFactor = { ...j.secondFactor, twoFactor: null };
    expect(verifySecondFactor(withoutTwoFactor, env, code(j)).result).toEqual(NOT_AVAILABLE);
    expect(loginWithBackupCode(withoutTwoFactor, env, j.backupCode).result).toEqual(NOT_AVAILABLE);
    expect(disableTwoFactor({ ...j.signedInOn, twoFactor: null }, env, password).result).toEqual(NOT_AVAILABLE);
    expect(beginEnrollment(j.signedInOn, env).result).toEqual(NOT_AVAILABLE);
    expect(confirmEnrollment({ ...j.windowOpen, pending: null }, env, code(j)).result).toEqual(NOT_AVAILABLE);
  });
});

describe('login', () => {
  it.each([
    ['another address at the same domain', 'sam.morgan@example.com'],
    ['the same name at another domain', 'alex.morgan@example.org'],
    ['the address with a letter missing', 'alex.morga@example.com'],
    ['an empty address', ''],
  ])('refuses the right password with %s', (_, typed) => {
    const j = journey();
    const { state, result } = login(j.signedOutOn, env, typed, password, true);
    expect(result).toMatchObject({ ok: false, kind: 'credentials', message: MESSAGES.loginIncorrect });
    expect(state.session).toBe('signed-out');
  });

  it('accepts the address in any case and with spaces around it, and a refused password says the same', () => {
    const j = journey();
    expect(login(j.signedOutOff, env, `  ${email.toUpperCase()}\t`, password, true).result.ok).toBe(true);
    expect(login(j.signedOutOff, env, email, password.toLowerCase(), true).result).toMatchObject({
      kind: 'credentials',
      message: MESSAGES.loginIncorrect,
    });
  });
});

describe('security question', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['a tab and a newline', '\t\n'],
    ['no-break spaces', '\u00a0\u00a0'],
  ])('an answer of %s is refused as no answer, even when the confirmation matches', (_, answer) => {
    const j = journey();
    const { state, result } = setSecurityQuestion(j.signedInOff, env, {
      question: securityQuestion,
      answer,
      confirm: answer,
      currentAnswer: securityAnswer,
    });
    expect(result).toEqual({ ok: false, kind: 'question-invalid', message: MESSAGES.answerEmpty, field: 'question' });
    expect(state).toBe(j.signedInOff);
  });

  it('keeps the answer only as a salted hash, matched ignoring case and extra spaces', () => {
    const j = journey();
    const state = must(
      setSecurityQuestion(j.signedInOff, env, {
        question: securityQuestion,
        answer: 'Mr  Whiskers',
        confirm: 'mr whiskers',
        currentAnswer: securityAnswer,
      }),
    );
    expect(JSON.stringify(state)).not.toMatch(/whiskers/i);
    expect(state.question?.answer && matchesHash('mr whiskers', state.question.answer)).toBe(true);
  });
});

describe('backup code and stored hashes', () => {
  /** Random bytes that are all `byte`, recording the lengths asked for. */
  const constant = (byte: number) => {
    const asked: number[] = [];
    const random: RandomSource = { bytes: (n) => (asked.push(n), new Uint8Array(n).fill(byte)) };
    return { random, asked };
  };

  it('a backup code is 8 random bytes as 16 hex characters', () => {
    const { random, asked } = constant(0xa7);
    expect(generateBackupCode(random)).toBe('a7'.repeat(8));
    expect(asked).toEqual([8]);
  });

  it('a salt is 16 random bytes (128 bits, 32 hex characters) and the hash is HMAC-SHA-256 keyed with it', () => {
    const { random, asked } = constant(0x3c);
    const stored = hashValue('a1b2c3d4e5f6a7b8', random);
    expect(asked).toEqual([16]);
    expect(stored.salt).toBe('3c'.repeat(16));
    const expected = createHmac('sha256', Buffer.from(stored.salt, 'hex')).update('a1b2c3d4e5f6a7b8').digest('hex');
    expect(stored.hash).toBe(expected);
  });

  it('the same value under two salts gives two hashes; each matches only its value', () => {
    const random = seededRandom('salts');
    const a = hashValue('secret', random);
    const b = hashValue('secret', random);
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(matchesHash('secret', a) && matchesHash('secret', b)).toBe(true);
    expect(matchesHash('secreT', a)).toBe(false);
    expect(matchesHash('secret', { salt: b.salt, hash: a.hash })).toBe(false);
  });
});

describe('key URI parameters', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const base = buildOtpauthUri({ issuer: 'Example Hosting', accountName: email, secret });

  it.each([['algorithm=SHA1'], ['algorithm=sha1'], ['digits=6'], ['period=30'], ['algorithm=SHA1&digits=6&period=30']])(
    'honours %s: the values the engine computes codes with',
    (extra) => {
      expect(parseOtpauthUri(`${base}&${extra}`)).toEqual({
        ok: true,
        key: { issuer: 'Example Hosting', accountName: email, secret },
      });
    },
  );

  it.each([
    ['algorithm', 'SHA256'],
    ['algorithm', 'SHA512'],
    ['algorithm', 'MD5'],
    ['algorithm', '6'],
    ['digits', '8'],
    ['digits', '7'],
    ['digits', '30'],
    ['digits', 'sha1'],
    ['period', '60'],
    ['period', '15'],
    ['period', '6'],
    ['period', ''],
  ])('refuses %s=%s, naming the parameter, rather than give codes its issuer would refuse', (name, value) => {
    expect(parseOtpauthUri(`${base}&${name}=${value}`)).toEqual({
      ok: false,
      problem: 'unsupported',
      message: `Not a valid authenticator key: ${name} is not SHA-1, 6 digits, 30 s.`,
    });
  });
});
