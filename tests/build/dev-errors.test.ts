/**
 * `npm run dev` with a frontmatter mistake: the preview starts and keeps running, the broken
 * article's page shows the mistakes (file, line, field, "did you mean"), the other pages work,
 * and the article comes back by itself once the file is fixed. One temporary copy of the site,
 * one dev server on a free port, one browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandEnv, makeTempSite, type TempSite } from '../support/temp-site';

const EMAIL = 'content/articles/check-email-history.mdx';
const INVOICES = 'content/articles/check-invoices.mdx';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe('the dev server with a frontmatter mistake', () => {
  let site: TempSite;
  let dev: ChildProcess;
  let browser: Browser;
  let page: Page;
  let output = '';
  let base = '';
  let emailSource = '';
  let invoicesSource = '';

  beforeAll(async () => {
    site = makeTempSite();
    emailSource = site.read(EMAIL);
    invoicesSource = site.read(INVOICES);
    // Broken before the server starts: Astro used to stop at start-up on it.
    site.edit(EMAIL, (text) =>
      text.replace(/^title:/m, 'tittle:').replace(/^related: \[/m, 'related: [check-invoice, '),
    );
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawn(
      process.execPath,
      [
        'node_modules/astro/bin/astro.mjs',
        'dev',
        '--config',
        'astro.temp.config.mjs',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      { cwd: site.dir, env: commandEnv() },
    );
    await new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(base)) resolve();
      };
      dev.stdout?.on('data', read);
      dev.stderr?.on('data', read);
      dev.once('exit', (code) => reject(new Error(`astro dev stopped (exit ${code}):\n${output}`)));
    });
    browser = await chromium.launch({ ...(CHROMIUM ? { executablePath: CHROMIUM } : {}), args: ['--no-sandbox'] });
    page = await browser.newPage();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    dev?.kill();
    site?.remove();
  });

  it('keeps running and lists the mistake, with its line and a "did you mean", in the terminal', () => {
    expect(dev.exitCode).toBeNull();
    expect(output).toContain(
      `${EMAIL}:2  unknown frontmatter field "tittle". Fix: did you mean title? The fields are title, description`,
    );
    expect(output).toContain(
      `${EMAIL}:6  related article "check-invoice" does not exist. Fix: did you mean check-invoices?`,
    );
  });

  it('serves the other articles', async () => {
    const response = await fetch(`${base}/articles/log-in-to-the-client-area/`);
    expect(response.status).toBe(200);
  }, 60_000);

  it("shows the mistakes on the broken article's page, each with its line and fix", async () => {
    const response = await page.goto(`${base}/articles/check-email-history/`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(500);
    // A dev server compiles a page on its first visit: seconds on a busy machine.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 30_000 })
      .toBe(`${EMAIL} has 2 frontmatter mistakes`);
    // Read again until it holds: on a clean clone Vite may reload the page once more while it
    // optimises the dependencies it has just found.
    const texts = (selector: Locator) => () => selector.allInnerTexts().catch(() => []);
    await expect
      .poll(texts(page.getByRole('listitem')), { timeout: 30_000 })
      .toEqual([
        expect.stringMatching(
          /^content\/articles\/check-email-history\.mdx:2 unknown frontmatter field "tittle"\. Fix: did you mean title\? The fields are title, description/,
        ),
        expect.stringMatching(
          /^content\/articles\/check-email-history\.mdx:6 related article "check-invoice" does not exist\. Fix: did you mean check-invoices\?/,
        ),
      ]);
    // The frontmatter below, with the two lines marked.
    await expect
      .poll(texts(page.locator('pre mark')), { timeout: 30_000 })
      .toEqual([
        expect.stringMatching(/^2 +tittle: How to check your email history$/),
        expect.stringMatching(/^6 +related: \[check-invoice, /),
      ]);
  }, 60_000);

  it('shows the article again by itself once the file is fixed', async () => {
    site.write(EMAIL, emailSource);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 30_000 })
      .toBe('How to check your email history');
  }, 60_000);

  it('shows a mistake made while it runs, and stays up', async () => {
    await page.goto(`${base}/articles/check-invoices/`, { waitUntil: 'domcontentloaded' });
    site.write(INVOICES, invoicesSource.replace(/^category: billing$/m, 'category: biling'));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 30_000 })
      .toBe(`${INVOICES} has a frontmatter mistake`);
    expect(await page.getByRole('listitem').allInnerTexts()).toEqual([
      `${INVOICES}:4 category "biling" is not one of the help center's categories. Fix: did you mean billing? Use one of account-security, domains, billing, hosting, email (listed in src/data/categories.json).`,
    ]);
    expect(dev.exitCode).toBeNull();
    expect((await fetch(`${base}/`)).status).toBe(200);
  }, 60_000);
});
