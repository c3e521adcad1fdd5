/**
 * Content-Security-Policy (astro.config.mjs, `security.csp`). The shared fixture already fails a
 * test on any `securitypolicyviolation` event and on any request to another origin; these tests
 * walk every built page and a full simulator run under it, check that the policy is really there
 * and strict, and prove that it blocks what it should (so that a silent policy cannot pass).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtPages } from '../support/built-pages';
import {
  ARTICLE_2FA,
  enableWindow,
  installAuthenticator,
  logIn,
  openEnableWindow,
  phoneCode,
  scanQrWithPhone,
  setSecurityQuestion,
  simulator,
} from './simulator-helpers';

/** The page's policy, checked to come before anything it governs. */
async function policyOf(page: Page): Promise<string> {
  const meta = page.locator('meta[http-equiv="content-security-policy"]');
  await expect(meta, 'exactly one CSP meta tag').toHaveCount(1);
  const before = await page.evaluate(() => {
    const head = [...document.head.children];
    const at = head.findIndex((element) => element.matches('meta[http-equiv="content-security-policy"]'));
    return head
      .slice(0, at)
      .filter((element) =>
        element.matches('script, style, link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"]'),
      ).length;
  });
  expect(before, 'no script or style comes before the policy (a <meta> policy covers only what follows it)').toBe(0);
  return (await meta.getAttribute('content')) ?? '';
}

test('every built page carries a strict policy and loads, with its simulators, without a violation', async ({
  page,
}) => {
  const pages = builtPages();
  test.setTimeout(10_000 + pages.length * 3_000);
  for (const path of pages) {
    await page.goto(path);
    const policy = await policyOf(page);
    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).toMatch(/script-src 'self'[^;]* 'sha256-/);
    expect(policy, `${path}: nothing inline is allowed wholesale`).not.toContain("'unsafe-inline'");
    expect(policy, path).not.toContain("'unsafe-eval'");
    // Bring every simulator near the viewport: its runtime is import()ed from /runtime/.
    const simulators = page.locator('twofa-simulator');
    for (let index = 0; index < (await simulators.count()); index++) await simulator(page, index);
  }
});

test('search loads its UI, Pagefind, its worker and WASM without a violation', async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', (response) => loaded.push(new URL(response.url()).pathname));
  await page.goto('/articles/check-invoices/');
  await page.getByRole('searchbox', { name: 'Search the help center' }).fill('password');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
  expect(loaded.some((path) => path.startsWith('/runtime/search.'))).toBe(true);
  expect(loaded).toContain('/pagefind/pagefind.js');
  expect(loaded).toContain('/pagefind/pagefind-worker.js');
  expect(
    loaded.some((path) => path.startsWith('/pagefind/wasm.')),
    'the WASM index reader',
  ).toBe(true);
});

test.describe('a full simulator run', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-28T10:00:10Z') });
  });

  test('enrol, save the backup code, then log in with it, without a violation', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page);
    await logIn(sim);
    await setSecurityQuestion(sim);
    await openEnableWindow(sim);
    const window = enableWindow(sim);
    await expect(window.getByRole('img', { name: /QR code/ })).toBeVisible(); // a data: image
    await installAuthenticator(page, sim);
    await scanQrWithPhone(sim);
    await window.getByLabel('Enter the 6-digit code the app shows').fill(await phoneCode(sim));
    await window.getByRole('button', { name: 'Submit' }).click();
    const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
    await done.getByRole('checkbox', { name: 'I have saved my backup code' }).check();
    await done.getByRole('button', { name: 'Close' }).click();
    await expect(sim.getByText('Two-Factor Authentication is currently enabled')).toBeVisible();

    const backup = await simulator(page, 2); // starts at "Login using Backup Code"
    const hint = await backup.getByText('Your backup code (as you saved it)').textContent();
    await backup.getByLabel('Backup Code', { exact: true }).fill(hint!.split(':').at(-1)!.trim());
    await backup.getByRole('button', { name: 'Login', exact: true }).click();
    await expect(backup.getByRole('heading', { name: 'Login via Backup Code Successful' })).toBeVisible();
  });
});

test('the policy blocks an injected inline script and style attribute, and the guard sees it', async ({
  page,
  guard,
}) => {
  // This test provokes violations on purpose; every other test fails on them.
  guard.ignoreConsole.push(/^CSP violation: (script-src-elem|style-src-attr) inline$/, /Content Security Policy/);
  const reported: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('CSP violation:')) reported.push(message.text());
  });
  await page.goto('/');
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.body.append(script);
    const box = document.createElement('div');
    box.innerHTML = '<p style="color: rgb(255, 0, 0)">injected</p>';
    document.body.append(box);
    return {
      ran: (window as unknown as { injectedRan?: boolean }).injectedRan === true,
      color: getComputedStyle(box.firstElementChild!).color,
    };
  });
  expect(outcome.ran, 'the inline script did not run').toBe(false);
  expect(outcome.color, 'the style attribute was not applied').not.toBe('rgb(255, 0, 0)');
  // Violation events are queued tasks: wait for both reports rather than for some time.
  await expect
    .poll(() => [...reported].sort())
    .toEqual(['CSP violation: script-src-elem inline', 'CSP violation: style-src-attr inline']);
});
