/**
 * The collector killed with SIGKILL in the middle of a burst of votes, then started again on
 * the same data folder: every vote that got a 2xx answer is still there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../collector/src/db';
import { articleList, spawnCollector, voterId } from '../support/collector';

const dir = mkdtempSync(join(tmpdir(), 'collector-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps every acknowledged vote across a SIGKILL mid-burst', { timeout: 60_000 }, async () => {
  const env = {
    FEEDBACK_DATA_DIR: join(dir, 'data'),
    FEEDBACK_SITE_DIR: '',
    FEEDBACK_ARTICLES: articleList(dir),
    FEEDBACK_RATE_LIMIT: '1000000',
  };
  const first = await spawnCollector(env);
  const acknowledged: string[] = [];
  let failed = 0;
  let killed = false;

  // 8 clients voting as fast as they can; the process is killed once 150 votes were answered.
  const client = async () => {
    while (!killed || acknowledged.length === 0) {
      const voter = voterId();
      try {
        const response = await fetch(`${first.url}/api/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ article: 'check-invoices', voter, helpful: true }),
        });
        if (response.ok) acknowledged.push(voter);
        await response.arrayBuffer();
      } catch {
        failed += 1; // the connection died with the process: no answer, no promise made
        if (killed) return;
      }
      if (!killed && acknowledged.length >= 150) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(150);

  // Started again: it opens the same database (WAL recovery) and answers.
  const second = await spawnCollector(env);
  try {
    const counts = (await (await fetch(`${second.url}/api/counts`)).json()) as {
      articles: Record<string, { votes: number }>;
    };
    expect(counts.articles['check-invoices']!.votes).toBeGreaterThanOrEqual(acknowledged.length);
    const db = openDatabase(env.FEEDBACK_DATA_DIR, { readOnly: true });
    const stored = new Set(db.voteKeys().map(({ voter }) => voter));
    db.close();
    const lost = acknowledged.filter((voter) => !stored.has(voter));
    expect(
      lost,
      `${lost.length} of ${acknowledged.length} acknowledged votes lost (${failed} requests failed)`,
    ).toEqual([]);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
});
