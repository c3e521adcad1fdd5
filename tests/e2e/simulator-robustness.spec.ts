/**
 * Faults and bad inputs from robustness.md that only a browser can show: Back, a runtime that
 * fails to load, forced colours, a narrow screen, lockout, replay and fields mixed up.
 * (The engine's unit tests cover every item's rules; these check what the reader sees.)
 */
import { test, expect } from './fixtures';
import {
  ARTICLE_2FA,
  NOW,
  useFixedClock,
  decodeQr,
  enableWindow,
  logIn,
  openEnableWindow,
  phoneCode,
  setSecurityQuestion,
  simulator,
  totp,
} from './simulator-helpers';

const LOGIN_ARTICLE = '/articles/log-in-to-the-client-area/';

test.beforeEach(({ page }) => useFixedClock(page));

test('robustness 20: browser Back closes the open window and focus returns to its button', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim);
  const enable = sim.getByRole('button', { name: 'Click here to Enable' });
  await openEnableWindow(sim); // two steps (the method, then the QR code), one history entry
  await page.goBack();
  await expect(enableWindow(sim)).toBeHidden();
  await expect(enable).toBeFocused();
  await expect(page).toHaveURL(ARTICLE_2FA);
});

test('robustness 21: when the simulator cannot load, the step list stays and says so', async ({ page, guard }) => {
  guard.ignoreConsole.push(/Failed to load resource|net::ERR_FAILED/);
  await page.route('**/runtime/**', (route) => route.abort());
  await page.goto(ARTICLE_2FA);
  const sim = page.getByRole('region', { name: /simulator/i }).first();
  await sim.scrollIntoViewIfNeeded();
  await expect(sim.getByText('The simulator could not load. The steps below still apply.')).toBeVisible();
  await expect(sim.getByRole('listitem').filter({ hasText: 'Click here to Enable' })).toBeVisible();
});

test('robustness 22: in forced colours the QR keeps its light quiet zone and still decodes', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const uri = await decodeQr(page, sim);
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
});

test('robustness 22: at 320 px the simulator fits without sideways scrolling, phone below the browser', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const browserBox = await sim.getByRole('group', { name: 'Client area in a web browser' }).boundingBox();
  const phoneBox = await sim.getByRole('region', { name: 'Phone' }).boundingBox();
  expect(phoneBox!.y).toBeGreaterThan(browserBox!.y + browserBox!.height - 1);
});

test('robustness 5: a code already used to log in is refused when used again', async ({ page }) => {
  await page.goto(LOGIN_ARTICLE);
  const sim = await simulator(page, 1); // 2FA on, phone has the entry
  await logIn(sim);
  const code = await phoneCode(sim);
  await sim.getByLabel('6-digit code', { exact: true }).fill(code);
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(sim.getByRole('heading', { name: 'Security Settings' })).toBeVisible();

  await sim.getByRole('button', { name: 'Hello, Alex!' }).click();
  await sim.getByRole('button', { name: 'Logout' }).click();
  await logIn(sim);
  const field = sim.getByLabel('6-digit code', { exact: true });
  await field.fill(code);
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(field).toHaveAccessibleDescription(/already used.*wait for the next code/i);
});

test('robustness 6: repeated wrong codes lock code entry with an explained countdown', async ({ page }) => {
  await page.goto(LOGIN_ARTICLE);
  const sim = await simulator(page, 1);
  await logIn(sim);
  const field = sim.getByLabel('6-digit code', { exact: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    await field.fill(attempt % 2 ? '111111' : '222222');
    await sim.getByRole('button', { name: 'Login', exact: true }).click();
  }
  await expect(field).toHaveAccessibleDescription(/Too many incorrect codes.*5:00/);
  await page.clock.runFor(61_000);
  await expect(field).toHaveAccessibleDescription(/Too many incorrect codes.*3:59/);
  // Even the right code is refused while locked.
  await field.fill(await phoneCode(sim));
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(field).toHaveAccessibleDescription(/Too many incorrect codes/);
});

test('robustness 16: a backup code typed into the 6-digit field says which field is which', async ({ page }) => {
  await page.goto(LOGIN_ARTICLE);
  const sim = await simulator(page, 1);
  await logIn(sim);
  const field = sim.getByLabel('6-digit code', { exact: true });
  await field.fill('a1b2 c3d4 e5f6 a7b8');
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(field).toHaveAccessibleDescription(/looks like your backup code/i);
});

test('robustness 1-2: spaces, dashes and full-width digits in a pasted code are accepted', async ({ page }) => {
  await page.goto(LOGIN_ARTICLE);
  const sim = await simulator(page, 1);
  await logIn(sim);
  const code = await phoneCode(sim);
  const fullWidth = [...code].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');
  await sim.getByLabel('6-digit code', { exact: true }).fill(` ${fullWidth.slice(0, 3)}-${fullWidth.slice(3)}\n`);
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(sim.getByRole('heading', { name: 'Security Settings' })).toBeVisible();
});

test('robustness 7: double-clicking Submit enables once and shows one backup code', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const window = enableWindow(sim);
  const secret = (await window.locator('[data-bind="key"]').textContent())!.replace(/\s/g, '');
  await window.getByLabel('Enter the 6-digit code the app shows').fill(totp(secret, NOW.getTime()));
  await window.getByRole('button', { name: 'Submit' }).dblclick();
  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  await expect(done).toBeVisible();
  await expect(done.getByText('did not match')).toHaveCount(0);
  const backup = await done.locator('code').textContent();
  await page.keyboard.press('Enter');
  await expect(done.locator('code')).toHaveText(backup!);
});

test('robustness 20: Escape and Back leave the backup-code window open until the code is saved', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const window = enableWindow(sim);
  const secret = (await window.locator('[data-bind="key"]').textContent())!.replace(/\s/g, '');
  await window.getByLabel('Enter the 6-digit code the app shows').fill(totp(secret, NOW.getTime()));
  await window.getByRole('button', { name: 'Submit' }).click();
  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  await expect(done).toBeVisible();
  const saved = done.getByRole('checkbox', { name: 'I have saved my backup code' });

  await page.keyboard.press('Escape');
  await expect(done).toBeVisible();
  await expect(done.getByText('before you close this window')).toBeVisible();
  await expect(saved).toBeFocused();
  await page.goBack();
  await expect(done).toBeVisible();

  await saved.check();
  await expect(done.getByText('before you close this window')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(done).toBeHidden();
  await expect(sim.getByRole('button', { name: 'Click here to Disable' })).toBeFocused();
  await expect(page).toHaveURL(ARTICLE_2FA);
});

const DRILL = '/training/code-typed-too-late/';

test('nothing moves when the simulators boot: each page shows the start screen in the live one’s place', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const shifts: Array<{ value: number; nodes: string[] }> = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { value: number; sources?: Array<{ node?: Node }> }
      >)
        shifts.push({
          value: entry.value,
          nodes: (entry.sources ?? []).map(
            (source) => (source.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? '?',
          ),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // A drill page too: its "needs JavaScript" note gives way to the share line as it boots.
  for (const address of [ARTICLE_2FA, LOGIN_ARTICLE, '/articles/set-a-security-question/', DRILL]) {
    await page.goto(address);
    const simulators = page.getByRole('region', { name: /simulator/i });
    for (let index = 0; index < (await simulators.count()); index++) await simulator(page, index);
    if (address === DRILL) await expect(page.getByText('Link to this exact drill')).toBeVisible();
    const shifts = await page.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts);
    expect(shifts, address).toEqual([]);
  }
});
