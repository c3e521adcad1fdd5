/**
 * The guide's progress after its last step (machine/guide.ts): signing out with 2FA on does not
 * send the reader back to step 1, the backup-code step is behind them once its window is
 * closed, and what they can go on to is named ("Next, if you like: ..."). Also what the page
 * clears and says around it (machine/changes.ts): a fresh captcha for each login, a new code
 * announced only where a code is asked for, and when Start over has progress to lose.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, DEMO_CUSTOMER, type Simulation } from '../../../src/simulator/index';
import { changesBetween, codeMatters, progressSince } from '../../../src/simulator/machine/changes';
import { FOLLOW_ONS, followOnsFor, guideFor, markedStep } from '../../../src/simulator/machine/guide';
import { STEPS } from '../../../src/simulator/machine/steps';
import { fakeClock, type FakeClock } from './support';

const { email, password, securityAnswer, securityQuestion } = DEMO_CUSTOMER;

function run(sim: Simulation, ...events: Array<Parameters<Simulation['clientArea']['send']>[0]>) {
  for (const event of events) sim.clientArea.send(event);
}

/** From the login screen to 2FA on, the backup-code window closed: every step of the login guide. */
function enrol(sim: Simulation): void {
  run(
    sim,
    { type: 'login.submit', email, password, captcha: true },
    { type: 'question.save', question: securityQuestion, answer: securityAnswer, confirm: securityAnswer },
    { type: 'twofa.enable' },
    { type: 'enable.get-started' },
  );
  run(sim, { type: 'enable.submit', code: sim.expectedCodeNow() ?? '' });
  expect(sim.view().screen).toBe('backup-code');
  run(sim, { type: 'backup.saved', saved: true }, { type: 'backup.close' });
}

function enrolled(): { sim: Simulation; clock: FakeClock } {
  const clock = fakeClock();
  const sim = createSimulation({ clock, seed: 'guide' });
  enrol(sim);
  expect(sim.state().guide).toEqual({ steps: guideFor('login'), current: 7, next: null });
  return { sim, clock };
}

describe('the guide after its last step', () => {
  it('after Logout with 2FA on: all steps stay done, and logging in with the code comes next', () => {
    const { sim, clock } = enrolled();
    run(sim, { type: 'session.signout' });
    expect(sim.view().screen).toBe('login');
    expect(sim.state().guide).toMatchObject({ current: 7, next: 'login2fa' });
    expect(markedStep(sim.state().guide)).toBe('login2fa');
    run(sim, { type: 'login.submit', email, password, captcha: true });
    expect(sim.state().guide).toMatchObject({ current: 7, next: 'secondFactor' });
    clock.advance(30_000); // the code that turned 2FA on works once
    run(sim, { type: 'secondfactor.submit', code: sim.expectedCodeNow() ?? '' });
    expect(sim.view().screen).toBe('security-settings');
    expect(sim.state().guide).toMatchObject({ current: 7, next: null });
    expect(markedStep(sim.state().guide)).toBeNull();
  });

  it('after a backup-code login: the backup step stays done; saving the new code and Continue come next', () => {
    const { sim } = enrolled();
    const saved = sim.savedBackupCode() ?? '';
    run(
      sim,
      { type: 'session.signout' },
      { type: 'login.submit', email, password, captcha: true },
      { type: 'secondfactor.use-backup' },
    );
    expect(sim.state().guide).toMatchObject({ current: 7, next: 'backupLogin' });
    run(sim, { type: 'backup.submit', code: saved });
    expect(sim.view().screen).toBe('backup-login-done');
    expect(sim.view().backupCode).not.toBeNull();
    expect(sim.state().guide).toMatchObject({ current: 7, next: 'newBackup' });
    run(sim, { type: 'backup-login.continue' });
    expect(sim.state().guide).toMatchObject({ current: 7, next: null });
  });

  it('with 2FA turned off again, Logout starts the enrollment over at its first step', () => {
    const { sim } = enrolled();
    run(sim, { type: 'twofa.disable' }, { type: 'disable.submit', password }, { type: 'session.signout' });
    expect(sim.state().guide).toMatchObject({ current: 0, next: null });
  });

  it('the backup step is the current one only while its window is open', () => {
    const sim = createSimulation({ clock: fakeClock(), start: 'backup-code', seed: 'bk' });
    expect(sim.state().guide).toMatchObject({ steps: ['backup'], current: 0, next: null });
    run(sim, { type: 'backup.saved', saved: true });
    expect(sim.state().guide.current).toBe(0);
    run(sim, { type: 'backup.close' });
    expect(sim.state().guide).toMatchObject({ current: 1, next: null });
  });

  it('only guides that turn 2FA on have follow-ons; the login guides have them as steps', () => {
    for (const start of STEPS)
      expect(followOnsFor(start), start).toEqual(guideFor(start).includes('backup') ? FOLLOW_ONS : []);
    for (const start of ['login-2fa', 'backup-login', 'disable'] as const) {
      const sim = createSimulation({ clock: fakeClock(), start, seed: 'f' });
      expect(sim.state().guide.next, start).toBeNull();
    }
  });
});

describe('what the page clears and says', () => {
  it('each login needs a fresh captcha: it is unticked whenever the login screen opens again', () => {
    const { sim } = enrolled();
    let previous = sim.state();
    run(sim, { type: 'session.signout' });
    expect(changesBetween(previous, sim.state()).fresh).toEqual(['captcha']);
    previous = sim.state();
    run(sim, { type: 'login.submit', email, password, captcha: true });
    expect(changesBetween(previous, sim.state()).fresh).toEqual([]);
    previous = sim.state();
    run(sim, { type: 'session.signout' }); // "Cancel" on the second-factor screen
    expect(changesBetween(previous, sim.state()).fresh).toEqual(['captcha']);
  });

  it('a new enable window starts with an empty code field', () => {
    const sim = createSimulation({ clock: fakeClock(), start: 'security-settings', seed: 'e' });
    const previous = sim.state();
    run(sim, { type: 'twofa.enable' }, { type: 'enable.get-started' });
    expect(changesBetween(previous, sim.state()).fresh).toEqual(['enable-code']);
  });

  it('a new code matters only while the phone shows one and the client area asks for one', () => {
    const clock = fakeClock();
    const sim = createSimulation({ clock, start: 'enable', seed: 'c' });
    expect(codeMatters(sim.state())).toBe(false); // the app has no entry yet
    sim.phone.send({ type: 'phone.add.open' });
    sim.phone.send({ type: 'phone.add.scan' });
    sim.scanCurrentQr();
    expect(codeMatters(sim.state())).toBe(true);
    let previous = sim.state();
    clock.advance(30_000);
    expect(changesBetween(previous, sim.state()).announce).toEqual([{ type: 'new-code' }]);

    run(sim, { type: 'enable.close' }); // Security Settings: no code field
    expect(codeMatters(sim.state())).toBe(false);
    previous = sim.state();
    clock.advance(30_000);
    expect(changesBetween(previous, sim.state()).announce).toEqual([]);

    run(sim, { type: 'twofa.enable' }, { type: 'enable.get-started' });
    previous = sim.state();
    clock.advance(30_000);
    expect(changesBetween(previous, sim.state()).announce).toEqual([{ type: 'new-code' }]);

    // The login's code field asks for one too.
    const login = createSimulation({ clock, start: 'login-2fa', seed: 'c' });
    expect(codeMatters(login.state())).toBe(false);
    run(login, { type: 'login.submit', email, password, captcha: true });
    expect(login.view().screen).toBe('second-factor');
    expect(codeMatters(login.state())).toBe(true);
  });

  it('Start over has progress to lose once the reader got anywhere, not after a refusal alone', () => {
    const sim = createSimulation({ clock: fakeClock(), seed: 'p' });
    const first = sim.state();
    expect(progressSince(first, sim.state())).toBe(false);
    run(sim, { type: 'login.submit', email, password, captcha: false });
    expect(sim.view().error?.kind).toBe('captcha');
    expect(progressSince(first, sim.state())).toBe(false);
    sim.phone.send({ type: 'phone.store.open' });
    expect(progressSince(first, sim.state())).toBe(true);
    sim.phone.send({ type: 'phone.home' });
    expect(progressSince(first, sim.state())).toBe(false);
    run(sim, { type: 'login.submit', email, password, captcha: true });
    expect(progressSince(first, sim.state())).toBe(true);

    const phone = createSimulation({ clock: fakeClock(), start: 'enable', seed: 'p' });
    const start = phone.state();
    phone.phone.send({ type: 'phone.clock.set-offset', ms: 0 });
    expect(progressSince(start, phone.state())).toBe(false); // already right: nothing changed
    phone.phone.send({ type: 'phone.add.open' });
    phone.phone.send({ type: 'phone.add.scan' });
    phone.scanCurrentQr();
    phone.phone.send({ type: 'phone.back' });
    expect(phone.phoneView().accounts).toHaveLength(1);
    expect(progressSince(start, phone.state())).toBe(true);
  });
});
