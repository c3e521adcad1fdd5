/**
 * The /insights/ dashboard in the browser: refused without the right token, the funnel of a
 * scripted enrollment that gave up at the code step, a CSV download, keyboard use, and the same
 * axe sweep and CSP guard as the site (light and dark).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './feedback-fixtures';
import {
  ARTICLE_2FA,
  enableWindow,
  installAuthenticator,
  logIn,
  openEnableWindow,
  scanQrWithPhone,
  setSecurityQuestion,
  simulator,
  useFixedClock,
} from './simulator-helpers';

// The section's heading: the article's title, then the simulator's label.
const SIMULATOR =
  /^How to enable two-factor authentication .*: Practise enabling 2FA \(two-factor authentication simulator\)$/;

/** A reader enrols up to the code, types a wrong one, and leaves. */
async function enrolAndGiveUpAtTheCode(page: Page) {
  await useFixedClock(page);
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim);
  await openEnableWindow(sim);
  await installAuthenticator(page, sim);
  await scanQrWithPhone(sim);
  const window = enableWindow(sim);
  await window.getByLabel('Enter the 6-digit code the app shows').fill('000000');
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(window.getByText(/did not match what was expected/)).toBeVisible();
  await page.goto('/articles/check-invoices/'); // leaves: the beacon goes
}

async function expectAccessible(page: Page, where: string, colourOnly = false) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (colourOnly) builder = builder.withRules(['color-contrast', 'link-in-text-block']);
  const { violations } = await builder.analyze();
  expect(
    violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
    `axe violations on ${where}`,
  ).toEqual([]);
}

test('a wrong token is refused, and nothing is shown', async ({ page, guard }) => {
  guard.ignoreConsole.push(/status of 401 \(Unauthorized\)/); // the refusal this test provokes
  await page.goto('/insights/');
  await page.getByLabel('Access token').fill('not-the-right-token-at-all');
  await page.getByLabel('Access token').press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'That access token is not right. Check INSIGHTS_TOKEN and try again.',
  );
  await expect(page.getByRole('heading', { name: 'Articles' })).toHaveCount(0);
  await expect(page.getByLabel('Access token')).toBeFocused();
});

test('the funnel shows where a reader gave up, by keyboard, with a CSV of it', async ({ page, collector }) => {
  test.setTimeout(120_000); // a whole enrollment first, on a shared machine
  await enrolAndGiveUpAtTheCode(page);
  await expect.poll(async () => (await collector.report()).simulators.length).toBe(1);
  await page.clock.resume();

  await page.goto('/insights/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Access token')).toBeFocused();
  await page.keyboard.type(collector.token);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Showing: Last 30 days.')).toBeFocused();

  const section = page.getByRole('region', { name: SIMULATOR });
  await expect(
    section.getByRole('img', { name: /Bar chart: how many sessions of Practise enabling 2FA/ }),
  ).toBeVisible();
  const row = section.getByRole('row', { name: /^Enable window \(scan and code\)/ });
  await expect(row.getByRole('cell')).toHaveText(['1', '1', 'wrong code ×1', /^\s*\d+\s+s\s*$/]);
  await expect(
    section
      .getByRole('row', { name: /^Login\b/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('0'); // nobody stopped there
  await expect(section).toContainText('1 sessions, 0 finished.');

  // Period by keyboard: the radios are one tab stop; arrows move between them.
  await page.getByRole('radio', { name: 'Last 30 days' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'All time' })).toBeChecked();
  await expect(page.getByText('Showing: All time.')).toBeVisible();

  const button = section.getByRole('button', { name: /^Download the funnel of Practise enabling 2FA .* as CSV$/ });
  const downloading = page.waitForEvent('download');
  await button.focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^insights-funnel-enable-two-factor-authentication-sim-?\d+-login-guided-all\.csv$/,
  );
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    'slug,simulator,label,start,mode,step,Step,Reached,Stopped here,Refusals,median seconds',
  );
  expect(csv).toMatch(/,enable,Enable window \(scan and code\),1,1,wrong code ×1,\d+\r\n/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the dashboard passes the axe sweep (${colorScheme}), with a report shown`, async ({ page, collector }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    await page.request.post(`${collector.url}/api/feedback`, {
      data: {
        article: 'check-invoices',
        voter: 'a'.repeat(32),
        helpful: false,
        reason: 'other',
        comment: 'Where is <the> PDF?',
      },
    });
    await page.goto('/insights/');
    await expectAccessible(page, `/insights/ (${colorScheme}, token form)`, colorScheme === 'dark');
    await page.getByLabel('Access token').fill(collector.token);
    await page.getByRole('button', { name: 'Show insights' }).click();
    await expect(page.getByRole('heading', { name: 'Latest comments' })).toBeVisible();
    await expectAccessible(page, `/insights/ (${colorScheme}, report)`, colorScheme === 'dark');
  });
}
