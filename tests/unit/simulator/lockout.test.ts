/**
 * Lockout that holds over time (RFC 4226 §7.3, NIST SP 800-63B §5.2.2): the password, the code at
 * login and the code in the enable window each count failures in a row; every fifth locks the form,
 * each lock twice as long as the one before (5 min up to 24 h); an ended lock does not reset the
 * count, only a success does; at 100 the form stays locked until support unlocks it. The clock is
 * a fake one moved by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO_CUSTOMER,
  MAX_FAILURES_LIMIT,
  resolveSettings,
  type Settings,
} from '../../../src/simulator/client-area/data';
import { explainRefusal } from '../../../src/simulator/client-area/explain';
import { MESSAGES } from '../../../src/simulator/client-area/messages';
import { createClientArea, lockDuration, type Result } from '../../../src/simulator/client-area/server';
import { seededRandom } from '../../../src/simulator/env';
import { createSimulation } from '../../../src/simulator/index';
import { generateCode } from '../../../src/simulator/otp/totp';
import { explainLastRefusal } from '../../../src/simulator/trainer';
import { fakeClock, type FakeClock } from './support';

const { email, password, securityQuestion, securityAnswer } = DEMO_CUSTOMER;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A 6-digit code that is no window's code within ±20 windows: refused as plainly wrong. */
function wrongCode(secret: string, now: number): string {
  const near = new Set(Array.from({ length: 41 }, (_, i) => generateCode(secret, now + (i - 20) * 30_000)));
  for (let n = 0; ; n++) {
    const guess = String(n * 111_111 + n)
      .padStart(6, '0')
      .slice(-6);
    if (!near.has(guess)) return guess;
  }
}

/** Signed out, with 2FA enabled a day ago. */
function enrolled(clock: FakeClock = fakeClock()) {
  const area = createClientArea({ clock, random: seededRandom('lockout') });
  const now = clock.now();
  clock.set(now - DAY);
  area.login(email, password, true);
  area.setSecurityQuestion({ question: securityQuestion, answer: securityAnswer, confirm: securityAnswer });
  area.beginEnrollment();
  const secret = area.state.pending?.secret ?? '';
  const enabled = area.confirmEnrollment(generateCode(secret, clock.now()));
  area.signOut();
  clock.set(now);
  const backupCode = enabled.ok ? (enabled.backupCode ?? '') : '';
  return {
    area,
    clock,
    backupCode,
    code: () => generateCode(secret, clock.now()),
    wrong: () => wrongCode(secret, clock.now()),
  };
}

/** Signed in with the enable window open (the question set, 2FA off). */
function enabling(clock: FakeClock = fakeClock()) {
  const area = createClientArea({ clock, random: seededRandom('enabling') });
  area.login(email, password, true);
  area.setSecurityQuestion({ question: securityQuestion, answer: securityAnswer, confirm: securityAnswer });
  area.beginEnrollment();
  const secret = () => area.state.pending?.secret ?? '';
  return {
    area,
    clock,
    code: () => generateCode(secret(), clock.now()),
    wrong: () => wrongCode(secret(), clock.now()),
  };
}

/**
 * An attacker who tries as fast as the form allows for `days`: waits out every lock and stops when
 * blocked. Returns how many guesses were judged (not refused as locked) and each lock's length.
 */
function attack(clock: FakeClock, days: number, attempt: () => Result) {
  const end = clock.now() + days * DAY;
  const locks: number[] = [];
  let judged = 0;
  let last: Result | null = null;
  while (clock.now() < end) {
    last = attempt();
    if (last.ok) throw new Error('a wrong guess was accepted');
    if (last.kind === 'blocked') break;
    if (last.kind === 'locked') {
      clock.set(last.lockedUntil ?? end);
      continue;
    }
    judged += 1;
    if (last.lockedUntil !== undefined) locks.push(last.lockedUntil - clock.now());
    clock.advance(1_000);
  }
  return { judged, locks, last, at: clock.now() };
}

const EXPECTED_LOCKS_MIN = [5, 10, 20, 40, 80, 160, 320, 640, 1280, ...Array<number>(10).fill(1440)];

describe('the code at login', () => {
  it('an attacker who waits out every lock for 30 days gets exactly 100 guesses, then even the right code is refused', () => {
    const { area, clock, code, wrong, backupCode } = enrolled();
    area.login(email, password, true);
    const start = clock.now();
    const { judged, locks, last, at } = attack(clock, 30, () => area.verifySecondFactor(wrong()));
    expect(judged).toBe(MAX_FAILURES_LIMIT);
    // Each lock twice the one before, from 5 minutes up to a day: 19 locks before the 100th failure.
    expect(locks.map((ms) => ms / MINUTE)).toEqual(EXPECTED_LOCKS_MIN);
    expect(last).toMatchObject({ kind: 'blocked', scope: 'second-factor', message: MESSAGES.blocked('second-factor') });
    expect((at - start) / DAY).toBeLessThan(30); // blocked well before the 30 days are out
    // Blocked means blocked: the right code and the backup code, now or a year later.
    clock.advance(365 * DAY);
    expect(area.verifySecondFactor(code())).toMatchObject({ ok: false, kind: 'blocked' });
    expect(area.loginWithBackupCode(backupCode)).toMatchObject({ ok: false, kind: 'blocked' });
    expect(area.state.session).toBe('second-factor');
  });

  it('the 100th failure says so at once, and the explanation names the cap and support', () => {
    const { area, wrong, clock } = enrolled();
    area.login(email, password, true);
    let result: Result | null = null;
    for (let i = 0; i < MAX_FAILURES_LIMIT; i++) {
      result = area.verifySecondFactor(wrong());
      if (!result.ok && result.lockedUntil !== undefined) clock.set(result.lockedUntil);
    }
    expect(result).toMatchObject({ ok: false, kind: 'wrong', blocked: true, scope: 'second-factor' });
    expect(result?.message).toBe(`${MESSAGES.secondFactorIncorrect} ${MESSAGES.blocked('second-factor')}`);
    const explanation = result && !result.ok ? explainRefusal(result) : '';
    expect(explanation).toContain('100 failures in a row');
    expect(explanation).toContain('SP 800-63B');
    expect(explanation).toMatch(/only support staff can unlock/i);
  });

  it('an ended lock does not reset the count: the next five failures lock for twice as long', () => {
    const { area, clock, wrong } = enrolled();
    area.login(email, password, true);
    for (let i = 0; i < 4; i++) expect(area.verifySecondFactor(wrong()).ok).toBe(false);
    expect(area.verifySecondFactor(wrong())).toMatchObject({ lockedUntil: clock.now() + 5 * MINUTE });
    clock.advance(5 * MINUTE);
    for (let i = 0; i < 4; i++) expect(area.verifySecondFactor(wrong())).not.toHaveProperty('lockedUntil');
    const second = area.verifySecondFactor(wrong());
    expect(second).toMatchObject({ kind: 'wrong', lockedUntil: clock.now() + 10 * MINUTE });
    expect(second.message).toContain('Try again in 10:00');
    expect(area.state.throttle['second-factor'].failures).toBe(10);
  });

  it('a correct code resets the count, so the next lock is five minutes again', () => {
    const { area, clock, code, wrong } = enrolled();
    area.login(email, password, true);
    for (let i = 0; i < 5; i++) area.verifySecondFactor(wrong());
    clock.advance(5 * MINUTE);
    for (let i = 0; i < 4; i++) area.verifySecondFactor(wrong());
    expect(area.verifySecondFactor(code())).toMatchObject({ ok: true, kind: 'signed-in' });
    expect(area.state.throttle['second-factor']).toEqual({ failures: 0, lockedUntil: null });
    area.signOut();
    clock.advance(30_000);
    area.login(email, password, true);
    for (let i = 0; i < 4; i++) area.verifySecondFactor(wrong());
    expect(area.verifySecondFactor(wrong())).toMatchObject({ lockedUntil: clock.now() + 5 * MINUTE });
  });

  it('wrong backup codes count with wrong app codes, and a correct password resets neither', () => {
    const { area, clock, wrong } = enrolled();
    area.login(email, password, true);
    area.verifySecondFactor(wrong());
    area.verifySecondFactor(wrong());
    area.loginWithBackupCode('0'.repeat(16));
    area.signOut();
    expect(area.login(email, password, true)).toMatchObject({ ok: true, kind: 'second-factor-required' });
    area.loginWithBackupCode('1'.repeat(16));
    expect(area.verifySecondFactor(wrong())).toMatchObject({ lockedUntil: clock.now() + 5 * MINUTE });
  });

  it('codes from the wrong window and reused codes count as failures; malformed entries do not', () => {
    const { area, clock, code } = enrolled();
    area.login(email, password, true);
    const expired = () =>
      area.verifySecondFactor(generateCode(area.state.twoFactor?.secret ?? '', clock.now() - 90_000));
    expect(expired()).toMatchObject({ kind: 'expired' });
    expect(area.verifySecondFactor('12345')).toMatchObject({ kind: 'malformed' });
    expect(area.verifySecondFactor('')).toMatchObject({ kind: 'malformed' });
    expect(area.loginWithBackupCode('abc')).toMatchObject({ kind: 'malformed' });
    expect(area.state.throttle['second-factor'].failures).toBe(1);
    expect(area.verifySecondFactor(code())).toMatchObject({ ok: true });
    area.signOut();
    area.login(email, password, true);
    expect(area.verifySecondFactor(code())).toMatchObject({ kind: 'reused' });
    expect(area.state.throttle['second-factor'].failures).toBe(1);
  });
});

describe('the password', () => {
  it('five failed logins lock the login form, with the wrong address counted too; the right password is refused while locked', () => {
    const { area, clock } = enrolled();
    for (let i = 0; i < 3; i++) expect(area.login(email, 'guess', true)).toMatchObject({ kind: 'credentials' });
    expect(area.login('someone@example.com', password, true)).toMatchObject({ kind: 'credentials' });
    const fifth = area.login(email, 'guess', true);
    expect(fifth).toMatchObject({ kind: 'credentials', scope: 'password', lockedUntil: clock.now() + 5 * MINUTE });
    expect(fifth.message).toBe(`${MESSAGES.loginIncorrect} ${MESSAGES.lockedOut(5 * MINUTE, 'password')}`);
    clock.advance(MINUTE);
    const locked = area.login(email, password, true);
    expect(locked).toEqual({
      ok: false,
      kind: 'locked',
      scope: 'password',
      lockedUntil: clock.now() + 4 * MINUTE,
      message: 'Too many failed login attempts: login is locked. Try again in 4:00.',
    });
    expect(area.state.session).toBe('signed-out');
    // The captcha is still checked first.
    expect(area.login(email, password, false)).toMatchObject({ kind: 'captcha' });
    clock.advance(4 * MINUTE);
    expect(area.login(email, password, true)).toMatchObject({ ok: true });
    expect(area.state.throttle.password).toEqual({ failures: 0, lockedUntil: null });
  });

  it('an attacker who waits out every lock for 30 days gets 100 guesses at the password, then login stays blocked', () => {
    const { area, clock } = enrolled();
    const { judged, locks, last } = attack(clock, 30, () => area.login(email, 'guess', true));
    expect(judged).toBe(MAX_FAILURES_LIMIT);
    expect(locks.map((ms) => ms / MINUTE)).toEqual(EXPECTED_LOCKS_MIN);
    expect(last).toMatchObject({ kind: 'blocked', scope: 'password', message: MESSAGES.blocked('password') });
    clock.advance(DAY);
    expect(area.login(email, password, true)).toMatchObject({ ok: false, kind: 'blocked' });
  });

  it('the disable dialog counts wrong passwords against the same limit', () => {
    const { area, clock, code } = enrolled();
    area.login(email, password, true);
    area.verifySecondFactor(code());
    for (let i = 0; i < 4; i++) expect(area.disable('guess')).toMatchObject({ kind: 'password' });
    expect(area.disable('guess')).toMatchObject({ kind: 'password', lockedUntil: clock.now() + 5 * MINUTE });
    expect(area.disable(password)).toMatchObject({ ok: false, kind: 'locked', scope: 'password' });
    expect(area.state.twoFactor).not.toBeNull();
    clock.advance(5 * MINUTE);
    expect(area.disable(password)).toMatchObject({ ok: true, kind: 'disabled' });
  });

  it('password failures do not lock code entry, nor code failures the password', () => {
    const { area, wrong, code } = enrolled();
    for (let i = 0; i < 4; i++) area.login(email, 'guess', true);
    area.login(email, password, true);
    for (let i = 0; i < 4; i++) area.verifySecondFactor(wrong());
    expect(area.state.throttle).toMatchObject({
      password: { failures: 0, lockedUntil: null },
      'second-factor': { failures: 4, lockedUntil: null },
    });
    expect(area.verifySecondFactor(code())).toMatchObject({ ok: true });
  });
});

describe('the code in the enable window', () => {
  it('five wrong codes lock it; closing and reopening the window keeps the count and the lock', () => {
    const { area, clock, code, wrong } = enabling();
    for (let i = 0; i < 4; i++) {
      expect(area.confirmEnrollment(wrong())).toMatchObject({ kind: 'wrong', message: MESSAGES.enrollmentMismatch });
    }
    const fifth = area.confirmEnrollment(wrong());
    expect(fifth).toMatchObject({ scope: 'enrollment', lockedUntil: clock.now() + 5 * MINUTE });
    expect(fifth.message).toBe(`${MESSAGES.enrollmentMismatch} ${MESSAGES.lockedOut(5 * MINUTE, 'enrollment')}`);
    area.cancelEnrollment();
    area.beginEnrollment();
    expect(area.confirmEnrollment(code())).toMatchObject({ ok: false, kind: 'locked', scope: 'enrollment' });
    expect(area.state.twoFactor).toBeNull();
    clock.advance(5 * MINUTE);
    expect(area.confirmEnrollment(code())).toMatchObject({ ok: true, kind: 'enabled' });
    expect(area.state.throttle.enrollment).toEqual({ failures: 0, lockedUntil: null });
  });

  it('codes of an earlier window count too; malformed entries do not', () => {
    const { area, clock, wrong } = enabling();
    const first = area.state.pending?.secret ?? '';
    area.cancelEnrollment();
    area.beginEnrollment();
    expect(area.confirmEnrollment(generateCode(first, clock.now()))).toMatchObject({ kind: 'stale-secret' });
    expect(area.confirmEnrollment('12a456')).toMatchObject({ kind: 'malformed' });
    expect(area.confirmEnrollment(wrong())).toMatchObject({ kind: 'wrong' });
    expect(area.state.throttle.enrollment.failures).toBe(2);
  });

  it('after 100 wrong codes in a row 2FA cannot be enabled until support unlocks it', () => {
    const { area, clock, code, wrong } = enabling();
    const { judged, last } = attack(clock, 30, () => area.confirmEnrollment(wrong()));
    expect(judged).toBe(MAX_FAILURES_LIMIT);
    expect(last).toMatchObject({ kind: 'blocked', message: MESSAGES.blocked('enrollment') });
    expect(area.confirmEnrollment(code())).toMatchObject({ ok: false, kind: 'blocked' });
  });
});

describe('settings', () => {
  it('never allows more than 100 failures in a row (SP 800-63B §5.2.2), nor a lock before the first failure', () => {
    expect(resolveSettings({ maxFailures: 1_000 }).maxFailures).toBe(100);
    expect(resolveSettings({ maxFailures: Number.POSITIVE_INFINITY }).maxFailures).toBe(100);
    expect(resolveSettings({ maxFailures: Number.NaN }).maxFailures).toBe(100);
    expect(resolveSettings({ lockoutAfter: 0 }).lockoutAfter).toBe(1);
    expect(resolveSettings({ maxFailures: 3 })).toMatchObject({ maxFailures: 3, lockoutAfter: 3 });
    expect(resolveSettings({ lockoutAfter: 2.7 }).lockoutAfter).toBe(2);
    const area = createClientArea({ clock: fakeClock(), settings: { maxFailures: 1_000 } });
    expect(area.state.settings.maxFailures).toBe(100);
  });

  it('a host may block sooner; the block comes at its limit, with no lock in between', () => {
    const { area } = enrolledWith({ maxFailures: 3 });
    area.login(email, password, true);
    const results = [1, 2, 3].map(() => area.verifySecondFactor('000000'));
    expect(results.map((r) => (r.ok ? 'ok' : (r.lockedUntil ?? r.blocked ?? r.kind)))).toEqual([
      'wrong',
      'wrong',
      true,
    ]);
  });

  it('lock lengths double from lockoutMs and stop at lockoutMaxMs', () => {
    const settings = resolveSettings({ lockoutAfter: 3, lockoutMs: 1_000, lockoutMaxMs: 5_000 });
    expect([3, 6, 9, 12, 15].map((n) => lockDuration(settings, n))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});

function enrolledWith(settings: Partial<Settings>) {
  const clock = fakeClock();
  const area = createClientArea({
    clock,
    random: seededRandom('with'),
    settings: { ...settings, requireSecurityQuestion: false },
  });
  clock.set(clock.now() - DAY);
  area.login(email, password, true);
  area.beginEnrollment();
  area.confirmEnrollment(generateCode(area.state.pending?.secret ?? '', clock.now()));
  area.signOut();
  clock.advance(DAY);
  return { area, clock };
}

describe('what the customer sees', () => {
  const lockedAtSecondFactor = () => {
    const clock = fakeClock();
    const sim = createSimulation({ start: 'login-2fa', clock, seed: 'view' });
    sim.clientArea.send({ type: 'login.submit', email, password, captcha: true });
    const wrong = wrongCode(sim.server().twoFactor?.secret ?? '', clock.now());
    for (let i = 0; i < 5; i++) sim.clientArea.send({ type: 'secondfactor.submit', code: wrong });
    return { sim, clock };
  };

  it('the lock counts down in the message and disappears from the screen when it ends', () => {
    const { sim, clock } = lockedAtSecondFactor();
    const until = clock.now() + 5 * MINUTE;
    expect(sim.view()).toMatchObject({
      screen: 'second-factor',
      lockedUntil: until,
      error: { kind: 'wrong', message: 'Too many incorrect codes: code entry is locked. Try again in 5:00.' },
    });
    clock.advance(61_000);
    expect(sim.view().error?.message).toBe('Too many incorrect codes: code entry is locked. Try again in 3:59.');
    clock.set(until - 1);
    expect(sim.view()).toMatchObject({ lockedUntil: until, error: { message: expect.stringContaining('0:01') } });
    clock.set(until);
    expect(sim.view()).toMatchObject({ lockedUntil: null, error: { message: MESSAGES.unlocked('second-factor') } });
    expect(sim.view().error?.message).not.toMatch(/Try again in/);
  });

  it('each screen shows the lock of its own form only', () => {
    const { sim, clock } = lockedAtSecondFactor();
    sim.clientArea.send({ type: 'session.signout' });
    expect(sim.view()).toMatchObject({ screen: 'login', lockedUntil: null });
    for (let i = 0; i < 5; i++) sim.clientArea.send({ type: 'login.submit', email, password: 'guess', captcha: true });
    expect(sim.view()).toMatchObject({
      screen: 'login',
      lockedUntil: clock.now() + 5 * MINUTE,
      error: { message: 'Too many failed login attempts: login is locked. Try again in 5:00.' },
    });
    expect(explainLastRefusal(sim)).toContain('password entry');
    clock.advance(5 * MINUTE);
    expect(sim.view()).toMatchObject({ lockedUntil: null, error: { message: MESSAGES.unlocked('password') } });
    sim.clientArea.send({ type: 'login.submit', email, password, captcha: true });
    expect(sim.view()).toMatchObject({ screen: 'second-factor', lockedUntil: null, error: null });
  });

  it('the enable window shows its own lock, and the explanation says the failures still count', () => {
    const clock = fakeClock();
    const sim = createSimulation({ start: 'enable', clock, seed: 'enable-lock' });
    const wrong = wrongCode(sim.server().pending?.secret ?? '', clock.now());
    for (let i = 0; i < 5; i++) sim.clientArea.send({ type: 'enable.submit', code: wrong });
    expect(sim.view()).toMatchObject({ screen: 'enable', lockedUntil: clock.now() + 5 * MINUTE });
    const explanation = explainLastRefusal(sim) ?? '';
    expect(explanation).toContain('code entry in the enable window');
    expect(explanation).toContain('unlocks by itself');
    expect(explanation).toContain('twice as long');
  });
});
