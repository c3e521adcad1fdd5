/**
 * Browser tests that count what the collector stored get a collector of their own: the built
 * site (dist/, built with PUBLIC_FEEDBACK_URL=/) served by a fresh collector on a random port
 * with an empty data folder, so that other tests' votes never mix in. `baseURL` points at it,
 * so the shared guard (fixtures.ts) treats it as the site's own origin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './fixtures';
import { ROOT, TEST_TOKEN, spawnCollector } from '../support/collector-process';

export interface OwnCollector {
  url: string;
  token: string;
  /** The dashboard's figures, as its JSON API gives them. */
  report(period?: string): Promise<{
    articles: { slug: string; votes: number; helpful: number }[];
    reasons: { slug: string; reason: string; count: number }[];
    comments: { slug: string; reason: string | null; comment: string }[];
    simulators: {
      article: string;
      simulator: string;
      steps: { step: string; reached: number; gaveUp: number | null; refusals: Record<string, number> }[];
    }[];
  }>;
}

export const test = base.extend<{ collector: OwnCollector }>({
  collector: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-collector-'));
    const running = await spawnCollector({
      FEEDBACK_DATA_DIR: join(dir, 'data'),
      FEEDBACK_SITE_DIR: join(ROOT, 'dist'),
      FEEDBACK_RATE_LIMIT: '100000',
    });
    try {
      await use({
        url: running.url,
        token: TEST_TOKEN,
        async report(period = 'all') {
          const response = await fetch(`${running.url}/api/insights/report.json?period=${period}`, {
            headers: { Authorization: `Bearer ${TEST_TOKEN}` },
          });
          return (await response.json()) as Awaited<ReturnType<OwnCollector['report']>>;
        },
      });
    } finally {
      running.child.kill('SIGTERM');
      await running.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ collector }, use) => use(collector.url),
});

export { expect };
