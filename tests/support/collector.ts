/**
 * A real feedback collector for tests: on a random port of 127.0.0.1, with a temporary data
 * folder and an article list made from the articles on disk. In this process (`startTest
 * Collector`) or as a child process (`spawnCollector`, for the SIGKILL test and the browser
 * tests, which serve the built site through it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector, type CollectorSettings } from '../../collector/src/server';
import { publishedArticles } from './articles-on-disk';
import { ROOT, TEST_TOKEN } from './collector-process';

export { ROOT, TEST_TOKEN, spawnCollector, type SpawnedCollector } from './collector-process';

/** A temporary folder with an articles.json like the build's, listing the published articles. */
export function articleList(dir: string): string {
  const file = join(dir, 'articles.json');
  const articles = publishedArticles(join(ROOT, 'content/articles')).map(({ slug, title }) => ({ slug, title }));
  writeFileSync(file, JSON.stringify({ articles }));
  return file;
}

export interface TestCollector {
  url: string;
  dataDir: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  insights<T = unknown>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function startTestCollector(
  overrides: Partial<CollectorSettings> = {},
  now?: () => number,
): Promise<TestCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'collector-test-'));
  const dataDir = overrides.dataDir ?? join(dir, 'data');
  const running = await startCollector(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      siteDir: null,
      articlesFile: articleList(dir),
      insightsToken: TEST_TOKEN,
      devToken: false,
      siteOrigins: [],
      rateLimit: 10_000,
      trustProxy: false,
      sync: 'normal',
      ...overrides,
    },
    now,
  );
  return {
    url: running.url,
    dataDir,
    post: (path, body, headers = {}) =>
      fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async insights<T>(path: string) {
      const response = await fetch(`${running.url}${path}`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async close() {
      await running.close();
      if (!overrides.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A random voter id, as a reader's device makes it. */
export const voterId = () =>
  crypto.getRandomValues(new Uint8Array(16)).reduce((hex, byte) => hex + byte.toString(16).padStart(2, '0'), '');
