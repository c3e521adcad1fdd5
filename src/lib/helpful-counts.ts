/**
 * The collected vote totals per article, as `npm run feedback:export` (the first step of
 * `npm run build`) wrote them from the feedback collector. Missing file or article: no count.
 */
interface Counts {
  articles: Record<string, { votes: number; helpful: number }>;
}

// A glob, so that a build without the generated file (astro build run alone) still works.
const files = import.meta.glob<Counts>('../data/helpful-counts.generated.json', { eager: true, import: 'default' });
const counts: Counts['articles'] = Object.values(files)[0]?.articles ?? {};

/** How many readers found the article helpful (0 when nothing was collected). */
export function helpfulCount(slug: string): number {
  const entry = counts[slug];
  return entry && Number.isInteger(entry.helpful) && entry.helpful > 0 ? entry.helpful : 0;
}
