/**
 * The order a choice question shows its options in. Drills list the right answer first (easy to
 * write and review), so the page must never show them in that order: picking the first option
 * every time would pass every drill.
 *
 * With JavaScript, <training-drill> shows each question in the order of the drill's seed (the
 * `?seed=` in its link), so the same link always gives the same order and another seed another
 * one. The server cannot know that seed (it is in the address, and the page is static): it
 * renders the order of a fixed seed, `SERVER_SEED`, which differs from question to question and
 * is not "right answer first" either. Options keep their index in the drill as their value, so
 * the session judges them by index whatever the order on screen.
 *
 * The randomness is the simulator's own seeded generator (`seededRandom`), not a second PRNG.
 */
import { seededRandom } from '../simulator/env';

/** The seed of the server-rendered order (shown until the page's script reorders, and without JavaScript). */
export const SERVER_SEED = 'server';

/**
 * A permutation of the indices 0..count-1 (a Fisher-Yates shuffle), the same for the same seed
 * and question, and independent between questions (question ids repeat across drills, hence the
 * drill's id too).
 */
export function choiceOrder(count: number, seed: string, drillId: string, questionId: string): number[] {
  const random = seededRandom(`${seed}/${drillId}/${questionId}`);
  const order = Array.from({ length: count }, (_, index) => index);
  for (let i = count - 1; i > 0; i--) {
    // Four bytes make one 32-bit number; its modulo bias over a handful of options is negligible.
    const value = random.bytes(4).reduce((sum, byte) => sum * 256 + byte, 0);
    const j = value % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
