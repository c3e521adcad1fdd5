/**
 * The order of a choice question's options (src/training/choice-order.ts): drills list the right
 * answer first, so without a shuffle "always pick the first option" would pass every drill. Over
 * every question of every drill: the same seed gives the same order, the right answer moves
 * between seeds, and the server-rendered order (a fixed seed) does not keep it first either.
 */
import { describe, expect, it } from 'vitest';
import { DRILLS } from '../../../src/training/drills/index';
import { choiceOrder, SERVER_SEED } from '../../../src/training/choice-order';

const QUESTIONS = DRILLS.flatMap((drill) => drill.choices.map((question) => ({ drill: drill.id, question })));
const SEEDS = Array.from({ length: 40 }, (_, index) => `seed-${index}`);
/** Where the right answer shows up (0 = first) with this order. */
const rightAt = (order: number[], question: (typeof QUESTIONS)[number]['question']) =>
  order.findIndex((index) => question.options[index]?.correct === true);

describe('choice order', () => {
  it('has questions to shuffle, each with one right answer', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(5);
    for (const { question } of QUESTIONS) expect(question.options.filter((o) => o.correct)).toHaveLength(1);
  });

  it.each(QUESTIONS.map((q) => [`${q.drill}/${q.question.id}`, q] as const))(
    '%s: a permutation, the same for the same seed, the right answer in more than one place',
    (_, { drill, question }) => {
      const count = question.options.length;
      const places = new Set<number>();
      for (const seed of SEEDS) {
        const order = choiceOrder(count, seed, drill, question.id);
        expect([...order].sort()).toEqual(Array.from({ length: count }, (_, index) => index));
        expect(choiceOrder(count, seed, drill, question.id)).toEqual(order);
        places.add(rightAt(order, question));
      }
      // 40 seeds over 3 options: every place is reached (a fixed order would reach one).
      expect([...places].sort()).toEqual(Array.from({ length: count }, (_, index) => index));
    },
  );

  it('puts the right answer first for about a third of the seeds, not for all of them', () => {
    let first = 0;
    let total = 0;
    for (const seed of SEEDS)
      for (const { drill, question } of QUESTIONS) {
        total += 1;
        if (rightAt(choiceOrder(question.options.length, seed, drill, question.id), question) === 0) first += 1;
      }
    expect(first / total).toBeGreaterThan(0.2);
    expect(first / total).toBeLessThan(0.5);
  });

  it('orders questions independently, also those with the same id in different drills', () => {
    // Question ids repeat across drills ("advice"): the drill's id keeps their orders apart.
    const orders = QUESTIONS.map(({ drill, question }) => choiceOrder(3, 'abc', drill, question.id).join());
    expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it('the server-rendered order (no seed known) does not always put the right answer first', () => {
    const places = QUESTIONS.map(({ drill, question }) =>
      rightAt(choiceOrder(question.options.length, SERVER_SEED, drill, question.id), question),
    );
    expect(new Set(places).size, `right answer at ${places.join(', ')}`).toBeGreaterThan(1);
    expect(places.filter((place) => place === 0).length).toBeLessThan(places.length / 2);
  });
});
