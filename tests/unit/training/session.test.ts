/** The session over a running simulation: timeline, hints, answers, "Start over", the score. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../../src/simulator/index';
import { drillById } from '../../../src/training/drills/index';
import { client, enterPhoneCode, logIn, SCAN_QR } from '../../../src/training/path';
import { AUTO_HINT_AFTER, computeScore, SCORING } from '../../../src/training/session';
import { doneIds, play, startDrill } from './support';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const clockDrill = drillById('every-code-rejected')!;

describe('timeline', () => {
  it('stamps what happens with the injected clock, and the refusal with its reason in plain words', () => {
    const run = startDrill(clockDrill);
    const t0 = run.clock.now();
    run.clock.advance(12_000);
    play(run, SCAN_QR);
    run.clock.advance(3_000);
    play(run, [enterPhoneCode()]);
    const timeline = run.session.state().timeline;
    expect(timeline[0]).toEqual({ at: t0, type: 'start' });
    expect(timeline).toContainEqual({
      at: t0 + 12_000,
      type: 'account-added',
      name: 'Example Hosting: alex.morgan@example.com',
    });
    expect(timeline).toContainEqual(
      expect.objectContaining({
        at: t0 + 15_000,
        type: 'refusal',
        kind: 'early',
        expected: true,
        message: expect.stringContaining('did not match'),
        explanation: expect.stringContaining("phone's clock is 75 s ahead"),
      }),
    );
    expect(run.session.state().startedAt).toBe(t0);
  });

  it('records the phone clock being fixed and the objectives as they get done', () => {
    const run = play(startDrill(clockDrill), [
      ...SCAN_QR,
      enterPhoneCode(),
      { do: 'phone', event: { type: 'phone.clock.set-offset', ms: 0 } },
    ]);
    const types = run.session.state().timeline.map((e) => e.type);
    expect(types).toContain('phone-clock');
    expect(doneIds(run.session)).toEqual(['reproduce', 'clock']);
  });

  it('does not record the starting point as something the trainee did', () => {
    const drill = drillById('stale-look-alike-entry')!; // the phone starts with an entry
    const { session } = startDrill(drill);
    expect(session.state().timeline.map((e) => e.type)).toEqual(['start']);
  });
});

describe('hints', () => {
  it(`are offered after ${AUTO_HINT_AFTER} failures in a row, and given in order on request`, () => {
    const drill = drillById('happy-path')!;
    const run = play(startDrill(drill), [logIn({ captcha: false }), logIn({ captcha: false })]);
    expect(run.session.state().hintOffered).toBe(false);
    play(run, [logIn({ captcha: false })]);
    expect(run.session.state().hintOffered).toBe(true);
    expect(run.session.state().timeline.filter((e) => e.type === 'hint-offered')).toHaveLength(1);

    expect(run.session.useHint()).toEqual({ index: 0, text: drill.hints[0] });
    expect(run.session.state()).toMatchObject({ hintOffered: false, hintsUsed: 1 });
    for (let i = 1; i < drill.hints.length; i++) expect(run.session.useHint()?.index).toBe(i);
    expect(run.session.useHint()).toBeNull();
    expect(run.session.state().hintsUsed).toBe(drill.hints.length);
  });

  it('the first refusal that reproduces the problem is no mistake; the same one again is', () => {
    const run = play(startDrill(clockDrill), [...SCAN_QR, enterPhoneCode()]);
    expect(run.session.state().mistakes).toBe(0);
    play(run, [enterPhoneCode()]);
    expect(run.session.state().mistakes).toBe(1);
  });
});

describe('choices', () => {
  it('explain a wrong answer, count it as a mistake, and accept the right one later', () => {
    const drill = drillById('unverified-caller')!;
    const run = startDrill(drill);
    expect(run.session.choose('first', 1)).toEqual({
      correct: false,
      explanation: drill.choices[0]!.options[1]!.explanation,
    });
    expect(doneIds(run.session)).toEqual([]);
    expect(run.session.state().mistakes).toBe(1);
    expect(run.session.choose('first', 0)?.correct).toBe(true);
    expect(doneIds(run.session)).toEqual(['verify']);
    expect(run.session.state().answers['first']).toEqual({ option: 0, correct: true });
    expect(run.session.choose('first', 9)).toBeNull();
    expect(run.session.choose('nope', 0)).toBeNull();
  });
});

describe('Start over', () => {
  it('judges the objectives again on the fresh simulation, keeping the answers and the timeline', () => {
    const drill = drillById('unverified-caller')!;
    const run = play(startDrill(drill), [
      { do: 'choose', question: 'first', option: 0 },
      logIn(),
      client({ type: 'secondfactor.use-backup' }),
    ]);
    expect(doneIds(run.session)).toEqual(['verify']);
    const fresh = createSimulation({
      start: drill.start,
      scenario: drill.scenario,
      seed: `test-${drill.id}`,
      clock: run.clock,
    });
    run.session.attach(fresh);
    run.sim.clientArea.send({ type: 'secondfactor.cancel-backup' }); // the old simulation is no longer watched
    const state = run.session.state();
    expect(state.timeline.map((e) => e.type)).toContain('restart');
    expect(state.timeline.filter((e) => e.type === 'screen').map((e) => e.type === 'screen' && e.screen)).toEqual([
      'second-factor',
      'backup-login',
    ]);
    expect(doneIds(run.session)).toEqual(['verify']);
  });
});

describe('score', () => {
  it('is 100 for a clean run on time, minus hints, mistakes and minutes over', () => {
    expect(computeScore({ hintsUsed: 0, mistakes: 0, timeMs: 60_000, minutes: 3 })).toEqual({
      firstTry: true,
      hintsUsed: 0,
      mistakes: 0,
      timeMs: 60_000,
      expectedMs: 180_000,
      points: 100,
    });
    expect(computeScore({ hintsUsed: 1, mistakes: 2, timeMs: 181_000, minutes: 3 }).points).toBe(
      100 - SCORING.perHint - 2 * SCORING.perMistake - SCORING.perMinuteOver,
    );
    expect(computeScore({ hintsUsed: 0, mistakes: 1, timeMs: 0, minutes: 3 }).firstTry).toBe(false);
    expect(computeScore({ hintsUsed: 0, mistakes: 0, timeMs: 60 * 60_000, minutes: 3 }).points).toBe(
      100 - SCORING.maxTimePenalty,
    );
    expect(computeScore({ hintsUsed: 9, mistakes: 9, timeMs: 0, minutes: 3 }).points).toBe(0);
  });

  it('is computed from the session once every objective is done, with the time from the injected clock', () => {
    const drill = drillById('security-question-loop')!;
    const run = startDrill(drill);
    run.session.useHint();
    run.clock.advance(4 * 60_000 + 1); // a minute and a bit over the expected 3
    play(run, drill.correctPath);
    expect(run.session.state().score).toEqual(
      computeScore({ hintsUsed: 1, mistakes: 0, timeMs: 4 * 60_000 + 1, minutes: 3 }),
    );
    expect(run.session.state().score?.points).toBe(100 - 15 - 10);
  });

  it('freezes the summary: nothing is recorded after completion', () => {
    const drill = drillById('security-question-loop')!;
    const run = play(startDrill(drill), drill.correctPath);
    const length = run.session.state().timeline.length;
    run.sim.clientArea.send({ type: 'session.signout' });
    run.session.choose('advice', 1);
    expect(run.session.useHint()).toBeNull();
    expect(run.session.state().timeline).toHaveLength(length);
  });
});
