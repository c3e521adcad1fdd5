/**
 * The guide walked step by step (machine/guide.ts), as a reader in guided mode meets it: after
 * each action, which numbered step is current ("Step n of m") and which control the numbered
 * marker sits on. Each start step's guide is walked to its end. The page draws exactly this
 * (ui/render-guide.ts), so a wrong step or marker here is a wrong instruction on screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulation, DEMO_CUSTOMER, type Simulation } from '../../../src/simulator/index';
import { markerTarget, type GuideStepId, type Target } from '../../../src/simulator/machine/guide';
import type { Step } from '../../../src/simulator/machine/steps';
import { fakeClock } from './support';

const { email, password, securityAnswer, securityQuestion } = DEMO_CUSTOMER;
type Row = [action: string, step: GuideStepId | 'done', current: number, marker: Target | null];
type Action = [label: string, act: (sim: Simulation) => void];

beforeEach(() => {
  vi.useFakeTimers(); // the app's install takes 1.5 s of the phone's timers
});
afterEach(() => {
  vi.useRealTimers();
});

function walk(start: Step, actions: readonly Action[]): Row[] {
  const sim = createSimulation({ clock: fakeClock(), seed: 'guide-walk', start });
  const row = (label: string): Row => {
    const state = sim.state();
    const { steps, current } = state.guide;
    return [label, steps[current] ?? 'done', current, markerTarget(state)];
  };
  return [row('start'), ...actions.map(([label, act]) => (act(sim), row(label)))];
}

const ca = (event: Parameters<Simulation['clientArea']['send']>[0]) => (sim: Simulation) => sim.clientArea.send(event);
const phone = (event: Parameters<Simulation['phone']['send']>[0]) => (sim: Simulation) => sim.phone.send(event);
const LOGIN: Action = ['log in', ca({ type: 'login.submit', email, password, captcha: true })];
const QUESTION: Action = [
  'save the question',
  ca({ type: 'question.save', question: securityQuestion, answer: securityAnswer, confirm: securityAnswer }),
];
const ENABLE: Action[] = [
  ['Click here to Enable', ca({ type: 'twofa.enable' })],
  ['Get Started', ca({ type: 'enable.get-started' })],
];
const INSTALL: Action[] = [
  ['open the store', phone({ type: 'phone.store.open' })],
  [
    'install',
    (sim) => {
      sim.phone.send({ type: 'phone.store.install' });
      vi.advanceTimersByTime(2_000);
    },
  ],
  ['open the app', phone({ type: 'phone.app.open' })],
];
const SCAN: Action[] = [
  ['add a code', phone({ type: 'phone.add.open' })],
  ['scan a QR code', phone({ type: 'phone.add.scan' })],
  ['scan', (sim) => void sim.scanCurrentQr()],
];
const CODE: Action = [
  'submit the code',
  (sim) => sim.clientArea.send({ type: 'enable.submit', code: sim.expectedCodeNow() ?? '' }),
];
const SAVED: Action[] = [
  ['tick "saved"', ca({ type: 'backup.saved', saved: true })],
  ['close', ca({ type: 'backup.close' })],
];

describe('the guide, step by step', () => {
  it('from login: seven steps, the marker on each control in turn, then logging in with the code is next', () => {
    expect(
      walk('login', [
        LOGIN,
        QUESTION,
        ...ENABLE,
        ...INSTALL,
        ...SCAN,
        CODE,
        ...SAVED,
        ['Logout', ca({ type: 'session.signout' })],
      ]),
    ).toEqual([
      ['start', 'login', 0, 'captcha'],
      ['log in', 'question', 1, 'question-answer'],
      ['save the question', 'open', 2, 'enable-open'],
      ['Click here to Enable', 'open', 2, 'enable-get-started'], // the method choice first
      ['Get Started', 'install', 3, 'phone-store'],
      ['open the store', 'install', 3, 'phone-install'],
      ['install', 'install', 3, 'phone-open'],
      ['open the app', 'scan', 4, 'phone-add'],
      ['add a code', 'scan', 4, 'phone-scan-qr'],
      ['scan a QR code', 'scan', 4, 'phone-scan'],
      ['scan', 'code', 5, 'enable-code'],
      ['submit the code', 'backup', 6, 'backup-saved'],
      ['tick "saved"', 'backup', 6, 'backup-saved'], // the page skips a ticked box: then Close
      ['close', 'done', 7, null],
      ['Logout', 'done', 7, 'captcha'], // the follow-on: log in again, now with the code
    ]);
  });

  it('from the security question: six steps, starting at the question', () => {
    expect(walk('security-question', [QUESTION, ...ENABLE])).toEqual([
      ['start', 'question', 0, 'question-answer'],
      ['save the question', 'open', 1, 'enable-open'],
      ['Click here to Enable', 'open', 1, 'enable-get-started'],
      ['Get Started', 'install', 2, 'phone-store'],
    ]);
  });

  it('from Security Settings: five steps, starting at Click here to Enable', () => {
    expect(walk('security-settings', [...ENABLE, ...INSTALL])).toEqual([
      ['start', 'open', 0, 'enable-open'],
      ['Click here to Enable', 'open', 0, 'enable-get-started'],
      ['Get Started', 'install', 1, 'phone-store'],
      ['open the store', 'install', 1, 'phone-install'],
      ['install', 'install', 1, 'phone-open'],
      ['open the app', 'scan', 2, 'phone-add'],
    ]);
  });

  it('from the open enable window (the app already installed): scan, code, backup', () => {
    expect(walk('enable', [...SCAN, CODE, ...SAVED])).toEqual([
      ['start', 'scan', 0, 'phone-add'],
      ['add a code', 'scan', 0, 'phone-scan-qr'],
      ['scan a QR code', 'scan', 0, 'phone-scan'],
      ['scan', 'code', 1, 'enable-code'],
      ['submit the code', 'backup', 2, 'backup-saved'],
      ['tick "saved"', 'backup', 2, 'backup-saved'],
      ['close', 'done', 3, null],
    ]);
  });

  it('from the backup-code window: one step', () => {
    expect(walk('backup-code', SAVED)).toEqual([
      ['start', 'backup', 0, 'backup-saved'],
      ['tick "saved"', 'backup', 0, 'backup-saved'],
      ['close', 'done', 1, null],
    ]);
  });

  it('logging in with 2FA on: the password, then the code', () => {
    expect(
      walk('login-2fa', [
        LOGIN,
        [
          'submit the code',
          (sim) => sim.clientArea.send({ type: 'secondfactor.submit', code: sim.expectedCodeNow() ?? '' }),
        ],
      ]),
    ).toEqual([
      ['start', 'login2fa', 0, 'captcha'],
      ['log in', 'secondFactor', 1, 'second-factor-code'],
      ['submit the code', 'done', 2, null],
    ]);
  });

  it('logging in with a backup code: the code, then saving the new one and Continue', () => {
    expect(
      walk('backup-login', [
        [
          'submit the backup code',
          (sim) => sim.clientArea.send({ type: 'backup.submit', code: sim.savedBackupCode() ?? '' }),
        ],
        ['Continue', ca({ type: 'backup-login.continue' })],
      ]),
    ).toEqual([
      ['start', 'backupLogin', 0, 'backup-field'],
      ['submit the backup code', 'newBackup', 1, 'backup-login-continue'],
      ['Continue', 'done', 2, null],
    ]);
  });

  it('turning 2FA off: the marker on the password once the window is open', () => {
    expect(
      walk('disable', [
        ['close the window', ca({ type: 'disable.cancel' })],
        ['Click here to Disable', ca({ type: 'twofa.disable' })],
        ['submit the password', ca({ type: 'disable.submit', password })],
      ]),
    ).toEqual([
      ['start', 'disable', 0, 'disable-password'],
      ['close the window', 'disable', 0, 'disable-open'],
      ['Click here to Disable', 'disable', 0, 'disable-password'],
      ['submit the password', 'done', 1, null],
    ]);
  });
});
