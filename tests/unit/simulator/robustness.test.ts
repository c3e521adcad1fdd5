/**
 * shared/reference/robustness.md, items 1-16: one test each, named with the item number.
 * Time is a fake clock moved by hand; nothing sleeps.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../../src/simulator/client-area/data';
import { createClientArea, type ClientArea } from '../../../src/simulator/client-area/server';
import { controllableClock, seededRandom } from '../../../src/simulator/env';
import { createSimulation, MESSAGES } from '../../../src/simulator/index';
import { buildOtpauthUri, parseOtpauthUri } from '../../../src/simulator/otp/otpauth';
import { generateCode } from '../../../src/simulator/otp/totp';
import { explainLastRefusal } from '../../../src/simulator/trainer';
import { fakeClock, T0 } from './support';

const { email, password, securityQuestion, securityAnswer } = DEMO_CUSTOMER;

/** A client area with 2FA enabled five minutes ago, signed out, and the backup code it issued. */
function enrolled(clock = fakeClock()) {
  const area = createClientArea({ clock, random: seededRandom('robustness') });
  const now = clock.now();
  clock.set(now - 5 * 60_000);
  area.login(email, password, true);
  area.setSecurityQuestion({ question: securityQuestion, answer: securityAnswer, confirm: securityAnswer });
  area.beginEnrollment();
  const secret = area.state.pending?.secret ?? '';
  const enabled = area.confirmEnrollment(generateCode(secret, clock.now()));
  area.signOut();
  clock.set(now);
  const backupCode = enabled.ok ? (enabled.backupCode ?? '') : '';
  return { area, clock, secret, backupCode, code: (ms = clock.now()) => generateCode(secret, ms) };
}

function atSecondFactor(area: ClientArea) {
  expect(area.login(email, password, true)).toMatchObject({ ok: true, kind: 'second-factor-required' });
}

describe('robustness.md', () => {
  it.each([
    ['a space', (c: string) => `${c.slice(0, 3)} ${c.slice(3)}`],
    ['a dash', (c: string) => `${c.slice(0, 3)}-${c.slice(3)}`],
    ['a trailing newline (paste)', (c: string) => `${c}\n`],
    ['a tab', (c: string) => `\t${c}`],
    ['a no-break space', (c: string) => `${c.slice(0, 3)}\u00A0${c.slice(3)}`],
    ['a zero-width space', (c: string) => `${c.slice(0, 3)}\u200B${c.slice(3)}`],
  ])('robustness 1: a code with %s is normalised and accepted', (_, decorate) => {
    const { area, code } = enrolled();
    atSecondFactor(area);
    expect(area.verifySecondFactor(decorate(code()))).toMatchObject({ ok: true, kind: 'signed-in' });
  });

  it.each([
    ['full-width', 0xff10],
    ['Arabic-Indic', 0x0660],
    ['Extended Arabic-Indic (Persian)', 0x06f0],
  ])('robustness 2: %s digits are mapped to ASCII and accepted', (_, zero) => {
    const { area, code } = enrolled();
    atSecondFactor(area);
    const localised = code().replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
    expect(localised).not.toMatch(/\d/);
    expect(area.verifySecondFactor(localised)).toMatchObject({ ok: true });
  });

  it.each([
    ['12345', 'The code has 6 digits; you entered 5.'],
    ['1234567', 'The code has 6 digits; you entered 7.'],
    ['12a456', 'The code has only digits (0–9).'],
    ['', 'Please enter the 6-digit code from your app.'],
    ['   ', 'Please enter the 6-digit code from your app.'],
  ])(
    'robustness 3: "%s" gets a clear inline message, is not counted as a wrong code, and nothing throws',
    (typed, message) => {
      const { area } = enrolled();
      atSecondFactor(area);
      expect(area.verifySecondFactor(typed)).toEqual({ ok: false, kind: 'malformed', message, field: 'code' });
      expect(area.state.throttle['second-factor'].failures).toBe(0);
      // The same in the enable window, and for values a broken UI might send.
      const fresh = createClientArea({
        clock: fakeClock(),
        random: seededRandom('3'),
        settings: { requireSecurityQuestion: false },
      });
      fresh.login(email, password, true);
      fresh.beginEnrollment();
      expect(fresh.confirmEnrollment(typed)).toMatchObject({ ok: false, kind: 'malformed', message });
      expect(() => fresh.confirmEnrollment(undefined as unknown as string)).not.toThrow();
      expect(fresh.confirmEnrollment(null as unknown as string)).toMatchObject({ kind: 'malformed' });
    },
  );

  it('robustness 4: previous window accepted, two windows old refused as expired', () => {
    const { area, code, clock } = enrolled();
    atSecondFactor(area);
    const twoOld = code(clock.now() - 60_000);
    const previous = code(clock.now() - 30_000);
    expect(area.verifySecondFactor(twoOld)).toMatchObject({
      ok: false,
      kind: 'expired',
      delta: -2,
      message: MESSAGES.secondFactorIncorrect,
    });
    expect(area.verifySecondFactor(previous)).toMatchObject({ ok: true, kind: 'signed-in' });
  });

  it('robustness 5: a code already used to log in is refused with "wait for the next code"', () => {
    const { area, code, clock } = enrolled();
    atSecondFactor(area);
    const used = code();
    expect(area.verifySecondFactor(used)).toMatchObject({ ok: true });
    area.signOut();
    clock.advance(5_000); // same window
    atSecondFactor(area);
    const again = area.verifySecondFactor(used);
    expect(again).toMatchObject({ ok: false, kind: 'reused' });
    expect(again.message).toContain('wait for the next code');
    clock.advance(30_000);
    expect(area.verifySecondFactor(code())).toMatchObject({ ok: true });
  });

  it('robustness 6: five wrong codes in a row lock code entry for five simulated minutes, with an explained countdown', () => {
    const { area, code, clock } = enrolled();
    atSecondFactor(area);
    const wrong = code() === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) expect(area.verifySecondFactor(wrong)).toMatchObject({ kind: 'wrong' });
    const fifth = area.verifySecondFactor(wrong);
    expect(fifth).toMatchObject({ ok: false, kind: 'wrong', lockedUntil: clock.now() + 5 * 60_000 });
    expect(fifth.message).toContain('Try again in 5:00');
    clock.advance(60_000);
    const locked = area.verifySecondFactor(code());
    expect(locked).toMatchObject({ ok: false, kind: 'locked' });
    expect(locked.message).toContain('Try again in 4:00');
    expect(area.loginWithBackupCode('0'.repeat(16))).toMatchObject({ kind: 'locked' });
    clock.advance(4 * 60_000);
    expect(area.verifySecondFactor(code())).toMatchObject({ ok: true, kind: 'signed-in' });
    expect(area.state.throttle['second-factor']).toEqual({ failures: 0, lockedUntil: null });
    // The simulation shows the lock's end time for the countdown and explains it.
    const sim = createSimulation({ start: 'login-2fa', clock: fakeClock(), seed: 'lock' });
    sim.clientArea.send({ type: 'login.submit', email, password, captcha: true });
    for (let i = 0; i < 5; i++)
      sim.clientArea.send({
        type: 'secondfactor.submit',
        code: sim.expectedCodeNow() === '000000' ? '111111' : '000000',
      });
    expect(sim.view().lockedUntil).toBe(sim.clock.now() + 5 * 60_000);
    expect(explainLastRefusal(sim)).toContain('unlocks by itself');
  });

  it('robustness 7: a double submit on Enable makes exactly one transition and one backup code', () => {
    const sim = createSimulation({ start: 'enable', clock: fakeClock(), seed: 'double' });
    const code = sim.expectedCodeNow() ?? '';
    const snapshots: unknown[] = [];
    sim.clientArea.subscribe((s) => snapshots.push(s.value));
    sim.clientArea.send({ type: 'enable.submit', code });
    const afterFirst = sim.clientArea.getSnapshot();
    sim.clientArea.send({ type: 'enable.submit', code });
    const afterSecond = sim.clientArea.getSnapshot();
    expect(sim.view().screen).toBe('backup-code');
    expect(afterSecond.context).toBe(afterFirst.context);
    expect(new Set(snapshots.map((v) => JSON.stringify(v))).size).toBe(1);
    // Double Enter on the backup-code login: one new backup code.
    const login = createSimulation({ start: 'backup-login', clock: fakeClock(), seed: 'double-2' });
    const backup = login.savedBackupCode() ?? '';
    login.clientArea.send({ type: 'backup.submit', code: backup });
    const shown = login.view().backupCode;
    const hash = login.server().twoFactor?.backup;
    login.clientArea.send({ type: 'backup.submit', code: backup });
    expect(login.view()).toMatchObject({ screen: 'backup-login-done', backupCode: shown });
    expect(login.server().twoFactor?.backup).toBe(hash);
  });

  it('robustness 8: the code rolling over never changes the client-area state, so nothing clears the field', () => {
    const clock = fakeClock();
    const sim = createSimulation({ start: 'enable', clock, seed: 'rollover' });
    const typedBeforeRollover = sim.expectedCodeNow() ?? '';
    const before = sim.clientArea.getSnapshot();
    clock.advance(30_000);
    expect(sim.expectedCodeNow()).not.toBe(typedBeforeRollover);
    expect(sim.clientArea.getSnapshot()).toBe(before);
    sim.clientArea.send({ type: 'enable.submit', code: typedBeforeRollover });
    expect(sim.view().screen).toBe('backup-code');
  });

  it.each([
    [75_000, 'early', "The phone's clock is 75 s ahead"],
    [-75_000, 'expired', "The phone's clock is 75 s behind"],
  ] as const)(
    'robustness 9: a phone clock off by %i ms gives codes the server refuses as %s',
    (offset, kind, explanation) => {
      const clock = fakeClock();
      const sim = createSimulation({ start: 'login-2fa', clock, seed: 'skew' });
      sim.phone.send({ type: 'phone.clock.set-offset', ms: offset });
      sim.clientArea.send({ type: 'login.submit', email, password, captcha: true });
      const onPhone = sim.phoneView().accounts[0]?.code ?? '';
      sim.clientArea.send({ type: 'secondfactor.submit', code: onPhone });
      expect(sim.view().error).toMatchObject({ kind, message: MESSAGES.secondFactorIncorrect });
      expect(explainLastRefusal(sim)).toContain(explanation);
      expect(explainLastRefusal(sim)).toContain('the server accepts windows -1..+1');
      // A phone only 20 s off is still within one window and works.
      sim.phone.send({ type: 'phone.clock.set-offset', ms: Math.sign(offset) * 20_000 });
      clock.advance(30_000);
      sim.clientArea.send({ type: 'secondfactor.submit', code: sim.phoneView().accounts[0]?.code ?? '' });
      expect(sim.view().screen).toBe('security-settings');
    },
  );

  it('robustness 10: after a clock jump (sleep, hidden tab) the phone shows the current code and countdown at once', () => {
    const clock = fakeClock();
    const sim = createSimulation({ start: 'login-2fa', clock, seed: 'sleep' });
    const secret = sim.server().twoFactor?.secret ?? '';
    clock.advance(17 * 60_000 + 7_000); // the laptop slept 17 min 7 s
    const [account] = sim.phoneView().accounts;
    expect(account?.code).toBe(generateCode(secret, clock.now()));
    expect(account?.secondsLeft).toBe(30 - (Math.floor(clock.now() / 1000) % 30));
  });

  it('robustness 11: pausing or slowing the shared clock gives the learner time without expiring the code', () => {
    const base = fakeClock();
    const sim = createSimulation({ start: 'enable', clock: base, seed: 'pause', phoneStart: 'scan' });
    sim.scanCurrentQr();
    sim.clock.pause();
    const shown = sim.phoneView().accounts[0];
    base.advance(10 * 60_000); // ten real minutes pass
    expect(sim.phoneView().accounts[0]).toEqual(shown); // same code, same countdown
    sim.clientArea.send({ type: 'enable.submit', code: shown?.code ?? '' });
    expect(sim.view().screen).toBe('backup-code'); // the server judged it on the same paused time
    sim.clock.resume();
    base.advance(1_000);
    expect(sim.phoneView().accounts[0]?.secondsLeft).toBe((shown?.secondsLeft ?? 0) - 1);
    // Half speed: 60 real seconds are 30 simulated ones.
    const clock = controllableClock(base);
    clock.setRate(0.5);
    const start = clock.now();
    base.advance(60_000);
    expect(clock.now() - start).toBe(30_000);
  });

  it('robustness 12: a setup key typed with spaces and lower case works; 0/1/8 confusions are explained', () => {
    const clock = fakeClock();
    const sim = createSimulation({ start: 'enable', clock, seed: 'typed', phoneStart: 'manual' });
    for (const [confused, hint] of [
      ['0', 'letter O'],
      ['1', 'letter I'],
      ['8', 'letter B'],
    ]) {
      sim.phone.send({ type: 'phone.manual.submit', accountName: 'Hosting', key: `ABCD EFGH ${confused}JKL MNOP` });
      expect(sim.phone.getSnapshot().context.error).toContain(hint);
      expect(sim.phoneView().screen).toBe('manual');
    }
    const typed = (sim.view().enrollment?.keyGrouped ?? '').toLowerCase();
    sim.phone.send({ type: 'phone.manual.submit', accountName: 'Hosting', key: typed });
    expect(sim.phoneView()).toMatchObject({ screen: 'app', error: null });
    sim.clientArea.send({ type: 'enable.submit', code: sim.phoneView().accounts[0]?.code ?? '' });
    expect(sim.view().screen).toBe('backup-code');
  });

  it('robustness 13: reopening the enable window issues a new secret; a code from the earlier scan is refused and explained', () => {
    const sim = createSimulation({ start: 'enable', clock: fakeClock(), seed: 'reopen', phoneStart: 'scan' });
    expect(sim.scanCurrentQr()).toMatchObject({ ok: true });
    const firstKey = sim.view().enrollment?.key;
    sim.clientArea.send({ type: 'enable.close' });
    expect(sim.view().enrollment).toBeNull();
    sim.clientArea.send({ type: 'twofa.enable' });
    sim.clientArea.send({ type: 'enable.get-started' });
    expect(sim.view().enrollment?.key).not.toBe(firstKey);
    sim.clientArea.send({ type: 'enable.submit', code: sim.phoneView().accounts[0]?.code ?? '' });
    expect(sim.view().error).toEqual({ kind: 'stale-secret', message: MESSAGES.enrollmentMismatch });
    expect(explainLastRefusal(sim)).toContain('scan the new QR code');
  });

  it.each([
    ['Example: Hosting', 'alex:morgan@example.com'],
    ['100% Hosting', 'alex%40@example.com'],
    ['Example Hosting 🔐', 'alex 🙂 morgan'],
    ['استضافة المثال', 'أليكس@example.com'],
  ])('robustness 14: issuer "%s" and account "%s" give a valid URI that round-trips', (issuer, accountName) => {
    const secret = 'A'.repeat(32);
    const uri = buildOtpauthUri({ issuer, accountName, secret });
    expect(uri).toMatch(/^otpauth:\/\/totp\/[\x21-\x7e]+$/); // printable ASCII only
    expect(uri.split(':').length).toBe(3); // scheme, one literal separator
    expect(parseOtpauthUri(uri)).toEqual({ ok: true, key: { issuer, accountName, secret } });
  });

  it.each([
    ['upper case', (c: string) => c.toUpperCase()],
    ['spaces', (c: string) => c.replace(/(.{4})(?=.)/g, '$1 ')],
    ['dashes', (c: string) => c.replace(/(.{4})(?=.)/g, '$1-')],
    ['no separators', (c: string) => c],
  ])(
    'robustness 15: the backup code typed with %s works once; a new one is issued and the old one is refused',
    (_, typed) => {
      const { area, backupCode } = enrolled();
      atSecondFactor(area);
      const first = area.loginWithBackupCode(typed(backupCode));
      expect(first).toMatchObject({ ok: true, kind: 'backup-login', message: 'Login via Backup Code Successful' });
      expect(first.ok && first.backupCode).toMatch(/^[0-9a-f]{16}$/);
      expect(first.ok && first.backupCode).not.toBe(backupCode);
      expect(area.state.twoFactor).not.toBeNull(); // 2FA stays on
      area.signOut();
      atSecondFactor(area);
      expect(area.loginWithBackupCode(typed(backupCode))).toMatchObject({ ok: false, kind: 'wrong' });
      expect(area.loginWithBackupCode((first.ok && first.backupCode) || '')).toMatchObject({ ok: true });
    },
  );

  it('robustness 16: each field says which code it takes', () => {
    const { area, backupCode, code } = enrolled();
    atSecondFactor(area);
    expect(area.verifySecondFactor(backupCode)).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('Login using Backup Code'),
    });
    expect(area.loginWithBackupCode(code())).toMatchObject({
      kind: 'malformed',
      field: 'backup-code',
      message: expect.stringContaining('16-character backup code'),
    });
    expect(area.loginWithBackupCode('zzzz zzzz zzzz zzzz')).toMatchObject({
      message: expect.stringContaining('0–9 and the letters a–f'),
    });
    expect(area.loginWithBackupCode('abcd')).toMatchObject({
      message: 'A backup code has 16 characters; you entered 4.',
    });
    expect(area.state.throttle['second-factor'].failures).toBe(0);
  });
});

it('support: T0 is 10 s into a window', () => {
  expect(T0 % 30_000).toBe(10_000);
});
