/**
 * Model-based tests (xstate/graph): every reachable state of the client-area machine, from every
 * start step and with the security question required or not, is reached by a shortest path; each
 * path is replayed on a real actor, and at every step of it the invariants below are checked.
 *
 * - 2FA is never enabled without a correct code for the key shown in the enable window.
 * - The backup code is never visible before 2FA is on, only on its two screens, and once: a code
 *   that has been hidden never shows again; the server never holds it in plain text.
 * - When the host requires it, the security question is set before the enable window opens.
 * - The screen agrees with the server's session.
 * - A code is never accepted twice (RFC 6238 §5.2), not even the one that enabled 2FA.
 * - The backup-code window closes only after "I have saved my backup code" (or a sign-out).
 *
 * The clock is fixed; codes in events are computed from the state they are sent in. The user menu
 * (a flag that doubles every state) is left to the flow tests.
 *
 * One test per start step explores and replays all its paths (a failure names the path). The
 * exploration runs inside the test rather than while the file is collected, so that mutation
 * testing (`npm run mutation`) sees which test covers which code instead of treating most of the
 * engine as "static" and running the whole suite for each of its mutants.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { DEMO_CUSTOMER } from '../../../src/simulator/client-area/data';
import type { ServerEnv } from '../../../src/simulator/client-area/server';
import { seededRandom } from '../../../src/simulator/env';
import { clientAreaMachine, type ClientAreaEvent } from '../../../src/simulator/machine/client-area-machine';
import { prepareStep, STEPS, type Step } from '../../../src/simulator/machine/steps';
import { SCREENS, viewClientArea } from '../../../src/simulator/machine/view';
import { matchesHash } from '../../../src/simulator/otp/backup-code';
import { generateCode } from '../../../src/simulator/otp/totp';
import { fakeClock } from './support';

type Snapshot = SnapshotFrom<typeof clientAreaMachine>;
/** A model event: the machine's event plus how to re-create it against another run's secrets. */
type ModelEvent = ClientAreaEvent & { readonly label?: 'current-code' | 'stale-code' | 'saved-backup-code' };

const { email, password, securityQuestion, securityAnswer } = DEMO_CUSTOMER;
const clock = fakeClock();
const SIGNED_OUT_SCREENS: Record<string, string> = {
  login: 'signed-out',
  'second-factor': 'second-factor',
  'backup-login': 'second-factor',
};

const secretOf = (s: Snapshot) => s.context.server.pending?.secret ?? s.context.server.twoFactor?.secret ?? null;
const otherThan = (code: string) => code.replace(/^./, (d) => String((Number(d) + 5) % 10));
const accepts = (secret: string, code: string) =>
  [-1, 0, 1].some((w) => generateCode(secret, clock.now() + w * 30_000) === code);

/** Backup codes seen on screen, by the hash the server keeps: what the customer wrote down. */
function notebook(initial: string | null, snapshot: Snapshot) {
  const codes = new Map<string, string>();
  const hash = snapshot.context.server.twoFactor?.backup.hash;
  if (initial && hash) codes.set(hash, initial);
  return {
    note(s: Snapshot) {
      const shown = s.context.shownBackupCode;
      const current = s.context.server.twoFactor?.backup.hash;
      if (shown && current) codes.set(current, shown);
    },
    lookup: (s: Snapshot) => codes.get(s.context.server.twoFactor?.backup.hash ?? '') ?? null,
  };
}

function eventsFor(s: Snapshot, saved: (s: Snapshot) => string | null): ModelEvent[] {
  const secret = secretOf(s);
  const current = secret === null ? '000000' : generateCode(secret, clock.now());
  const backup = saved(s) ?? 'ffffffffffffffff';
  const stale = s.context.server.discarded[0];
  return [
    { type: 'login.submit', email, password, captcha: true },
    { type: 'login.submit', email, password: 'wrong', captcha: true },
    { type: 'login.submit', email, password, captcha: false },
    {
      type: 'question.save',
      question: securityQuestion,
      answer: securityAnswer,
      confirm: securityAnswer,
      currentAnswer: securityAnswer,
    },
    { type: 'question.save', question: securityQuestion, answer: 'a', confirm: 'b' },
    { type: 'twofa.enable' },
    { type: 'enable.get-started' },
    { type: 'enable.submit', code: current, label: 'current-code' },
    { type: 'enable.submit', code: otherThan(current) },
    ...(stale
      ? [{ type: 'enable.submit' as const, code: generateCode(stale, clock.now()), label: 'stale-code' as const }]
      : []),
    { type: 'enable.close' },
    { type: 'backup.close' },
    { type: 'dialog.close' },
    { type: 'backup.saved', saved: true },
    { type: 'session.signout' },
    { type: 'secondfactor.submit', code: current, label: 'current-code' },
    { type: 'secondfactor.submit', code: otherThan(current) },
    { type: 'secondfactor.use-backup' },
    { type: 'secondfactor.cancel-backup' },
    { type: 'backup.submit', code: backup.toUpperCase(), label: 'saved-backup-code' },
    { type: 'backup.submit', code: otherThan(backup) },
    { type: 'backup-login.continue' },
    { type: 'twofa.disable' },
    { type: 'disable.submit', password },
    { type: 'disable.submit', password: 'wrong' },
    { type: 'disable.cancel' },
    { type: 'nav.home' },
    { type: 'nav.security-settings' },
  ];
}

/** What makes two states different for the model (secrets and salts abstracted away). */
function abstractState(s: Snapshot): string {
  const { server, shownBackupCode, menuOpen } = s.context;
  return JSON.stringify([
    s.value,
    server.session,
    server.question !== null,
    server.pending !== null,
    server.discarded.length,
    server.twoFactor !== null,
    server.twoFactor?.lastUsedStep ?? null,
    ...Object.values(server.throttle).flatMap((t) => [t.failures, t.lockedUntil !== null]),
    shownBackupCode !== null,
    s.context.backupSaved,
    s.context.backupReminders > 0,
    menuOpen,
    s.context.last?.kind ?? null,
  ]);
}

/** The invariants, checked on a step from `prev` to `next` by `event`; `hidden` and `used` carry the path's history. */
function checkStep(
  prev: Snapshot | null,
  event: ClientAreaEvent | null,
  next: Snapshot,
  hidden: Set<string>,
  used = new Set<string>(),
) {
  const { server, shownBackupCode } = next.context;
  const screen = viewClientArea(next).screen;
  // 2FA is never enabled without a correct code.
  if (prev && !prev.context.server.twoFactor && server.twoFactor) {
    expect(event?.type).toBe('enable.submit');
    const pending = prev.context.server.pending?.secret ?? '';
    expect(accepts(pending, event?.type === 'enable.submit' ? event.code : '')).toBe(true);
    expect(server.twoFactor.secret).toBe(pending);
  }
  if (prev?.context.server.twoFactor && server.twoFactor)
    expect(server.twoFactor.secret).toBe(prev.context.server.twoFactor.secret);
  // The backup code: only with 2FA on, only on its screens, the current one, once.
  if (shownBackupCode !== null) {
    expect(server.twoFactor).not.toBeNull();
    expect(['backup-code', 'backup-login-done']).toContain(screen);
    expect(matchesHash(shownBackupCode, server.twoFactor!.backup)).toBe(true);
    expect(hidden.has(shownBackupCode)).toBe(false);
  } else {
    expect(viewClientArea(next).backupCode).toBeNull();
  }
  const before = prev?.context.shownBackupCode;
  if (before && before !== shownBackupCode) hidden.add(before);
  if (before) expect(JSON.stringify(server)).not.toContain(before);
  // The backup-code window closes only once the customer said the code is saved, and that
  // answer never carries over to a later window.
  if (
    prev &&
    viewClientArea(prev).screen === 'backup-code' &&
    screen !== 'backup-code' &&
    event?.type !== 'session.signout'
  )
    expect(prev.context.backupSaved).toBe(true);
  if (screen !== 'backup-code') expect(next.context.backupSaved).toBe(false);
  // The security question comes first when required.
  if (
    server.settings.requireSecurityQuestion &&
    (server.twoFactor || server.pending || screen === 'enable-method' || screen === 'enable')
  ) {
    expect(server.question).not.toBeNull();
  }
  // The screen agrees with the session.
  expect(server.session).toBe(SIGNED_OUT_SCREENS[screen] ?? 'signed-in');
  // A code is accepted once.
  if (prev && event && (event.type === 'enable.submit' || event.type === 'secondfactor.submit')) {
    const secret = secretOf(prev) ?? '';
    const accepted =
      event.type === 'enable.submit'
        ? !prev.context.server.twoFactor && server.twoFactor
        : prev.context.server.session !== 'signed-in' && server.session === 'signed-in';
    if (accepted) {
      expect(used.has(`${secret}:${event.code}`)).toBe(false);
      used.add(`${secret}:${event.code}`);
    }
  }
}

const counts: Record<string, number> = {};
const reached = new Set<string>();
afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.info(
    `model-based: ${total} paths tested (${Object.entries(counts)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')})`,
  );
});

/**
 * Each form locks at its first failure here instead of its fifth: the counts of all three forms
 * are part of the state, and counting to five would multiply the paths (and the time of every
 * mutation run) several times over. The counts below a lock, the lock's durations, its escalation
 * and the 100-failure cap are in lockout.test.ts.
 */
const LOCK_SOON = { lockoutAfter: 1 };
/**
 * "Question optional" changes only what happens before a question is set, so that variant starts
 * only from the steps that have none yet; from the others it would replay the same paths again.
 */
/** Up to ~430 paths per start step: long by nature, and slower still under mutation testing. */
const MODEL_BUDGET_MS = 180_000;

const NO_QUESTION_YET: readonly Step[] = ['login', 'security-question'];
const VARIANTS = [
  { name: 'question required', settings: { ...LOCK_SOON }, starts: STEPS },
  { name: 'question optional', settings: { ...LOCK_SOON, requireSecurityQuestion: false }, starts: NO_QUESTION_YET },
] as const;
type Variant = (typeof VARIANTS)[number];

/**
 * Explores the model from one start step. This runs inside the tests, not while the file is
 * collected: code run at collection time is a "static" mutant for Stryker (`npm run mutation`),
 * which then runs the whole suite for it; run inside a test, its coverage is per test.
 */
function explore({ name, settings }: Variant, start: Step) {
  const seed = `${name}/${start}`;
  const env: ServerEnv = { clock, random: seededRandom(seed) };
  const setup = prepareStep(start, env, settings, DEMO_CUSTOMER);
  const input = { env, server: setup.server, start, shownBackupCode: setup.shownBackupCode };
  const initial = createActor(clientAreaMachine, { input }).getSnapshot();
  const book = notebook(setup.backupCode, initial);
  const model = createTestModel(clientAreaMachine, {
    events: (s: Snapshot) => {
      book.note(s);
      return eventsFor(s, book.lookup);
    },
    serializeState: abstractState,
    filterEvents: (_, event) => !event.type.startsWith('menu.'),
  });
  const paths = model.getShortestPaths({ input, allowDuplicatePaths: true });
  counts[seed] = paths.length;
  for (const path of paths) {
    reached.add(viewClientArea(path.state).screen);
    for (const [scope, throttle] of Object.entries(path.state.context.server.throttle))
      if (throttle.lockedUntil !== null) reached.add(`locked: ${scope}`);
    if (path.state.context.last?.kind === 'stale-secret') reached.add('stale-secret');
    if (path.state.context.last?.kind === 'reused') reached.add('reused');
  }
  return { seed, paths };
}

type ModelPath = ReturnType<typeof explore>['paths'][number];

function replay({ settings }: Variant, start: Step, seed: string, path: ModelPath) {
  // Every state on the path satisfies the state invariants. (The graph keeps one concrete
  // snapshot per abstract state, so consecutive model states need not share secrets: the
  // step invariants are checked on the real actor below.)
  for (const step of path.steps) checkStep(null, null, step.state, new Set());
  // A real actor driven by the same path ends in the same states, and every step of it keeps the invariants.
  const replayEnv: ServerEnv = { clock, random: seededRandom(seed) };
  const replaySetup = prepareStep(start, replayEnv, settings, DEMO_CUSTOMER);
  const replayInput = {
    env: replayEnv,
    server: replaySetup.server,
    start,
    shownBackupCode: replaySetup.shownBackupCode,
  };
  const actor = createActor(clientAreaMachine, { input: replayInput }).start();
  const own = notebook(replaySetup.backupCode, actor.getSnapshot());
  const seen = new Set<string>();
  const used = new Set<string>();
  let last: Snapshot | null = null;
  for (const [i, step] of path.steps.entries()) {
    let sent: ClientAreaEvent | null = null;
    if (i > 0) {
      const before = actor.getSnapshot();
      own.note(before);
      sent = resolve(step.event, before, own.lookup);
      actor.send(sent);
    }
    const now = actor.getSnapshot();
    own.note(now);
    checkStep(last, sent, now, seen, used);
    expect(now.value).toEqual(step.state.value);
    expect(abstractState(now)).toBe(abstractState(step.state));
    last = now;
  }
  actor.stop();
}

describe.each(VARIANTS)('client-area model, $name', (variant) => {
  it.each(variant.starts)(
    'from %s: every shortest path keeps the invariants on a real actor',
    (start: Step) => {
      const { seed, paths } = explore(variant, start);
      expect(paths.length).toBeGreaterThan(3);
      for (const path of paths) {
        try {
          replay(variant, start, seed, path);
        } catch (error) {
          // Name the failing path, as a test of its own would.
          throw new Error(`${describePath(path.steps)}: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
          });
        }
      }
    },
    MODEL_BUDGET_MS,
  );
});

it('the question-optional variant leaves out only the start steps whose question is already set', () => {
  const env: ServerEnv = { clock, random: seededRandom('question-set') };
  for (const start of STEPS) {
    const { question } = prepareStep(start, env, { requireSecurityQuestion: false }, DEMO_CUSTOMER).server;
    expect(question === null, start).toBe(NO_QUESTION_YET.includes(start));
  }
});

it('the model reaches every screen, the lock of each form, a stale-key refusal and a replay refusal', () => {
  // The tests above explore in this file's order; run alone (a filtered run), this explores itself.
  if (Object.keys(counts).length < VARIANTS.reduce((n, variant) => n + variant.starts.length, 0)) {
    for (const variant of VARIANTS) for (const start of variant.starts) explore(variant, start);
  }
  const locks = ['locked: password', 'locked: second-factor', 'locked: enrollment'];
  expect([...reached].sort()).toEqual([...SCREENS, ...locks, 'stale-secret', 'reused'].sort());
});

/** Re-creates a model event against the replaying actor's own secrets. */
function resolve(event: ModelEvent, s: Snapshot, saved: (s: Snapshot) => string | null): ClientAreaEvent {
  const { label, ...plain } = event;
  const secret = secretOf(s);
  if (label === 'current-code' && secret && 'code' in plain)
    return { ...plain, code: generateCode(secret, clock.now()) };
  const stale = s.context.server.discarded[0];
  if (label === 'stale-code' && stale && 'code' in plain) return { ...plain, code: generateCode(stale, clock.now()) };
  if (label === 'saved-backup-code' && 'code' in plain)
    return { ...plain, code: (saved(s) ?? 'f'.repeat(16)).toUpperCase() };
  return plain;
}

/** "enable ← twofa.enable ← login.submit": the screen reached and the events that reach it. */
function describePath(
  steps: ReadonlyArray<{
    event: { type: string; label?: string; code?: string; password?: string; captcha?: boolean };
    state: Snapshot;
  }>,
) {
  const events = steps.slice(1).map(({ event }) => {
    const detail =
      event.label ??
      (event.code !== undefined
        ? 'other code'
        : event.password === 'wrong'
          ? 'wrong password'
          : event.captcha === false
            ? 'no captcha'
            : '');
    return detail ? `${event.type} (${detail})` : event.type;
  });
  const end = steps.at(-1)?.state;
  return `reaches ${end ? abstractState(end) : '?'} via ${events.join(' → ') || 'the start step'}`;
}
