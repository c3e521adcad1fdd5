import { test, expect } from './fixtures';
import {
  ARTICLE_2FA,
  NOW,
  useFixedClock,
  usePausedClock,
  decodeQr,
  enableWindow,
  installAuthenticator,
  logIn,
  openEnableWindow,
  phoneCode,
  phoneOf,
  scanQrWithPhone,
  setSecurityQuestion,
  simulator,
  tabTo,
  totp,
} from './simulator-helpers';

test.beforeEach(({ page }) => useFixedClock(page));

test('the whole enrollment, reading the code off the simulated phone', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  const events: string[] = [];
  await page.exposeFunction('recordSimulatorEvent', (name: string) => events.push(name));
  await sim.evaluate((element) => {
    const record = (window as unknown as { recordSimulatorEvent: (name: string) => void }).recordSimulatorEvent;
    element.addEventListener('simulator:step', (event) =>
      record(`step:${(event as CustomEvent<{ step: string }>).detail.step}`),
    );
    element.addEventListener('simulator:complete', () => record('complete'));
  });

  await expect(sim.getByLabel('Email Address')).toHaveValue('alex.morgan@example.com');
  await logIn(sim);
  await expect(sim.getByRole('button', { name: 'Hello, Alex!' })).toBeVisible();
  await setSecurityQuestion(sim);

  const window = await openEnableWindow(sim);

  await installAuthenticator(page, sim);
  await scanQrWithPhone(sim);
  const code = await phoneCode(sim);
  expect(code).toMatch(/^\d{6}$/);

  await window.getByLabel('Enter the 6-digit code the app shows').fill(code);
  await window.getByRole('button', { name: 'Submit' }).click();

  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  await expect(done).toBeVisible();
  const backup = await done.locator('code').textContent();
  expect(backup).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);

  // The window will not close until the reader confirms the code is saved.
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(done.getByText('before you close this window')).toBeVisible();
  await done.getByRole('checkbox', { name: 'I have saved my backup code' }).check();
  await done.getByRole('button', { name: 'Close' }).click();

  await expect(done).toBeHidden();
  await expect(sim.getByText('Two-Factor Authentication is currently enabled')).toBeVisible();
  await expect(sim.getByRole('button', { name: 'Click here to Disable' })).toBeFocused();
  await expect(sim.getByText('All steps done.')).toBeVisible();
  expect(events).toContain('step:enable');
  expect(events).toContain('step:backup-code');
  expect(events.at(-1)).toBe('complete');
});

test('a refused code fires simulator:refusal with its kind and step, and none of what was typed', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1); // starts at the open enable window
  const details: string[] = [];
  await page.exposeFunction('recordRefusal', (detail: string) => details.push(detail));
  await sim.evaluate((element) =>
    element.addEventListener('simulator:refusal', (event) =>
      (window as unknown as { recordRefusal: (detail: string) => void }).recordRefusal(
        JSON.stringify((event as CustomEvent).detail),
      ),
    ),
  );
  const window = enableWindow(sim);
  await window.getByLabel('Enter the 6-digit code the app shows').fill('000111');
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(window.getByText(/did not match what was expected/)).toBeVisible();
  expect(details).toHaveLength(1);
  const detail = JSON.parse(details[0]!) as Record<string, string>;
  expect(detail).toMatchObject({ kind: 'wrong', step: 'enable', start: 'enable', mode: 'practice' });
  expect(details[0]).not.toContain('000111');
});

test('the QR is a real otpauth QR: a code computed from it by another TOTP implementation is accepted', async ({
  page,
}) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1); // starts at the open enable window
  const window = enableWindow(sim);
  await expect(window).toBeVisible();

  const uri = new URL(await decodeQr(page, sim));
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.host).toBe('totp');
  expect(decodeURIComponent(uri.pathname)).toBe('/Example Hosting:alex.morgan@example.com');
  expect(uri.searchParams.get('issuer')).toBe('Example Hosting');
  const secret = uri.searchParams.get('secret')!;
  const shownKey = (await window.locator('[data-bind="key"]').textContent())!.replace(/\s/g, '');
  expect(secret).toBe(shownKey);
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await window.getByLabel('Enter the 6-digit code the app shows').fill(totp(secret, NOW.getTime()));
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' })).toBeVisible();
});

test('a wrong code gets the client area’s message and the typed code stays in the field', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const window = enableWindow(sim);
  const field = window.getByLabel('Enter the 6-digit code the app shows');
  await field.fill('000000');
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(
    window.getByText(
      'The code you entered did not match what was expected. Please re-scan or enter the code and try again.',
    ),
  ).toBeVisible();
  await expect(field).toHaveValue('000000');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  // A clear inline message for a malformed entry, too.
  await field.fill('12345');
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(window.getByText('The code has 6 digits; you entered 5.')).toBeVisible();
});

test('with the page clock: the previous window’s code is accepted, one two windows old is refused', async ({
  page,
}) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const window = enableWindow(sim);
  const secret = (await window.locator('[data-bind="key"]').textContent())!.replace(/\s/g, '');
  const field = window.getByLabel('Enter the 6-digit code the app shows');
  const now = await page.evaluate(() => Date.now());

  await field.fill(totp(secret, now - 60_000));
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(window.getByText('did not match what was expected')).toBeVisible();

  await field.fill(totp(secret, now - 30_000));
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' })).toBeVisible();
});

test('the code field is not cleared when the phone’s code rolls over', async ({ page }) => {
  await usePausedClock(page);
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const field = enableWindow(sim).getByLabel('Enter the 6-digit code the app shows');
  // One field that takes paste and the browser's one-time-code autofill (robustness 8).
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await field.fill('123');
  await scanQrWithPhone(sim);
  const before = await phoneCode(sim); // this phone's clock is 75 s fast: 26 s into a window
  await page.clock.runFor(3_000); // 29 s: the same code
  expect(await phoneCode(sim)).toBe(before);
  await page.clock.runFor(1_000); // the next window
  await expect.poll(() => phoneCode(sim)).not.toBe(before);
  await expect(field).toHaveValue('123');
});

test('logging in with the backup code issues a new one', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 2); // starts at "Login using Backup Code"
  const hint = await sim.getByText('Your backup code (as you saved it)').textContent();
  const saved = hint!.split(':').at(-1)!.trim();
  expect(saved).toMatch(/^([0-9a-f]{4} ){3}[0-9a-f]{4}$/);

  // Typed in upper case with dashes: still accepted.
  await sim.getByLabel('Backup Code', { exact: true }).fill(saved.toUpperCase().replace(/ /g, '-'));
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(sim.getByRole('heading', { name: 'Login via Backup Code Successful' })).toBeVisible();
  await expect(sim.getByText('Backup Codes are valid once only. It will now be reset.')).toBeVisible();
  const fresh = await sim
    .getByRole('region', { name: 'Login via Backup Code Successful' })
    .locator('code')
    .textContent();
  expect(fresh).toMatch(/^([0-9a-f]{4} ){3}[0-9a-f]{4}$/);
  expect(fresh).not.toBe(saved);
  await sim.getByRole('button', { name: 'Continue' }).click();
  await expect(sim.getByText('Two-Factor Authentication is currently enabled')).toBeVisible();
});

test('Escape closes the enable window and focus returns to the button that opened it; a new key is issued', async ({
  page,
}) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim);
  const enable = sim.getByRole('button', { name: 'Click here to Enable' });
  const window = await openEnableWindow(sim);
  const firstKey = await window.locator('[data-bind="key"]').textContent();
  await page.keyboard.press('Escape');
  await expect(window).toBeHidden();
  await expect(enable).toBeFocused();
  await openEnableWindow(sim);
  await expect(window.locator('[data-bind="key"]')).not.toHaveText(firstKey!);
});

test('keyboard only: log in, set the question, enable with the phone, save the backup code', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  const phone = phoneOf(sim);
  const key = (name: string) => page.keyboard.press(name);

  await tabTo(page, sim.getByRole('checkbox', { name: "I'm not a robot" }));
  await key('Space');
  await tabTo(page, sim.getByRole('button', { name: 'Login', exact: true }));
  await key('Enter');

  const question = sim.getByRole('region', { name: 'Security Question' });
  await tabTo(page, question.getByLabel('Answer', { exact: true }));
  await page.keyboard.type('Biscuit');
  await key('Tab');
  await page.keyboard.type('Biscuit');
  await key('Enter');

  await tabTo(page, sim.getByRole('button', { name: 'Click here to Enable' }));
  await key('Enter');
  const window = enableWindow(sim);
  // The method choice: Time Based Tokens is chosen; Get Started.
  await expect(window.getByRole('heading', { name: 'Enable Two-Factor Authentication' })).toBeFocused();
  await tabTo(page, window.getByRole('button', { name: 'Get Started' }));
  await key('Enter');
  await expect(window.getByRole('img', { name: /QR code/ })).toBeVisible();

  // With the window open, Tab moves between the window and the phone only.
  await tabTo(page, phone.getByRole('button', { name: 'Play Store' }));
  await key('Enter');
  await tabTo(page, phone.getByRole('button', { name: 'Install' }));
  await key('Enter');
  await page.clock.runFor(2_000);
  await tabTo(page, phone.getByRole('button', { name: 'Open' }));
  await key('Enter');
  await tabTo(page, phone.getByRole('button', { name: 'Add a code' }));
  await key('Enter');
  await tabTo(page, phone.getByRole('button', { name: 'Scan a QR code' }));
  await key('Enter');
  await tabTo(page, phone.getByRole('button', { name: 'Scan the QR code on screen' }));
  await key('Enter');
  const code = await phoneCode(sim);

  await tabTo(page, window.getByLabel('Enter the 6-digit code the app shows'));
  await page.keyboard.type(code);
  await key('Enter');
  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  await expect(done).toBeVisible();
  await tabTo(page, done.getByRole('checkbox', { name: 'I have saved my backup code' }));
  await key('Space');
  await tabTo(page, done.getByRole('button', { name: 'Close' }));
  await key('Enter');
  await expect(sim.getByText('Two-Factor Authentication is currently enabled')).toBeVisible();
});

test('Tab stays inside the open window and the phone', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  await enableWindow(sim).getByLabel('Enter the 6-digit code the app shows').focus();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const active = document.activeElement;
      return Boolean(active?.closest('[role="dialog"]:not([hidden]), .sim-phone, .sim-toolbar'));
    });
    expect(inside, `focus after ${i + 1} Tab presses`).toBe(true);
  }
});

test('several simulators on one page run independently and share no element ids', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const first = await simulator(page, 0);
  const second = await simulator(page, 1);
  await logIn(first);
  await expect(first.getByRole('heading', { name: 'Security Question' })).toBeVisible();
  await expect(enableWindow(second)).toBeVisible();
  await expect(enableWindow(first)).toBeHidden();
  const duplicates = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
  });
  expect(duplicates).toEqual([]);
});

test('pausing the codes stops the phone’s countdown (more time, WCAG 2.2.1)', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  await scanQrWithPhone(sim);
  await sim.getByRole('button', { name: 'Pause the codes' }).click();
  await expect(sim.getByRole('button', { name: 'Resume the codes' })).toBeVisible();
  const before = await phoneCode(sim);
  const seconds = await phoneOf(sim)
    .getByText(/s left/)
    .textContent();
  await page.clock.runFor(65_000);
  expect(await phoneCode(sim)).toBe(before);
  await expect(phoneOf(sim).getByText(/s left/)).toHaveText(seconds!);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the simulator area shows the static step list and no form', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = page.getByRole('region', { name: /simulator/i }).first();
    await expect(sim.getByText('The interactive simulator needs JavaScript.')).toBeVisible();
    await expect(sim.getByRole('listitem').filter({ hasText: 'Click here to Enable' })).toBeVisible();
    await expect(sim.getByRole('textbox')).toHaveCount(0);
    await expect(sim.getByRole('button')).toHaveCount(0);
  });
});

test('turning 2FA off asks for the password and says it is done', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const window = enableWindow(sim);
  const secret = (await window.locator('[data-bind="key"]').textContent())!.replace(/\s/g, '');
  await window.getByLabel('Enter the 6-digit code the app shows').fill(totp(secret, NOW.getTime()));
  await window.getByRole('button', { name: 'Submit' }).click();
  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  await done.getByRole('checkbox', { name: 'I have saved my backup code' }).check();
  await done.getByRole('button', { name: 'Close' }).click();

  await sim.getByRole('button', { name: 'Click here to Disable' }).click();
  const disable = sim.getByRole('dialog', { name: 'Disable Two-Factor Authentication' });
  const password = disable.getByLabel('Password');
  await password.fill('wrong password');
  await disable.getByRole('button', { name: 'Disable' }).click();
  await expect(password).toHaveAccessibleDescription('Password incorrect. Please try again.');
  await password.fill('Practice-Only-2FA!');
  await disable.getByRole('button', { name: 'Disable' }).click();
  await expect(disable).toBeHidden();
  await expect(
    sim.getByText('Two-Factor Authentication has now been disabled for your account.').first(),
  ).toBeVisible();
  await expect(sim.getByRole('button', { name: 'Click here to Enable' })).toBeFocused();
});

test('events are announced in one polite status region; Start over resets the guided steps', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  const status = sim.getByRole('status');
  await expect(status).toHaveCount(1);
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(status).toHaveText('Please complete the captcha and try again.');
  await logIn(sim);
  await expect(sim.getByText('Step 2 of 7')).toBeVisible();
  await sim.getByRole('button', { name: 'Start over', exact: true }).click();
  await sim.getByRole('alertdialog', { name: 'Start over?' }).getByRole('button', { name: 'Yes, start over' }).click();
  await expect(status).toHaveText('The simulator started over.');
  await expect(sim.getByText('Step 1 of 7')).toBeVisible();
  await expect(sim.getByRole('heading', { name: 'Login' })).toBeVisible();
  await expect(sim.getByRole('checkbox', { name: "I'm not a robot" })).not.toBeChecked();
});

test('a mistyped setup key gets a message that explains the Base32 alphabet; the right key works', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const key = (await enableWindow(sim).locator('[data-bind="key"]').textContent())!;
  const phone = phoneOf(sim);
  await phone.getByRole('button', { name: 'Add a code' }).click();
  await phone.getByRole('button', { name: 'Enter a setup key' }).click();
  await phone.getByLabel('Account name').fill('Example Hosting');
  const field = phone.getByLabel('Your key');
  await field.fill(`${key.slice(0, -1)}0`); // a zero: not in the Base32 alphabet
  await phone.getByRole('button', { name: 'Add' }).click();
  await expect(phone.getByText(/0.*O|letters A.Z and digits 2.7/).first()).toBeVisible();
  await field.fill(key.toLowerCase()); // spaces and lower case are forgiven
  await phone.getByRole('button', { name: 'Add' }).click();
  // This simulator's phone clock is 75 s fast (scenario phone-clock-ahead).
  expect(await phoneCode(sim)).toBe(totp(key.replace(/\s/g, ''), NOW.getTime() + 75_000));
});

test('the countdown ring turns red in the last 5 seconds of a code', async ({ page }) => {
  await usePausedClock(page);
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1); // its phone's clock is 75 s fast: 26 s into a window
  await scanQrWithPhone(sim);
  const code = phoneOf(sim).locator('.phone-code').first();
  const color = () => code.evaluate((element) => getComputedStyle(element).color);
  await expect(phoneOf(sim).getByText('4 s left')).toBeVisible();
  const ending = await color();
  await page.clock.runFor(4_000); // a new code, 30 s to go
  await expect(phoneOf(sim).getByText('30 s left')).toBeVisible();
  const calm = await color();
  expect(calm).not.toBe(ending);
  await page.clock.runFor(24_000); // 6 s left: still calm
  await expect(phoneOf(sim).getByText('6 s left')).toBeVisible();
  expect(await color()).toBe(calm);
  await page.clock.runFor(1_000); // the last 5 seconds
  await expect(phoneOf(sim).getByText('5 s left')).toBeVisible();
  expect(await color()).toBe(ending);
});

test('Security Settings is in the menu under the customer’s name', async ({ page }) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim);
  await sim.getByRole('button', { name: 'Dashboard' }).click();
  await expect(sim.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  const menuButton = sim.getByRole('button', { name: 'Hello, Alex!' });
  await menuButton.click();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await sim.getByRole('button', { name: 'Security Settings' }).click();
  await expect(sim.getByRole('heading', { name: 'Security Settings' })).toBeVisible();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  // Escape closes the menu and returns focus to its button.
  await menuButton.click();
  await page.keyboard.press('Escape');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(menuButton).toBeFocused();
});
