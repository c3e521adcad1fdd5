/**
 * The simulator around the practice itself: which simulator speaks (only the one in use, and a
 * new code only where a code is asked for), the guide after its last step (Logout with 2FA on,
 * a backup-code login, a fresh captcha for each login), and its own controls (Start over asks
 * first; Pause shows and says that it is paused and what that means).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  ARTICLE_2FA,
  enableWindow,
  openEnableWindow,
  installAuthenticator,
  logIn,
  phoneCode,
  phoneOf,
  scanQrWithPhone,
  setSecurityQuestion,
  simulator,
  useFixedClock,
} from './simulator-helpers';

test.beforeEach(({ page }) => useFixedClock(page));

/**
 * Everything the simulator puts into its live region from now on, in order: what a screen
 * reader hears from it (the region is cleared before each message, so each one is new).
 */
async function liveRegionOf(sim: Locator): Promise<() => Promise<string[]>> {
  const status = sim.getByRole('status');
  await expect(status).toHaveCount(1);
  await status.evaluate((region: HTMLElement) => {
    const heard: string[] = [];
    new MutationObserver(() => {
      if (region.textContent) heard.push(region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
    (region as HTMLElement & { heard?: string[] }).heard = heard;
  });
  return () => status.evaluate((region: HTMLElement & { heard?: string[] }) => [...(region.heard ?? [])]);
}

/** The guided simulator from the login screen to 2FA on; returns the backup code it showed. */
async function enrol(page: Page, sim: Locator): Promise<string> {
  await logIn(sim);
  await setSecurityQuestion(sim);
  const window = await openEnableWindow(sim);
  await installAuthenticator(page, sim);
  await scanQrWithPhone(sim);
  await window.getByLabel('Enter the 6-digit code the app shows').fill(await phoneCode(sim));
  await window.getByRole('button', { name: 'Submit' }).click();
  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  const backupCode = (await done.locator('code').textContent()) ?? '';
  await done.getByRole('checkbox', { name: 'I have saved my backup code' }).check();
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(sim.getByText('Two-Factor Authentication is currently enabled')).toBeVisible();
  await expect(sim.getByText('All steps done.')).toBeVisible();
  return backupCode;
}

async function logOut(sim: Locator): Promise<void> {
  await sim.getByRole('button', { name: 'Hello, Alex!' }).click();
  await sim.getByRole('button', { name: 'Logout' }).click();
  await expect(sim.getByRole('heading', { name: 'Login' })).toBeVisible();
}

test.describe('only the simulator in use speaks', () => {
  test('a new code is announced by the simulator in use, and only while a code is asked for', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const first = await simulator(page, 0); // guided, at login
    const second = await simulator(page, 1); // at the enable window
    const heardFirst = await liveRegionOf(first);
    const heardSecond = await liveRegionOf(second);
    // How many times each has said "New code" (the page clock also runs on by itself, so only
    // whether the count grows is certain, not by how much).
    const newCodes = async (heard: () => Promise<string[]>) =>
      (await heard()).filter((text) => text.includes('New code')).length;

    // The reader uses the second: its phone shows the code the open enable window asks for.
    await scanQrWithPhone(second);
    await page.clock.runFor(30_000);
    expect(await newCodes(heardSecond)).toBeGreaterThan(0);

    // The reader moves on to the first: the second's codes change, unannounced.
    await first.getByRole('checkbox', { name: "I'm not a robot" }).check();
    let said = await newCodes(heardSecond);
    await page.clock.runFor(90_000);
    await expect(phoneOf(second).locator('.phone-code')).toHaveCount(1);
    expect(await newCodes(heardSecond)).toBe(said);

    // Back in the second, the window closed: nothing asks for a code, nothing to hear.
    await enableWindow(second).getByRole('button', { name: 'Close' }).click();
    await expect(enableWindow(second)).toBeHidden();
    said = await newCodes(heardSecond);
    await page.clock.runFor(60_000);
    expect(await newCodes(heardSecond)).toBe(said);

    // The window open again, past the method choice: the code matters again.
    await openEnableWindow(second);
    said = await newCodes(heardSecond);
    await page.clock.runFor(30_000);
    expect(await newCodes(heardSecond)).toBeGreaterThan(said);
    // The first never had a code on its phone, and never spoke of one.
    expect(await newCodes(heardFirst)).toBe(0);
  });
});

test.describe('the guide after its last step', () => {
  test('Logout with 2FA on: the steps stay done, logging in with the code is next, the captcha is fresh', async ({
    page,
  }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page); // guided, at login
    await enrol(page, sim);
    await logOut(sim);

    await expect(sim.getByText('All steps done.')).toBeVisible();
    await expect(sim.getByText('Step 1 of 7')).toBeHidden();
    await expect(
      sim.getByText("Next, if you like: Tick I'm not a robot and click Login (the practice email"),
    ).toBeVisible();

    // Each login needs a fresh captcha: the one ticked for the first login is gone.
    const captcha = sim.getByRole('checkbox', { name: "I'm not a robot" });
    await expect(captcha).not.toBeChecked();
    await sim.getByRole('button', { name: 'Login', exact: true }).click();
    await expect(sim.getByRole('status')).toHaveText('Please complete the captcha and try again.');
    await expect(sim.getByRole('heading', { name: 'Login' })).toBeVisible();

    await logIn(sim);
    await expect(
      sim.getByText('Next, if you like: Type the 6-digit code from the phone and click Login.'),
    ).toBeVisible();
    await page.clock.runFor(30_000); // the code that turned 2FA on works once
    await sim.getByRole('textbox', { name: '6-digit code', exact: true }).fill(await phoneCode(sim));
    await sim.getByRole('button', { name: 'Login', exact: true }).click();
    await expect(sim.getByText('Two-Factor Authentication is currently enabled')).toBeVisible();
    await expect(sim.getByText('All steps done.')).toBeVisible();
    await expect(sim.getByText(/^Next, if you like/).filter({ visible: true })).toHaveCount(0);
  });

  test('after a backup-code login the guide does not ask to tick a box: Continue is next', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page);
    const backupCode = await enrol(page, sim);
    await logOut(sim);
    await logIn(sim);
    await sim.getByRole('button', { name: 'Login using Backup Code' }).click();
    await expect(sim.getByText('Next, if you like: Type your backup code and click Login.')).toBeVisible();
    await sim.getByLabel('Backup Code', { exact: true }).fill(backupCode);
    await sim.getByRole('button', { name: 'Login', exact: true }).click();
    await expect(sim.getByRole('heading', { name: 'Login via Backup Code Successful' })).toBeVisible();

    const steps = sim.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps.filter({ hasText: 'tick I have saved my backup code' })).not.toHaveAttribute(
      'aria-current',
      'step',
    );
    await expect(sim.getByText('All steps done.')).toBeVisible();
    await expect(sim.getByText('Next, if you like: Save your new backup code and click Continue.')).toBeVisible();
    await sim.getByRole('button', { name: 'Continue' }).click();
    await expect(sim.getByText(/^Next, if you like/).filter({ visible: true })).toHaveCount(0);
  });
});

test.describe('the simulator’s own controls', () => {
  test('Start over asks first once there is progress to lose; Escape and Cancel keep it', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page);
    const status = sim.getByRole('status');
    const startOver = sim.getByRole('button', { name: 'Start over', exact: true });
    const confirm = sim.getByRole('alertdialog', { name: 'Start over?' });

    // Nothing done yet: nothing to lose, nothing to ask.
    await startOver.click();
    await expect(status).toHaveText('The simulator started over.');
    await expect(confirm).toBeHidden();

    await logIn(sim);
    await expect(sim.getByText('Step 2 of 7')).toBeVisible();
    await startOver.click();
    await expect(confirm).toBeVisible();
    await expect(confirm).toHaveAccessibleDescription(
      'What you did in this simulator will be lost: it goes back to its first screen.',
    );
    const cancel = confirm.getByRole('button', { name: 'Cancel' });
    await expect(cancel).toBeFocused();
    // Until it is answered, the rest of the simulator waits: Tab leaves it rather than reach a form.
    await page.keyboard.press('Tab');
    expect(await sim.evaluate((element) => element.contains(document.activeElement))).toBe(false);
    await cancel.focus();

    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(startOver).toBeFocused();
    await expect(sim.getByText('Step 2 of 7')).toBeVisible();
    await expect(sim.getByRole('region', { name: 'Security Question' })).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(cancel).toBeFocused();
    await cancel.click();
    await expect(confirm).toBeHidden();
    await expect(sim.getByText('Step 2 of 7')).toBeVisible();

    // Keyboard only: open it, go to "Yes, start over", confirm.
    await startOver.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await expect(confirm.getByRole('button', { name: 'Yes, start over' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(status).toHaveText('The simulator started over.');
    await expect(sim.getByText('Step 1 of 7')).toBeVisible();
    await expect(sim.getByRole('heading', { name: 'Login' })).toBeVisible();
    await expect(startOver).toBeFocused();
  });

  test('Escape in the confirmation does not close the client area’s window behind it', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page, 1); // at the enable window
    await phoneOf(sim).getByRole('button', { name: 'Add a code' }).click();
    await sim.getByRole('button', { name: 'Start over', exact: true }).click();
    const confirm = sim.getByRole('alertdialog', { name: 'Start over?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(enableWindow(sim)).toBeVisible();
    await expect(phoneOf(sim).getByRole('button', { name: 'Scan a QR code' })).toBeVisible();
  });

  test('a paused simulator says so in words, and what pausing does to a real phone', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page, 1);
    const status = sim.getByRole('status');
    const badge = sim.getByText('Paused', { exact: true });
    await expect(badge).toBeHidden();

    await sim.getByRole('button', { name: 'Pause the codes' }).click();
    await expect(badge).toBeVisible();
    const explanation = sim.getByText(/^Paused Time stands still in this simulator/);
    await expect(explanation).toBeVisible();
    await expect(explanation).toContainText('A real phone keeps counting');
    await expect(explanation).toContainText('until you click Start over');
    await expect(status).toHaveText(/^Paused\. Time stands still in this simulator: .* A real phone keeps counting/);

    await sim.getByRole('button', { name: 'Resume the codes' }).click();
    await expect(badge).toBeHidden();
    await expect(status).toHaveText('Codes running again.');

    // Start over runs again: no badge left behind.
    await sim.getByRole('button', { name: 'Pause the codes' }).click();
    await phoneOf(sim).getByRole('button', { name: 'Home' }).click();
    await sim.getByRole('button', { name: 'Start over', exact: true }).click();
    await sim.getByRole('button', { name: 'Yes, start over' }).click();
    await expect(badge).toBeHidden();
    await expect(sim.getByRole('button', { name: 'Pause the codes' })).toBeVisible();
  });
});
