import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import {
  createSimulation,
  createSyncStore,
  DEMO_CUSTOMER,
  isScenarioId,
  phoneMachine,
  SCENARIOS,
  type ScenarioId,
} from '../../../src/simulator/index';
import { GOOGLE_ACCOUNT_A } from '../../../src/simulator/machine/scenarios';
import { generateCode } from '../../../src/simulator/otp/totp';
import { explainLastRefusal } from '../../../src/simulator/trainer';
import { fakeClock } from './support';

const { email, password } = DEMO_CUSTOMER;
const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('phone', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('installs Google Authenticator from the store, then adds accounts by QR and by setup key', () => {
    const phone = createActor(phoneMachine, { input: {} }).start();
    expect(phone.getSnapshot().value).toBe('home');
    phone.send({ type: 'phone.app.open' }); // not installed: nothing happens
    expect(phone.getSnapshot().value).toBe('home');
    phone.send({ type: 'phone.store.open' });
    phone.send({ type: 'phone.store.install' });
    expect(phone.getSnapshot().value).toBe('installing');
    vi.advanceTimersByTime(1500);
    expect(phone.getSnapshot()).toMatchObject({ value: 'store', context: { phone: { installed: true } } });
    phone.send({ type: 'phone.app.open' });
    phone.send({ type: 'phone.add.open' });
    phone.send({ type: 'phone.add.scan' });
    phone.send({ type: 'phone.scan', uri: null });
    expect(phone.getSnapshot().context.error).toBe('No QR code found. Point the camera at the QR code.');
    phone.send({ type: 'phone.scan', uri: 'https://example.com/' });
    expect(phone.getSnapshot()).toMatchObject({
      value: 'scan',
      context: { error: expect.stringContaining('otpauth://') },
    });
    phone.send({
      type: 'phone.scan',
      uri: `otpauth://totp/Example%20Hosting:alex?secret=${KEY}&issuer=Example%20Hosting`,
    });
    expect(phone.getSnapshot()).toMatchObject({ value: 'app', context: { error: null, lastAdded: 'account-1' } });
    phone.send({ type: 'phone.add.open' });
    phone.send({ type: 'phone.add.manual' });
    phone.send({ type: 'phone.manual.submit', accountName: ' ', key: KEY });
    expect(phone.getSnapshot().context.error).toBe('Enter an account name.');
    phone.send({ type: 'phone.manual.submit', accountName: 'Backup key', key: KEY.toLowerCase() });
    const accounts = phone.getSnapshot().context.phone.accounts;
    expect(accounts.map((a) => [a.issuer, a.accountName, a.secret])).toEqual([
      ['Example Hosting', 'alex', KEY],
      ['', 'Backup key', KEY],
    ]);
    phone.send({ type: 'phone.account.remove', id: 'account-1' });
    expect(phone.getSnapshot().context.phone.accounts).toHaveLength(1);
  });

  it('shows each code on the phone clock, as two groups of three with the seconds left', () => {
    const clock = fakeClock();
    const sim = createSimulation({ start: 'login-2fa', clock, scenario: 'phone-clock-ahead' });
    const [account] = sim.phoneView().accounts;
    const phoneTime = clock.now() + 75_000;
    expect(account?.code).toBe(generateCode(account?.secret ?? '', phoneTime));
    expect(account?.grouped).toBe(`${account?.code.slice(0, 3)} ${account?.code.slice(3)}`);
    expect(account?.secondsLeft).toBe(30 - (Math.floor(phoneTime / 1000) % 30));
  });
});

describe('scenarios', () => {
  it('each has an id, a title and a description, and isScenarioId knows them', () => {
    for (const [id, scenario] of Object.entries(SCENARIOS)) {
      expect(scenario.id).toBe(id);
      expect(scenario.title.length).toBeGreaterThan(5);
      expect(scenario.description.length).toBeGreaterThan(10);
      expect(isScenarioId(id)).toBe(true);
    }
    expect(isScenarioId('toString')).toBe(false);
  });

  it.each([
    ['phone-clock-ahead', 75_000],
    ['phone-clock-behind', -75_000],
    ['default', 0],
  ] as const)('%s sets the phone clock offset to %i ms', (scenario, offset) => {
    expect(createSimulation({ scenario, clock: fakeClock() }).phoneView().clockOffsetMs).toBe(offset);
  });

  it.each([
    ['default', true, true],
    ['no-security-question-required', false, true],
    ['no-captcha', true, false],
  ] as const)('%s: question required %s, captcha %s', (scenario, question, captcha) => {
    const view = createSimulation({ scenario, clock: fakeClock() }).view();
    expect([view.questionRequired, view.captchaRequired]).toEqual([question, captcha]);
  });

  it('lost-phone: 2FA on, no entry on the phone, the backup code gets the customer in', () => {
    const sim = createSimulation({ scenario: 'lost-phone', clock: fakeClock() });
    expect(sim.view()).toMatchObject({ screen: 'login', twoFactorEnabled: true });
    expect(sim.phoneView()).toMatchObject({ installed: true, accounts: [] });
    sim.clientArea.send({ type: 'login.submit', email, password, captcha: true });
    sim.clientArea.send({ type: 'secondfactor.use-backup' });
    sim.clientArea.send({ type: 'backup.submit', code: sim.savedBackupCode() ?? '' });
    expect(sim.view().screen).toBe('backup-login-done');
  });

  describe('new phone', () => {
    beforeEach(() => void vi.useFakeTimers());
    afterEach(() => void vi.useRealTimers());

    const installOnNewPhone = (scenario: ScenarioId) => {
      const sim = createSimulation({ scenario, clock: fakeClock() });
      expect(sim.phoneView()).toMatchObject({ screen: 'home', installed: false, accounts: [] });
      sim.phone.send({ type: 'phone.store.open' });
      sim.phone.send({ type: 'phone.store.install' });
      vi.advanceTimersByTime(1500);
      sim.phone.send({ type: 'phone.app.open' });
      return sim;
    };

    it('new-phone-same-google: signed in to the same Google account, the entry comes back and works', () => {
      const sim = installOnNewPhone('new-phone-same-google');
      expect(sim.phoneView().google).toBe(GOOGLE_ACCOUNT_A);
      const [account] = sim.phoneView().accounts;
      expect(account).toMatchObject({ issuer: 'Example Hosting', accountName: email });
      expect(account?.code).toBe(sim.expectedCodeNow());
    });

    it('new-phone-other-google: signed in to another Google account, nothing comes back until it signs in to A', () => {
      const sim = installOnNewPhone('new-phone-other-google');
      expect(sim.phoneView().accounts).toEqual([]);
      sim.phone.send({ type: 'phone.google.sign-in', account: GOOGLE_ACCOUNT_A });
      expect(sim.phoneView().accounts).toHaveLength(1);
    });
  });

  it('sync is shared between simulations: a phone that adds an entry backs it up for the next phone', () => {
    const sync = createSyncStore();
    const first = createSimulation({ start: 'enable', clock: fakeClock(), sync, phoneStart: 'scan' });
    first.phone.send({ type: 'phone.google.sign-in', account: 'me@example.com' });
    first.scanCurrentQr();
    expect(sync.load('me@example.com')).toHaveLength(1);
    const second = createSimulation({ clock: fakeClock(), sync });
    second.phone.send({ type: 'phone.google.sign-in', account: 'me@example.com' });
    expect(second.phoneView().accounts).toEqual([]); // the app is not installed on the new phone yet
    expect(sync.load('someone.else@example.com')).toEqual([]);
  });

  it('stale-entry: the old look-alike entry is refused and the explanation says why', () => {
    const sim = createSimulation({ scenario: 'stale-entry', clock: fakeClock(), seed: 'stale' });
    expect(sim.view().screen).toBe('enable');
    const [stale] = sim.phoneView().accounts;
    expect(stale).toMatchObject({ issuer: 'Example Hosting', accountName: email });
    sim.phone.send({ type: 'phone.add.open' });
    sim.phone.send({ type: 'phone.add.scan' });
    sim.scanCurrentQr();
    const [old, fresh] = sim.phoneView().accounts;
    expect(fresh).toMatchObject({ issuer: old?.issuer, accountName: old?.accountName });
    sim.clientArea.send({ type: 'enable.submit', code: old?.code ?? '' });
    expect(sim.view().error?.kind).toBe('wrong');
    expect(explainLastRefusal(sim)).toContain('another entry');
    sim.clientArea.send({ type: 'enable.submit', code: fresh?.code ?? '' });
    expect(sim.view().screen).toBe('backup-code');
  });

  it('scanCurrentQr needs the camera open and a QR on screen', () => {
    const sim = createSimulation({ start: 'security-settings', clock: fakeClock(), phoneStart: 'app' });
    expect(sim.scanCurrentQr()).toEqual({ ok: false, message: 'Open "Scan a QR code" on the phone first.' });
    sim.phone.send({ type: 'phone.add.open' });
    sim.phone.send({ type: 'phone.add.scan' });
    expect(sim.scanCurrentQr()).toEqual({ ok: false, message: 'No QR code found. Point the camera at the QR code.' });
  });
});
