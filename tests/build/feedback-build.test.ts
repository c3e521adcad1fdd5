/**
 * Counts at build, and what a build sends where: votes collected by a real collector show on the
 * built pages as "N users found this useful"; without PUBLIC_FEEDBACK_URL the pages send nothing
 * (no collector address in them, connect-src 'self' only); with one, connect-src allows exactly
 * that origin. Real builds of a temporary copy of the site.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, voterId } from '../support/collector';
import { makeTempSite, type TempSite } from '../support/temp-site';

let site: TempSite;
const dataDir = () => join(site.dir, 'feedback-data');
const connectSrc = (html: string) => /connect-src ([^;"]*)/.exec(html)?.[1]?.trim();

beforeAll(async () => {
  site = makeTempSite();
  const collector = await startTestCollector({ dataDir: dataDir() });
  try {
    const vote = (article: string, helpful: boolean) =>
      collector.post('/api/feedback', { article, voter: voterId(), helpful });
    for (const helpful of [true, true, true, false]) await vote('check-email-history', helpful);
    await vote('check-invoices', true);
  } finally {
    await collector.close();
  }
});
afterAll(() => site.remove());

describe('a build without a collector address, with collected votes', () => {
  let built: { status: number | null; output: string };
  beforeAll(() => {
    const exported = site.run(process.execPath, ['collector/src/export-counts.ts'], { FEEDBACK_DATA_DIR: dataDir() });
    expect(exported.output).toContain('feedback: 5 votes on 2 articles');
    built = site.build();
  }, 240_000);

  it('shows the collected count on the article and ranks the home page by it', () => {
    expect(built.status, built.output).toBe(0);
    expect(
      /data-useful-count[^>]*>\s*3 users found this useful\s*</.test(
        site.read('dist/articles/check-email-history/index.html'),
      ),
    ).toBe(true);
    expect(
      /data-useful-count[^>]*>\s*1 user found this useful\s*</.test(
        site.read('dist/articles/check-invoices/index.html'),
      ),
    ).toBe(true);
    // No votes: no line saying "0 users".
    expect(
      /<p class="useful-count" data-useful-count hidden[^>]*>\s*<\/p>/.test(
        site.read('dist/articles/set-a-security-question/index.html'),
      ),
    ).toBe(true);
    const home = site.read('dist/index.html');
    const helpful = home.slice(home.indexOf('id="helpful-heading"'));
    expect(helpful.indexOf('/articles/check-email-history/')).toBeLessThan(
      helpful.indexOf('/articles/check-invoices/'),
    );
  });

  it('sends nothing: no collector address in the pages, connect-src is the site only', () => {
    for (const page of [
      'dist/articles/check-invoices/index.html',
      'dist/articles/enable-two-factor-authentication/index.html',
    ]) {
      const html = site.read(page);
      expect(html.includes('data-feedback-url='), page).toBe(false);
      expect(/<div[^>]*data-simulator-beacon/.test(html), page).toBe(false);
      expect(connectSrc(html)).toBe("'self'");
    }
    expect((JSON.parse(site.read('dist/articles.json')) as { articles: unknown[] }).articles).toContainEqual({
      slug: 'check-invoices',
      title: expect.any(String),
    });
  });
});

describe('a build for a collector on its own origin', () => {
  it('allows exactly that origin in connect-src and points the vote and the beacon at it', () => {
    const built = site.run(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--config', 'astro.temp.config.mjs'],
      { PUBLIC_FEEDBACK_URL: 'https://feedback.example.net/collector' },
    );
    expect(built.status, built.output).toBe(0);
    const html = site.read('dist/articles/enable-two-factor-authentication/index.html');
    expect(connectSrc(html)).toBe("'self' https://feedback.example.net");
    expect(html.includes('data-feedback-url="https://feedback.example.net/collector/"')).toBe(true);
    expect(/<div[^>]*data-simulator-beacon/.test(html)).toBe(true);
  }, 240_000);

  it('a collector address that is not one stops the build with a message', () => {
    const built = site.run(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--config', 'astro.temp.config.mjs'],
      { PUBLIC_FEEDBACK_URL: 'feedback.example.net' },
    );
    expect(built.status).not.toBe(0);
    expect(built.output).toContain('PUBLIC_FEEDBACK_URL "feedback.example.net" is not a collector address');
  }, 120_000);
});
