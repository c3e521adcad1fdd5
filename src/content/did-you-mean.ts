/**
 * "Did you mean ...?" for a writer's misspelt name: a frontmatter field (`tittle`), a related
 * article or category slug (`check-invoice`), a link address. Edit distance is
 * fastest-levenshtein's (README, libraries).
 */
import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, when it is close enough to be a typo of it: at most 2 edits
 * for a short word, a third of its length for a longer one. Case and `_`/`-` do not count.
 * `undefined` when nothing is that close, or when `word` is itself a candidate.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const normal = (text: string) => text.toLowerCase().replace(/_/g, '-');
  const target = normal(word);
  let best: { candidate: string; edits: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === word) return undefined;
    const edits = distance(target, normal(candidate));
    if (!best || edits < best.edits) best = { candidate, edits };
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return best && best.edits <= allowed ? best.candidate : undefined;
}

/**
 * `fix` with a guess in front when `word` looks like a typo of a candidate:
 * `did you mean title? The fields are ...`; otherwise `fix` as it is.
 */
export function withDidYouMean(fix: string, word: unknown, candidates: readonly string[]): string {
  const guess = typeof word === 'string' ? didYouMean(word, candidates) : undefined;
  return guess === undefined ? fix : `did you mean ${guess}? ${fix.charAt(0).toUpperCase()}${fix.slice(1)}`;
}
