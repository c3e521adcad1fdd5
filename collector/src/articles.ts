/**
 * The articles the collector accepts feedback for: the list the site's build writes to
 * `dist/articles.json` (src/pages/articles.json.ts). Votes and events for any other slug are
 * refused, so a typo or a stale page cannot create rows nobody will ever read.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const manifestSchema = z.object({
  articles: z.array(z.object({ slug: z.string(), title: z.string() })),
});

export type Articles = ReadonlyMap<string, { title: string }>;

export function loadArticles(file: string): Articles {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `No article list at ${file}: build the site first (npm run build), or point FEEDBACK_ARTICLES at the articles.json of the built site.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}): rebuild the site (npm run build).`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success)
    throw new Error(`${file} is not an article list from this site's build: rebuild the site (npm run build).`);
  return new Map(result.data.articles.map((article) => [article.slug, { title: article.title }]));
}
