#!/usr/bin/env node
/**
 * `npm run feedback:export` (the first step of `npm run build`): the vote totals per article,
 * written to src/data/helpful-counts.generated.json, where the article pages read "N users found
 * this useful" and the home page its "Most helpful articles".
 *
 * Where the totals come from, first found wins:
 *   1. the collector's database in FEEDBACK_DATA_DIR (default data/), when it exists;
 *   2. a collector running elsewhere: GET <PUBLIC_FEEDBACK_URL>api/counts, when that is an
 *      absolute address (the static site deployed apart from its collector);
 *   3. nothing: the pages show no count (a fresh clone, a site without a collector).
 * It never fails the build: a collector that cannot be reached is reported and skipped.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DATABASE_FILE, openDatabase, type ArticleCount } from './db.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const COUNTS_FILE = join(ROOT, 'src/data/helpful-counts.generated.json');

export interface CountsFile {
  source: string;
  articles: Record<string, { votes: number; helpful: number }>;
}

function fromRows(rows: readonly ArticleCount[]): CountsFile['articles'] {
  return Object.fromEntries(rows.map(({ article, votes, helpful }) => [article, { votes, helpful }]));
}

export async function collectCounts(env: NodeJS.ProcessEnv = process.env): Promise<CountsFile> {
  const dataDir = resolve(ROOT, env['FEEDBACK_DATA_DIR'] ?? 'data');
  if (existsSync(join(dataDir, DATABASE_FILE))) {
    const db = openDatabase(dataDir);
    try {
      return { source: `the database in ${dataDir}`, articles: fromRows(db.counts()) };
    } finally {
      db.close();
    }
  }
  const url = env['PUBLIC_FEEDBACK_URL'];
  if (url && URL.canParse(url)) {
    const address = new URL('api/counts', url.endsWith('/') ? url : `${url}/`);
    try {
      const response = await fetch(address, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`it answered ${response.status}`);
      const body = (await response.json()) as { articles?: CountsFile['articles'] };
      return { source: address.href, articles: body.articles ?? {} };
    } catch (error) {
      console.warn(
        `feedback: could not read the counts from ${address.href} (${(error as Error).message}): the pages show no count.`,
      );
      return { source: 'none (the collector could not be reached)', articles: {} };
    }
  }
  return { source: 'none', articles: {} };
}

if (import.meta.main) {
  const counts = await collectCounts();
  mkdirSync(dirname(COUNTS_FILE), { recursive: true });
  writeFileSync(COUNTS_FILE, `${JSON.stringify(counts, null, 2)}\n`);
  const total = Object.values(counts.articles).reduce((sum, { votes }) => sum + votes, 0);
  console.log(
    counts.source === 'none'
      ? 'feedback: no collected votes (no database in FEEDBACK_DATA_DIR, no PUBLIC_FEEDBACK_URL): the pages show no count.'
      : `feedback: ${total} votes on ${Object.keys(counts.articles).length} articles, from ${counts.source}.`,
  );
}
