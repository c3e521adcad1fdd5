/**
 * Every drill, from its data: the documented correct path completes every objective, a typical
 * wrong path leaves the key objective undone (with every wrong answer explained), and the seed
 * in a shared link reproduces the same secret and backup code. Table-driven: a drill added to
 * src/training/drills/ is tested here without a new line.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulation, SCENARIOS } from '../../../src/simulator/index';
import { DRILLS, drillById, mistypeKey } from '../../../src/training/drills/index';
import { doneIds, play, startDrill } from './support';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the drill list', () => {
  it('has at least ten drills with unique slugs', () => {
    expect(DRILLS.length).toBeGreaterThanOrEqual(10);
    const ids = DRILLS.map((drill) => drill.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(drillById(ids[0]!)).toBe(DRILLS[0]);
    expect(drillById('no-such-drill')).toBeUndefined();
  });

  it('covers the situations the issue lists', () => {
    const scenarios = new Set(DRILLS.map((drill) => drill.scenario));
    for (const id of [
      'default',
      'phone-clock-ahead',
      'lost-phone',
      'new-phone-same-google',
      'new-phone-other-google',
      'stale-entry',
    ] as const) {
      expect(scenarios, id).toContain(id);
    }
    expect(drillById('every-code-rejected')?.title).toBe('Customer says every code is rejected');
    for (const id of [
      'happy-path',
      'code-typed-too-late',
      'old-qr-after-reopening',
      'manual-key-mistyped',
      'lost-phone-backup-code',
      'security-question-loop',
      'login-refusals',
      'unverified-caller',
    ]) {
      expect(drillById(id), id).toBeDefined();
    }
  });
});

describe.each(DRILLS.map((drill) => [drill.id, drill] as const))('drill %s', (_, drill) => {
  it('is well formed', () => {
    expect(drill.title.length).toBeGreaterThan(5);
    expect(drill.customer.length).toBeGreaterThan(20);
    expect(drill.goal.length).toBeGreaterThan(10);
    expect([1, 2, 3]).toContain(drill.difficulty);
    expect(drill.minutes).toBeGreaterThan(0);
    expect(Object.keys(SCENARIOS)).toContain(drill.scenario);
    expect(drill.objectives.length).toBeGreaterThan(0);
    expect(new Set(drill.objectives.map((o) => o.id)).size).toBe(drill.objectives.length);
    expect(drill.objectives.map((o) => o.id)).toContain(drill.keyObjective);
    expect(drill.hints.length).toBeGreaterThanOrEqual(2);
    for (const question of drill.choices) {
      expect(
        question.options.filter((o) => o.correct),
        question.id,
      ).toHaveLength(1);
      for (const option of question.options) expect(option.explanation.length, option.text).toBeGreaterThan(20);
    }
  });

  it('starts with nothing done', () => {
    const { session } = startDrill(drill);
    expect(doneIds(session)).toEqual([]);
    expect(session.state().score).toBeNull();
  });

  it('the correct path completes every objective, first try, no hint', () => {
    const { session, outcomes } = play(startDrill(drill), drill.correctPath);
    const state = session.state();
    expect(doneIds(session).sort()).toEqual(drill.objectives.map((o) => o.id).sort());
    expect(state.score).toMatchObject({ firstTry: true, hintsUsed: 0, mistakes: 0 });
    expect(state.timeline.at(-1)?.type).toBe('complete');
    expect(outcomes.every((outcome) => outcome.correct)).toBe(true);
    // Every choice question is answered on the way.
    for (const question of drill.choices) expect(state.answers[question.id]?.correct, question.id).toBe(true);
  });

  it('a typical wrong path leaves the key objective undone, and every wrong answer is explained', () => {
    const { session, outcomes } = play(startDrill(drill), drill.wrongPath);
    expect(doneIds(session)).not.toContain(drill.keyObjective);
    expect(session.state().score).toBeNull();
    const mistakes = session
      .state()
      .timeline.filter(
        (e) =>
          (e.type === 'refusal' && !e.expected) || e.type === 'phone-refusal' || (e.type === 'choice' && !e.correct),
      );
    const explainedWrong = outcomes.filter((outcome) => !outcome.correct);
    if (drill.choices.length > 0)
      expect(explainedWrong.length, 'the wrong path picks a wrong answer').toBeGreaterThan(0);
    for (const outcome of explainedWrong) expect(outcome.explanation.length).toBeGreaterThan(20);
    expect(mistakes.length, 'a refusal or a wrong answer on the way').toBeGreaterThan(0);
  });

  it('a shared link (the seed) reproduces the same secret and backup code', () => {
    const keyOf = (seed: string) => {
      const sim = createSimulation({ start: drill.start, scenario: drill.scenario, seed });
      const server = sim.server();
      const key = { secret: server.pending?.secret ?? server.twoFactor?.secret ?? null, backup: sim.savedBackupCode() };
      sim.stop();
      return key;
    };
    const a = keyOf('abc');
    expect(keyOf('abc')).toEqual(a);
    if (a.secret !== null) expect(keyOf('xyz').secret).not.toBe(a.secret);
  });
});

describe('what the wrong paths show', () => {
  it('phone clock fast: every phone code is refused as early, and the clock is explained', () => {
    const drill = drillById('every-code-rejected')!;
    const { session } = play(startDrill(drill), drill.wrongPath);
    const refusals = session.state().timeline.filter((e) => e.type === 'refusal');
    expect(refusals.map((e) => e.type === 'refusal' && e.kind)).toEqual(['early', 'early']);
    expect(refusals[0]?.type === 'refusal' && refusals[0].explanation).toMatch(/75 s ahead/);
  });

  it('manual key: a 0, 1 or 8 typed for O, I or B is refused by the app with the alphabet explained', () => {
    expect(mistypeKey('ABCO')).toBe('A8CO');
    expect(mistypeKey('ZZZZ')).toBe('0ZZZ');
    const drill = drillById('manual-key-mistyped')!;
    const { session, sim } = play(startDrill(drill), drill.wrongPath);
    expect(sim.phoneView().accounts).toHaveLength(0);
    expect(
      session.state().timeline.some((e) => e.type === 'phone-refusal' && /2.7|A.Z|alphabet/i.test(e.message)),
    ).toBe(true);
  });

  it("reopened window: the earlier entry's code is refused as a stale key", () => {
    const drill = drillById('old-qr-after-reopening')!;
    const { session } = play(startDrill(drill), drill.wrongPath);
    const refusal = session.state().timeline.find((e) => e.type === 'refusal');
    expect(refusal).toMatchObject({ kind: 'stale-secret', explanation: expect.stringContaining('earlier') });
  });
});
