/**
 * What the engine tells the page (machine/view.ts, machine/changes.ts, machine/guide.ts) and
 * the contract's tables (ui/contract.ts): the page no longer works any of this out itself, so
 * these are the rules a reader sees, checked without a browser.
 */
import { describe, expect, it, vi } from 'vitest';
import { createSimulation, DEMO_CUSTOMER, type Simulation } from '../../../src/simulator/index';
import { changesBetween, type SimulatorState } from '../../../src/simulator/machine/changes';
import { guideFor, markerTargets, TARGETS } from '../../../src/simulator/machine/guide';
import { STEPS } from '../../../src/simulator/machine/steps';
import { addressOf, DIALOGS, isDialog, pageOf, SCREENS } from '../../../src/simulator/machine/view';
import { CONDITIONS, FORMS, TOGGLES, type FormFields } from '../../../src/simulator/ui/contract';
import { FIGURE_TARGETS } from '../../../src/components/simulator/props';
import { fakeClock, T0 } from './support';

const { email, password, securityAnswer } = DEMO_CUSTOMER;

function run(sim: Simulation, ...events: Array<Parameters<Simulation['clientArea']['send']>[0]>) {
  for (const event of events) sim.clientArea.send(event);
}

/** Records the changes between consecutive moments while `act` runs. */
function watch(sim: Simulation) {
  let previous: SimulatorState = sim.state();
  return () => {
    const next = sim.state();
    const changes = changesBetween(previous, next);
    previous = next;
    return changes;
  };
}

describe('the view tells the page where it is', () => {
  it('gives every screen its page, window and address', () => {
    for (const screen of SCREENS) {
      expect(pageOf(screen)).toBe(isDialog(screen) ? 'security-settings' : screen);
      expect(addressOf(screen)).toMatch(/^clientarea\.example\.com\/[a-z/-]+$/);
    }
    // A window keeps the address of the page behind it.
    for (const dialog of DIALOGS) expect(addressOf(dialog)).toBe(addressOf('security-settings'));
    expect(addressOf('login')).toBe('clientarea.example.com/login');
  });

  it('says which form an answer belongs to, with a new id for every answer', () => {
    const sim = createSimulation({ clock: fakeClock(), seed: 'view' });
    run(sim, { type: 'login.submit', email, password, captcha: false });
    const first = sim.view().result;
    expect(first).toMatchObject({ from: 'login', ok: false, kind: 'captcha' });
    run(sim, { type: 'login.submit', email, password, captcha: false });
    // The same refusal again is a new answer: the page announces it again.
    expect(sim.view().result?.id).toBeGreaterThan(first?.id ?? Infinity);
    run(sim, { type: 'login.submit', email, password, captcha: true });
    expect(sim.view()).toMatchObject({ screen: 'security-question', signedIn: true, page: 'security-question' });
    run(sim, { type: 'question.save', question: DEMO_CUSTOMER.securityQuestion, answer: 'a', confirm: 'b' });
    expect(sim.view().result).toMatchObject({ from: 'question-page', ok: false });
    run(sim, {
      type: 'question.save',
      question: DEMO_CUSTOMER.securityQuestion,
      answer: securityAnswer,
      confirm: securityAnswer,
    });
    run(sim, {
      type: 'question.save',
      question: DEMO_CUSTOMER.securityQuestion,
      answer: 'x',
      confirm: 'x',
      currentAnswer: 'wrong',
    });
    expect(sim.view().result).toMatchObject({ from: 'question', ok: false });
    run(sim, { type: 'twofa.enable' });
    expect(sim.view()).toMatchObject({ screen: 'enable-method', page: 'security-settings', dialog: 'enable-method' });
    run(sim, { type: 'enable.get-started' });
    expect(sim.view()).toMatchObject({ screen: 'enable', page: 'security-settings', dialog: 'enable' });
  });

  it('gives the phone its status-bar time and the RFC 6238 step on its own clock', () => {
    const clock = fakeClock();
    const sim = createSimulation({ clock, start: 'enable', scenario: 'phone-clock-ahead' });
    const phone = sim.phoneView();
    expect(phone.time).toBe(new Date(T0 + 75_000).toISOString().slice(11, 19));
    expect(phone.timeStep).toBe(Math.floor((T0 + 75_000) / 30_000));
  });
});

describe('the backup-code window', () => {
  it('closes only once the code is saved; each refused close reminds again', () => {
    const sim = createSimulation({ clock: fakeClock(), start: 'backup-code', seed: 'bk' });
    const next = watch(sim);
    run(sim, { type: 'backup.close' });
    expect(sim.view()).toMatchObject({ screen: 'backup-code', backupReminders: 1 });
    expect(next().announce).toEqual([{ type: 'save-first' }]);
    run(sim, { type: 'dialog.close' });
    expect(next().announce).toEqual([{ type: 'save-first' }]);
    run(sim, { type: 'backup.saved', saved: true }, { type: 'backup.saved', saved: false }, { type: 'dialog.close' });
    expect(sim.view().screen).toBe('backup-code');
    next();
    run(sim, { type: 'backup.saved', saved: true }, { type: 'dialog.close' });
    expect(next().screen).toEqual({ from: 'backup-code', to: 'security-settings' });
  });

  it('does not carry "saved" over to a later window after signing out', () => {
    const sim = createSimulation({ clock: fakeClock(), start: 'backup-code', seed: 'bk2' });
    run(sim, { type: 'backup.saved', saved: true }, { type: 'session.signout' });
    expect(sim.view().backupSaved).toBe(false);
  });
});

describe('changes between two moments', () => {
  it('at the first moment: a step to report, nothing to announce', () => {
    const sim = createSimulation({ clock: fakeClock() });
    expect(changesBetween(null, sim.state())).toEqual({
      screen: null,
      step: true,
      result: null,
      completed: false,
      fresh: [],
      announce: [],
    });
  });

  it('announces a refusal in the client area’s words, once per answer', () => {
    const sim = createSimulation({ clock: fakeClock() });
    const next = watch(sim);
    run(sim, { type: 'login.submit', email, password, captcha: false });
    const changes = next();
    expect(changes.result).toMatchObject({ kind: 'captcha', from: 'login' });
    expect(changes.announce).toEqual([{ type: 'result', message: sim.view().error?.message }]);
    expect(next().announce).toEqual([]);
  });

  it('announces the accepted code (not the confirmation) when the backup code appears', () => {
    const clock = fakeClock();
    const sim = createSimulation({ clock, start: 'enable', seed: 'ok' });
    const next = watch(sim);
    run(sim, { type: 'enable.submit', code: sim.expectedCodeNow() ?? '' });
    const changes = next();
    expect(changes.screen).toEqual({ from: 'enable', to: 'backup-code' });
    expect(changes.announce).toEqual([{ type: 'code-accepted' }]);
  });

  it('announces the phone: installed, entry added, a refused scan, a new code', () => {
    vi.useFakeTimers();
    try {
      const clock = fakeClock();
      const sim = createSimulation({ clock, start: 'security-settings' });
      const next = watch(sim);
      sim.phone.send({ type: 'phone.store.open' });
      sim.phone.send({ type: 'phone.store.install' });
      vi.advanceTimersByTime(2_000); // the install takes 1.5 s
      expect(next().announce).toContainEqual({ type: 'installed' });
      sim.phone.send({ type: 'phone.app.open' });
      sim.phone.send({ type: 'phone.add.open' });
      sim.phone.send({ type: 'phone.add.scan' });
      sim.scanCurrentQr(); // no QR on screen yet
      expect(next().announce).toContainEqual({ type: 'phone-error', message: sim.phoneView().error });
      run(sim, { type: 'twofa.enable' });
      run(sim, { type: 'enable.get-started' });
      sim.scanCurrentQr();
      expect(next().announce).toContainEqual({ type: 'account-added' });
      clock.advance(30_000);
      expect(next().announce).toEqual([{ type: 'new-code' }]);
      sim.phone.send({ type: 'phone.home' });
      next();
      clock.advance(30_000);
      // The list is not on screen: nothing to hear.
      expect(next().announce).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports the guide finished once, when its last step is done', () => {
    const sim = createSimulation({ clock: fakeClock(), start: 'backup-code', seed: 'done' });
    const next = watch(sim);
    run(sim, { type: 'backup.saved', saved: true }, { type: 'backup.close' });
    const changes = next();
    expect(changes.completed).toBe(true);
    expect(changes.announce).toContainEqual({ type: 'complete' });
    run(sim, { type: 'menu.toggle' });
    expect(next().completed).toBe(false);
  });
});

describe('the guide', () => {
  it('has steps for every start, each with targets the screens carry', () => {
    for (const start of STEPS) {
      expect(guideFor(start).length).toBeGreaterThan(0);
      for (const step of guideFor(start)) {
        expect(markerTargets(step).length).toBeGreaterThan(0);
        for (const target of markerTargets(step)) expect(TARGETS).toContain(target);
      }
    }
    // The live figures number a subset of the same targets.
    for (const target of FIGURE_TARGETS) expect(TARGETS).toContain(target);
  });
});

describe('the contract’s tables', () => {
  const fields = (values: Record<string, string>, checked: string[] = []): FormFields => ({
    text: (name) => values[name] ?? '',
    checked: (name) => checked.includes(name),
  });

  it('turns each form into its event', () => {
    expect(FORMS.login(fields({ email: 'a@b.c', password: 'pw' }, ['captcha']))).toEqual({
      type: 'login.submit',
      email: 'a@b.c',
      password: 'pw',
      captcha: true,
    });
    expect(FORMS.login(fields({ email: 'a@b.c', password: 'pw' }))).toMatchObject({ captcha: false });
    expect(FORMS['second-factor'](fields({ code: '123 456' }))).toEqual({
      type: 'secondfactor.submit',
      code: '123 456',
    });
    expect(FORMS.backup(fields({ code: 'abcd' }))).toEqual({ type: 'backup.submit', code: 'abcd' });
    expect(FORMS.question(fields({ question: 'Q', answer: 'a', confirm: 'a' }))).toEqual({
      type: 'question.save',
      question: 'Q',
      answer: 'a',
      confirm: 'a',
    });
    expect(FORMS.question(fields({ question: 'Q', answer: 'a', confirm: 'a', currentAnswer: 'c' }))).toMatchObject({
      currentAnswer: 'c',
    });
    expect(FORMS.enable(fields({ code: '1' }))).toEqual({ type: 'enable.submit', code: '1' });
    expect(FORMS.disable(fields({ password: 'pw' }))).toEqual({ type: 'disable.submit', password: 'pw' });
    expect(FORMS['phone-manual'](fields({ accountName: 'n', key: 'k' }))).toEqual({
      type: 'phone.manual.submit',
      accountName: 'n',
      key: 'k',
    });
  });

  it('turns the two checkboxes into events (unticking "set time automatically" changes nothing)', () => {
    expect(TOGGLES['backup-saved'](true)).toEqual({ type: 'backup.saved', saved: true });
    expect(TOGGLES['backup-saved'](false)).toEqual({ type: 'backup.saved', saved: false });
    expect(TOGGLES['auto-time'](true)).toEqual({ type: 'phone.clock.set-offset', ms: 0 });
    expect(TOGGLES['auto-time'](false)).toBeNull();
  });

  it('reads each condition from the state', () => {
    const sim = createSimulation({ clock: fakeClock(), start: 'disable', seed: 'c' });
    const state = sim.state();
    expect(CONDITIONS['signed-in'](state)).toBe(true);
    expect(CONDITIONS['twofa-on'](state)).toBe(true);
    expect(CONDITIONS['twofa-off'](state)).toBe(false);
    expect(CONDITIONS['question-set'](state)).toBe(true);
    expect(CONDITIONS.installed(state)).toBe(true);
    expect(CONDITIONS['not-installed'](state)).toBe(false);
    expect(CONDITIONS['no-accounts'](state)).toBe(false);
    expect(CONDITIONS['menu-open'](state)).toBe(false);
    expect(CONDITIONS['backup-reminder'](state)).toBe(false);
    expect(CONDITIONS.captcha(state)).toBe(true);
    const out = createSimulation({ clock: fakeClock(), scenario: 'no-captcha' }).state();
    expect(CONDITIONS['signed-in'](out)).toBe(false);
    expect(CONDITIONS.captcha(out)).toBe(false);
    expect(CONDITIONS['no-accounts'](out)).toBe(true);
  });
});
