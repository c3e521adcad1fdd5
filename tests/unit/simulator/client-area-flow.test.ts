import { describe, expect, it } from 'vitest';
import {
  clientAreaMachine,
  createSimulation,
  DEMO_CUSTOMER,
  isStep,
  MESSAGES,
  SECURITY_QUESTIONS,
  STEPS,
  type Simulation,
  type Step,
} from '../../../src/simulator/index';
import { createClientArea } from '../../../src/simulator/client-area/server';
import { seededRandom } from '../../../src/simulator/env';
import { SCREENS } from '../../../src/simulator/machine/view';
import { fakeClock } from './support';

const { email, password, name, securityAnswer } = DEMO_CUSTOMER;

const send = (sim: Simulation, event: Parameters<Simulation['clientArea']['send']>[0]) => sim.clientArea.send(event);

describe('client area flow', () => {
  it('enrolls from login to enabled, signs back in with a code, and disables', () => {
    const clock = fakeClock();
    const sim = createSimulation({ clock, seed: 'flow' });
    expect(sim.view()).toMatchObject({
      screen: 'login',
      captchaRequired: true,
      customer: { name, email },
      twoFactorEnabled: false,
    });

    send(sim, { type: 'login.submit', email, password, captcha: false });
    expect(sim.view().error).toEqual({ kind: 'captcha', message: MESSAGES.captchaRequired });
    send(sim, { type: 'login.submit', email, password: 'nope', captcha: true });
    expect(sim.view().error).toEqual({ kind: 'credentials', message: 'Login Details Incorrect. Please try again.' });
    send(sim, { type: 'login.submit', email: ` ${email.toUpperCase()} `, password, captcha: true });
    expect(sim.view()).toMatchObject({ screen: 'security-question', error: null });

    const question = SECURITY_QUESTIONS[1] ?? '';
    send(sim, { type: 'question.save', question, answer: 'Leeds', confirm: 'York' });
    expect(sim.view().error).toMatchObject({
      kind: 'question-invalid',
      message: MESSAGES.answersDiffer,
      field: 'question',
    });
    send(sim, { type: 'question.save', question, answer: 'Leeds', confirm: ' leeds ' });
    expect(sim.view()).toMatchObject({ screen: 'security-settings', question, notice: MESSAGES.questionSaved });

    send(sim, { type: 'twofa.enable' });
    // The window opens at its method choice ("Time Based Tokens"): no key yet.
    expect(sim.view()).toMatchObject({ screen: 'enable-method', dialog: 'enable-method', enrollment: null });
    expect(sim.server().pending).toBeNull();
    send(sim, { type: 'enable.get-started' });
    const enrollment = sim.view().enrollment;
    expect(sim.view().screen).toBe('enable');
    expect(enrollment?.key).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(enrollment?.keyGrouped.split(' ')).toHaveLength(8);
    expect(enrollment?.uri).toBe(
      `otpauth://totp/Example%20Hosting:alex.morgan%40example.com?secret=${enrollment?.key}&issuer=Example%20Hosting`,
    );
    const code = sim.expectedCodeNow() ?? '';
    send(sim, { type: 'enable.submit', code: code === '000000' ? '111111' : '000000' });
    expect(sim.view().error?.message).toBe(
      'The code you entered did not match what was expected. Please re-scan or enter the code and try again.',
    );
    expect(sim.view().enrollment?.key).toBe(enrollment?.key); // same secret while the window stays open
    send(sim, { type: 'enable.submit', code });
    const shown = sim.view();
    expect(shown).toMatchObject({
      screen: 'backup-code',
      twoFactorEnabled: true,
      notice: 'Two-Factor Authentication is now enabled',
    });
    expect(shown.backupCode).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(JSON.stringify(sim.server())).not.toContain(shown.backupCode?.replace(/ /g, '') ?? '-');
    // The window stays until the customer says the code is saved.
    send(sim, { type: 'backup.close' });
    expect(sim.view()).toMatchObject({ screen: 'backup-code', backupReminders: 1 });
    send(sim, { type: 'dialog.close' });
    expect(sim.view()).toMatchObject({ screen: 'backup-code', backupReminders: 2 });
    send(sim, { type: 'backup.saved', saved: true });
    expect(sim.view()).toMatchObject({ backupSaved: true, backupReminders: 0 });
    send(sim, { type: 'backup.close' });
    expect(sim.view()).toMatchObject({ screen: 'security-settings', backupCode: null, backupSaved: false });
    expect(sim.savedBackupCode()).toBe(shown.backupCode?.replace(/ /g, ''));

    send(sim, { type: 'session.signout' });
    expect(sim.view().screen).toBe('login');
    clock.advance(30_000);
    send(sim, { type: 'login.submit', email, password, captcha: true });
    expect(sim.view()).toMatchObject({
      screen: 'second-factor',
      notice: 'Your second factor is required to complete login.',
    });
    send(sim, { type: 'secondfactor.submit', code: sim.expectedCodeNow() ?? '' });
    expect(sim.view().screen).toBe('security-settings');

    send(sim, { type: 'twofa.disable' });
    expect(sim.view().screen).toBe('disable');
    send(sim, { type: 'disable.submit', password: 'wrong' });
    expect(sim.view()).toMatchObject({
      screen: 'disable',
      error: { kind: 'password', message: 'Password incorrect. Please try again.' },
    });
    send(sim, { type: 'disable.submit', password });
    expect(sim.view()).toMatchObject({
      screen: 'security-settings',
      twoFactorEnabled: false,
      notice: 'Two-Factor Authentication has now been disabled for your account.',
    });
  });

  it('logs in with the backup code, shows the new one once, and can switch back to the code field', () => {
    const sim = createSimulation({ start: 'login-2fa', clock: fakeClock(), seed: 'backup' });
    const saved = sim.savedBackupCode() ?? '';
    send(sim, { type: 'login.submit', email, password, captcha: true });
    send(sim, { type: 'secondfactor.use-backup' });
    expect(sim.view().screen).toBe('backup-login');
    send(sim, { type: 'secondfactor.cancel-backup' });
    expect(sim.view().screen).toBe('second-factor');
    send(sim, { type: 'secondfactor.use-backup' });
    send(sim, { type: 'backup.submit', code: saved.toUpperCase() });
    const done = sim.view();
    expect(done).toMatchObject({
      screen: 'backup-login-done',
      notice: 'Login via Backup Code Successful',
      twoFactorEnabled: true,
    });
    expect(done.backupCode?.replace(/ /g, '')).not.toBe(saved);
    expect(sim.savedBackupCode()).toBe(done.backupCode?.replace(/ /g, ''));
    send(sim, { type: 'backup-login.continue' });
    expect(sim.view()).toMatchObject({ screen: 'security-settings', backupCode: null });
  });

  it('skips the question when the host does not require it, and the login form has no captcha when off', () => {
    const sim = createSimulation({
      clock: fakeClock(),
      scenario: 'no-security-question-required',
      settings: { captcha: false },
    });
    send(sim, { type: 'login.submit', email, password, captcha: false });
    expect(sim.view()).toMatchObject({ screen: 'security-settings', questionRequired: false, captchaRequired: false });
    send(sim, { type: 'twofa.enable' });
    send(sim, { type: 'enable.get-started' });
    expect(sim.view().screen).toBe('enable');
  });

  it('the method choice: closed without a key; Get Started issues one, once', () => {
    const sim = createSimulation({ start: 'security-question', clock: fakeClock() });
    send(sim, { type: 'question.save', question: SECURITY_QUESTIONS[0] ?? '', answer: 'a', confirm: 'a' });
    send(sim, { type: 'twofa.enable' });
    expect(sim.view().screen).toBe('enable-method');
    send(sim, { type: 'enable.close' });
    expect(sim.view()).toMatchObject({ screen: 'security-settings', dialog: null, error: null });
    expect(sim.server().discarded).toEqual([]); // no key was made, so none was thrown away
    send(sim, { type: 'twofa.enable' });
    send(sim, { type: 'dialog.close' });
    expect(sim.view().screen).toBe('security-settings');
    send(sim, { type: 'twofa.enable' });
    send(sim, { type: 'enable.get-started' });
    send(sim, { type: 'enable.get-started' }); // a double click: one key
    expect(sim.view().screen).toBe('enable');
    expect(sim.server().pending?.secret).toBe(sim.view().enrollment?.key);
    expect(sim.server().discarded).toEqual([]);
  });

  it('asks for the current answer before changing the question', () => {
    const sim = createSimulation({ start: 'security-settings', clock: fakeClock() });
    const question = SECURITY_QUESTIONS[2] ?? '';
    send(sim, { type: 'question.save', question, answer: 'Ms Patel', confirm: 'Ms Patel' });
    expect(sim.view().error).toMatchObject({ message: MESSAGES.currentAnswerWrong });
    send(sim, {
      type: 'question.save',
      question,
      answer: 'Ms Patel',
      confirm: 'Ms Patel',
      currentAnswer: securityAnswer.toUpperCase(),
    });
    expect(sim.view()).toMatchObject({ question, error: null });
    send(sim, {
      type: 'question.save',
      question: 'What is love?',
      answer: 'a',
      confirm: 'a',
      currentAnswer: 'Ms Patel',
    });
    expect(sim.view().error).toMatchObject({ message: MESSAGES.questionUnknown });
  });

  it('opens the menu and navigates between the dashboard and Security Settings', () => {
    const sim = createSimulation({ start: 'security-settings', clock: fakeClock() });
    send(sim, { type: 'menu.open' });
    expect(sim.view().menuOpen).toBe(true);
    send(sim, { type: 'nav.home' });
    expect(sim.view()).toMatchObject({ screen: 'dashboard', menuOpen: false });
    send(sim, { type: 'menu.open' });
    send(sim, { type: 'nav.security-settings' });
    expect(sim.view()).toMatchObject({ screen: 'security-settings', menuOpen: false });
    send(sim, { type: 'menu.open' });
    send(sim, { type: 'menu.close' });
    expect(sim.view().menuOpen).toBe(false);
  });

  it('signing out from the second-factor screen ends the half-open session', () => {
    const sim = createSimulation({ start: 'login-2fa', clock: fakeClock() });
    send(sim, { type: 'login.submit', email, password, captcha: true });
    send(sim, { type: 'session.signout' });
    expect(sim.view().screen).toBe('login');
    expect(sim.server().session).toBe('signed-out');
  });

  it('names its leaf states after the screens', () => {
    const leaves: string[] = [];
    const walk = (node: { key: string; states: Record<string, unknown> }) => {
      const children = Object.values(node.states) as Array<{ key: string; states: Record<string, unknown> }>;
      if (children.length === 0) leaves.push(node.key);
      children.forEach(walk);
    };
    walk(clientAreaMachine.root);
    expect(leaves.filter((key) => key !== 'starting' && key !== 'landing').sort()).toEqual([...SCREENS].sort());
  });
});

describe('start steps', () => {
  const expected: Record<
    Step,
    { screen: string; twoFactor: boolean; enrollment: boolean; backupShown: boolean; phone: string; entries: number }
  > = {
    login: { screen: 'login', twoFactor: false, enrollment: false, backupShown: false, phone: 'home', entries: 0 },
    'security-question': {
      screen: 'security-question',
      twoFactor: false,
      enrollment: false,
      backupShown: false,
      phone: 'home',
      entries: 0,
    },
    'security-settings': {
      screen: 'security-settings',
      twoFactor: false,
      enrollment: false,
      backupShown: false,
      phone: 'home',
      entries: 0,
    },
    enable: { screen: 'enable', twoFactor: false, enrollment: true, backupShown: false, phone: 'app', entries: 0 },
    'backup-code': {
      screen: 'backup-code',
      twoFactor: true,
      enrollment: false,
      backupShown: true,
      phone: 'app',
      entries: 1,
    },
    'login-2fa': { screen: 'login', twoFactor: true, enrollment: false, backupShown: false, phone: 'app', entries: 1 },
    'backup-login': {
      screen: 'backup-login',
      twoFactor: true,
      enrollment: false,
      backupShown: false,
      phone: 'app',
      entries: 1,
    },
    disable: { screen: 'disable', twoFactor: true, enrollment: false, backupShown: false, phone: 'app', entries: 1 },
  };

  it('exports every step once, and isStep recognises only them', () => {
    expect([...STEPS].sort()).toEqual(Object.keys(expected).sort());
    expect(STEPS.every(isStep)).toBe(true);
    expect(isStep('Login')).toBe(false);
    expect(isStep(undefined)).toBe(false);
  });

  it.each(STEPS)('%s starts on its screen with the state it needs', (step) => {
    const clock = fakeClock();
    const sim = createSimulation({ start: step, clock, seed: step });
    const want = expected[step];
    const view = sim.view();
    expect(view.screen).toBe(want.screen);
    expect(view.twoFactorEnabled).toBe(want.twoFactor);
    expect(view.enrollment !== null).toBe(want.enrollment);
    expect(view.backupCode !== null).toBe(want.backupShown);
    expect(sim.phoneView()).toMatchObject({ screen: want.phone, installed: want.phone === 'app' });
    expect(sim.phoneView().accounts).toHaveLength(want.entries);
    if (want.twoFactor) {
      expect(sim.savedBackupCode()).toMatch(/^[0-9a-f]{16}$/);
      // The phone's entry shows the code the server accepts now (not one already used).
      const onPhone = sim.phoneView().accounts[0]?.code;
      expect(onPhone).toBe(sim.expectedCodeNow());
      if (step === 'login-2fa') {
        send(sim, { type: 'login.submit', email, password, captcha: true });
        send(sim, { type: 'secondfactor.submit', code: onPhone ?? '' });
        expect(sim.view().screen).toBe('security-settings');
      }
    }
  });
});

describe('secret length', () => {
  it('issues 160-bit keys by default, above the 128 bits RFC 4226 R6 requires', () => {
    const key = createSimulation({ start: 'enable', clock: fakeClock() }).view().enrollment?.key ?? '';
    expect(key.length * 5).toBe(160);
  });

  it("reproduces the reference client area's 80-bit (16-character) keys only with legacyShortKeys", () => {
    const sim = createSimulation({
      start: 'enable',
      clock: fakeClock(),
      settings: { legacyShortKeys: true },
      phoneStart: 'manual',
    });
    const key = sim.view().enrollment?.key ?? '';
    expect(key).toMatch(/^[A-Z2-7]{16}$/);
    sim.phone.send({ type: 'phone.manual.submit', accountName: 'Example Hosting', key });
    sim.clientArea.send({ type: 'enable.submit', code: sim.phoneView().accounts[0]?.code ?? '' });
    expect(sim.view().screen).toBe('backup-code');
  });
});

describe('randomness', () => {
  it('a seed makes the secret and backup code reproducible; no seed uses the CSPRNG', () => {
    const key = (seed?: string) =>
      createSimulation({ start: 'backup-code', clock: fakeClock(), ...(seed ? { seed } : {}) });
    const [a, b, c] = [key('drill-7'), key('drill-7'), key('drill-8')];
    expect(a.server().twoFactor?.secret).toBe(b.server().twoFactor?.secret);
    expect(a.view().backupCode).toBe(b.view().backupCode);
    expect(c.server().twoFactor?.secret).not.toBe(a.server().twoFactor?.secret);
    expect(key().server().twoFactor?.secret).not.toBe(key().server().twoFactor?.secret);
  });
});

describe('server rules outside the machine', () => {
  const area = () => createClientArea({ clock: fakeClock(), random: seededRandom('rules') });

  it('refuses to open the enable window before the security question when the host requires it', () => {
    const server = area();
    server.login(email, password, true);
    expect(server.beginEnrollment()).toEqual({
      ok: false,
      kind: 'question-required',
      message: MESSAGES.questionRequired,
    });
    expect(server.state.pending).toBeNull();
  });

  it('answers calls made in the wrong order with not-available, never by throwing or changing state', () => {
    const server = area();
    const before = server.state;
    for (const call of [
      () => server.verifySecondFactor('123456'),
      () => server.loginWithBackupCode('a'.repeat(16)),
      () => server.confirmEnrollment('123456'),
      () => server.beginEnrollment(),
      () => server.disable(password),
      () => server.setSecurityQuestion({ question: SECURITY_QUESTIONS[0] ?? '', answer: 'a', confirm: 'a' }),
    ]) {
      expect(call()).toMatchObject({ ok: false, kind: 'not-available' });
    }
    expect(server.state).toBe(before);
    server.login(email, password, true);
    expect(server.login(email, password, true)).toMatchObject({ kind: 'not-available' });
  });

  it('issues a fresh 160-bit secret every time the window opens', () => {
    const server = area();
    server.login(email, password, true);
    server.setSecurityQuestion({ question: SECURITY_QUESTIONS[0] ?? '', answer: 'a', confirm: 'a' });
    const secrets = new Set<string>();
    for (let i = 0; i < 5; i++) {
      server.beginEnrollment();
      secrets.add(server.state.pending?.secret ?? '');
      server.cancelEnrollment();
    }
    expect(secrets.size).toBe(5);
    expect([...secrets].every((s) => /^[A-Z2-7]{32}$/.test(s))).toBe(true);
    expect(server.state.discarded).toHaveLength(3); // only the last few are kept, to explain stale codes
  });
});
