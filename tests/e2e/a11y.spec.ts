/**
 * Accessibility sweep (axe-core, WCAG 2.0/2.1/2.2 A and AA rules): every page found in dist/, in
 * the light and the dark colour scheme, and every screen of the simulator, reached by driving
 * the articles' simulators the way a reader does. Zero violations allowed.
 *
 * axe checks only what is rendered and visible, so each simulator screen is checked while it is
 * on show: the client area's pages and windows, and each of the phone's screens.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtPages } from '../support/built-pages';
import {
  ARTICLE_2FA,
  enableWindow,
  logIn,
  phoneCode,
  phoneOf,
  setSecurityQuestion,
  simulator,
} from './simulator-helpers';

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ARTICLE_LOGIN = '/articles/log-in-to-the-client-area/';
const ARTICLE_QUESTION = '/articles/set-a-security-question/';

/** The rules whose outcome depends on colours: all that can change in the dark colour scheme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe on the page (or only inside `scope`) and fails with a readable list of what is wrong. */
async function expectAccessible(
  page: Page,
  where: string,
  options: { scope?: Locator; colourOnly?: boolean } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_A_AA);
  if (options.colourOnly) builder = builder.withRules(COLOUR_RULES);
  if (options.scope) builder = builder.include(`#${await options.scope.getAttribute('id')}`);
  const { violations } = await builder.analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`)
        .join('\n    ')}`,
  );
  expect(found, `axe violations on ${where}`).toEqual([]);
}

test('every built page has no WCAG A/AA violation', async ({ page }) => {
  const pages = builtPages();
  test.setTimeout(10_000 + pages.length * 5_000);
  for (const path of pages) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

test.describe('in the dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  // Only colours change with the scheme: the other rules ran above.
  test('every built page keeps its contrast', async ({ page }) => {
    const pages = builtPages();
    test.setTimeout(10_000 + pages.length * 5_000);
    for (const path of pages) {
      await page.goto(path);
      await expectAccessible(page, `${path} (dark)`, { colourOnly: true });
    }
  });
});

// No page.clock here: axe schedules its work with timers, which a paused clock never runs. The
// phone's install takes 1.5 s of real time; a code that rolls over while it is typed is still
// accepted (the previous window's code is).
for (const colorScheme of ['light', 'dark'] as const) {
  // In the dark scheme only colours change: check the colour rules again at every screen.
  const colourOnly = colorScheme === 'dark';
  const suffix = colourOnly ? ' (dark)' : '';

  test.describe(`every screen of the simulator, ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('enrollment from login to disable, with each phone screen', async ({ page }) => {
      test.setTimeout(180_000); // some thirty axe runs on the longest article
      await page.goto(ARTICLE_2FA);
      const sim = await simulator(page); // guided, starts at login
      const phone = phoneOf(sim);
      const check = (screen: string) =>
        expectAccessible(page, `the simulator's ${screen}${suffix}`, { scope: sim, colourOnly });

      await check('login screen and phone home screen');
      await phone.getByRole('button', { name: 'Settings' }).click();
      await check('phone date and time settings');
      await phone.getByRole('button', { name: 'Home' }).click();

      await sim.getByRole('button', { name: 'Login', exact: true }).click();
      await check('login screen with its error');
      await logIn(sim);
      await expect(sim.getByRole('region', { name: 'Security Question' })).toBeVisible();
      await check('forced security question');
      await setSecurityQuestion(sim);
      await expect(sim.getByRole('button', { name: 'Click here to Enable' })).toBeVisible();
      await check('security settings');
      await sim.getByRole('button', { name: 'Hello, Alex!' }).click();
      await check('security settings with the account menu open');
      await sim.getByRole('button', { name: 'Email History' }).click();
      await expect(
        sim.getByRole('group', { name: 'Client area in a web browser' }).getByText('Email History is not part of'),
      ).toBeVisible();
      await check('security settings saying a menu item is not part of the practice');

      await sim.getByRole('button', { name: 'Click here to Enable' }).click();
      const window = enableWindow(sim);
      await expect(window.getByRole('radio', { name: 'Time Based Tokens' })).toBeVisible();
      await check('enable window: the method choice');
      await window.getByRole('button', { name: 'Get Started' }).click();
      await expect(window.getByRole('img', { name: /QR code/ })).toBeVisible();
      await check('enable window');

      await phone.getByRole('button', { name: 'Play Store' }).click();
      await check('phone: Play Store');
      await phone.getByRole('button', { name: 'Install' }).click();
      await check('phone: installing');
      await phone.getByRole('button', { name: 'Open' }).click();
      await check('phone: Authenticator with no account');
      await phone.getByRole('button', { name: 'Add a code' }).click();
      await check('phone: add a code');
      await phone.getByRole('button', { name: 'Enter a setup key' }).click();
      await check('phone: enter a setup key');
      await phone.getByRole('button', { name: 'Add', exact: true }).click();
      await check('phone: enter a setup key, with its error');
      await phone.getByRole('button', { name: 'Back' }).click();
      await phone.getByRole('button', { name: 'Scan a QR code' }).click();
      await check('phone: scan a QR code');
      await phone.getByRole('button', { name: 'Scan the QR code on screen' }).click();
      await expect(phone.locator('.phone-code').first()).toHaveText(/\d{3} \d{3}/);
      await check('phone: Authenticator showing a code');

      const field = window.getByLabel('Enter the 6-digit code the app shows');
      await field.fill('12345');
      await window.getByRole('button', { name: 'Submit' }).click();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await check('enable window with an error');
      await field.fill(await phoneCode(sim));
      await window.getByRole('button', { name: 'Submit' }).click();
      const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
      await expect(done).toBeVisible();
      await check('backup code window');
      await done.getByRole('button', { name: 'Close' }).click();
      await expect(done.getByText('before you close this window')).toBeVisible();
      await check('backup code window asking to confirm the code is saved');
      await done.getByRole('checkbox', { name: 'I have saved my backup code' }).check();
      await done.getByRole('button', { name: 'Close' }).click();
      await expect(sim.getByText('Two-Factor Authentication is currently enabled')).toBeVisible();
      await check('security settings with 2FA on, all steps done');

      await sim.getByRole('button', { name: 'Click here to Disable' }).click();
      const disable = sim.getByRole('dialog', { name: /disable/i });
      await expect(disable).toBeVisible();
      await check('disable window');
      await disable.getByRole('button', { name: /disable/i }).click();
      await check('disable window with an error');
    });

    test('a phone with a wrong clock, at the open enable window', async ({ page }) => {
      await page.goto(ARTICLE_2FA);
      const sim = await simulator(page, 1); // enable, phone-clock-ahead
      await expect(enableWindow(sim)).toBeVisible();
      await expectAccessible(page, `the enable window with a phone clock ahead${suffix}`, { scope: sim, colourOnly });
      await phoneOf(sim).getByRole('button', { name: 'Home' }).click();
      await phoneOf(sim).getByRole('button', { name: 'Settings' }).click();
      await expectAccessible(page, `the phone settings of a phone clock ahead${suffix}`, { scope: sim, colourOnly });
    });

    test('the simulator paused, and its Start over confirmation', async ({ page }) => {
      await page.goto(ARTICLE_2FA);
      const sim = await simulator(page, 1); // at the enable window
      await sim.getByRole('button', { name: 'Pause the codes' }).click();
      await expect(sim.getByText('Paused', { exact: true })).toBeVisible();
      await expectAccessible(page, `the paused simulator${suffix}`, { scope: sim, colourOnly });
      await phoneOf(sim).getByRole('button', { name: 'Home' }).click();
      await sim.getByRole('button', { name: 'Start over', exact: true }).click();
      await expect(sim.getByRole('alertdialog', { name: 'Start over?' })).toBeVisible();
      await expectAccessible(page, `the Start over confirmation${suffix}`, { scope: sim, colourOnly });
    });

    test('logging in with a backup code', async ({ page }) => {
      await page.goto(ARTICLE_2FA);
      const sim = await simulator(page, 2); // guided, starts at backup-login
      await expectAccessible(page, `the backup-code login${suffix}`, { scope: sim, colourOnly });
      await sim.getByRole('button', { name: 'Login', exact: true }).click();
      await expectAccessible(page, `the backup-code login with its error${suffix}`, { scope: sim, colourOnly });
      const hint = await sim.getByText('Your backup code (as you saved it)').textContent();
      await sim.getByLabel('Backup Code', { exact: true }).fill(hint!.split(':').at(-1)!.trim());
      await sim.getByRole('button', { name: 'Login', exact: true }).click();
      await expect(sim.getByRole('heading', { name: 'Login via Backup Code Successful' })).toBeVisible();
      await expectAccessible(page, `the backup-code login, done${suffix}`, { scope: sim, colourOnly });
    });

    test('the second factor at login, and the security question on its own', async ({ page }) => {
      await page.goto(ARTICLE_LOGIN);
      const practice = await simulator(page, 0); // practice mode, starts at login
      await expectAccessible(page, `the practice login${suffix}`, { scope: practice, colourOnly });
      const sim = await simulator(page, 1); // guided, starts at login-2fa
      await logIn(sim);
      const code = sim.getByLabel(/code/i).first();
      await expect(code).toBeVisible();
      await expectAccessible(page, `the second-factor screen${suffix}`, { scope: sim, colourOnly });
      await code.fill('000000');
      await code.press('Enter');
      await expect(code).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page, `the second-factor screen with its error${suffix}`, { scope: sim, colourOnly });
      await sim.getByRole('button', { name: 'Login using Backup Code' }).click();
      await expect(sim.getByLabel('Backup Code', { exact: true })).toBeVisible();
      await expectAccessible(page, `the backup-code login reached from the second factor${suffix}`, {
        scope: sim,
        colourOnly,
      });

      await page.goto(ARTICLE_QUESTION);
      const question = await simulator(page); // guided, starts at security-question
      await expectAccessible(page, `the security question${suffix}`, { scope: question, colourOnly });
      await question
        .getByRole('region', { name: 'Security Question' })
        .getByRole('button', { name: 'Save Changes' })
        .click();
      await expectAccessible(page, `the security question with its error${suffix}`, { scope: question, colourOnly });
    });
  });
}
