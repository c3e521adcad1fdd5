import { readdirSync, statSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { makeArticleSchema } from './content/article-schema';
import { keepGoingInDev } from './content/keep-going-in-dev';

/** Where writers put articles: one `.mdx` file per article; the file name is the URL slug. */
export const ARTICLES_DIR = './content/articles';

// The schema asks once per article; the folder is read again only when a file was added,
// removed or renamed since (that changes the folder's modification time), as in `astro dev`.
let listed: { mtimeMs: number; slugs: string[] } | undefined;

function slugsOnDisk(): string[] {
  const { mtimeMs } = statSync(ARTICLES_DIR);
  if (listed?.mtimeMs !== mtimeMs)
    listed = {
      mtimeMs,
      slugs: readdirSync(ARTICLES_DIR)
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => name.slice(0, -'.mdx'.length)),
    };
  return listed.slugs;
}

// Astro re-validates cached entries (node_modules/.astro/data-store.json) only when THIS file's text
// changes, not when article-schema.ts does: after changing the schema, edit this note (schema of
// 2026-11: `keywords` added; related slugs and unknown fields suggest a spelling) or delete that
// file, or old entries miss the new field's default.
const articles = defineCollection({
  // In `astro dev` an article with a frontmatter mistake is left out (its page shows the mistake)
  // instead of stopping the server.
  loader: keepGoingInDev(glob({ base: ARTICLES_DIR, pattern: '**/*.mdx' })),
  schema: makeArticleSchema(slugsOnDisk),
});

export const collections = { articles };
