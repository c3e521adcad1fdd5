/**
 * The simulator's layout and fidelity as a reader meets them: on a phone the authenticator's code
 * stays in sight of the code field and an opening window comes into view; the enable window asks
 * for the method first, as the client area does; the practice aids say they are ours; the menu
 * under the customer's name has the client area's items; on a wide screen the simulator uses the
 * page's width; the phone's tiles line up; codes and entries wrap cleanly at 320 px; an article
 * that needs no phone shows none. Screenshots of the 2FA article (375 and 1280 px, light and dark)
 * are attached to the last test.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  ARTICLE_2FA,
  NOW,
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
  useFixedClock,
} from './simulator-helpers';

const LOGIN_ARTICLE = '/articles/log-in-to-the-client-area/';

test.beforeEach(({ page }) => useFixedClock(page));

/** The docked copy of the phone's codes (narrow screens). */
const dockOf = (sim: Locator) => sim.getByRole('complementary', { name: 'Codes on the phone' });

/** Whether a box lies wholly inside the viewport. */
function inside(box: { y: number; height: number } | null, page: Page): boolean {
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

/** The key of the open enable window, without its spaces. */
async function shownKey(sim: Locator): Promise<string> {
  return ((await enableWindow(sim).locator('[data-bind="key"]').textContent()) ?? '').replace(/\s/g, '');
}

/**
 * How many lines each of `parts` (substrings of the element's text, in order) takes: 1 means it
 * was not broken inside. Measured on the rendered text, as the reader sees it.
 */
function linesOf(element: Locator, parts: string[]): Promise<number[]> {
  return element.evaluate((node, wanted) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    return wanted.map((part) => {
      const text = texts.find((t) => t.data.includes(part));
      if (!text) return -1;
      const range = document.createRange();
      const start = text.data.indexOf(part);
      range.setStart(text, start);
      range.setEnd(text, start + part.length);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
  }, parts);
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the phone’s code is docked in sight of the focused code field, and it is the phone’s code', async ({
    page,
  }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page); // guided, from the login
    await logIn(sim);
    await setSecurityQuestion(sim);
    await openEnableWindow(sim);
    await installAuthenticator(page, sim);
    const dock = dockOf(sim);
    await expect(dock).toBeHidden(); // no entry in the app yet: nothing to dock
    await scanQrWithPhone(sim);

    const field = enableWindow(sim).getByLabel('Enter the 6-digit code the app shows');
    await field.focus();
    await expect(field).toBeFocused();
    const docked = dock.getByText(/^\d{3} \d{3}$/);
    await expect(docked).toBeVisible();
    // Wherever the phone is, the docked code and the field are both on screen, apart.
    const [fieldBox, dockBox, codeBox] = await Promise.all([
      field.boundingBox(),
      dock.boundingBox(),
      docked.boundingBox(),
    ]);
    expect(inside(fieldBox, page), 'the code field is in the viewport').toBe(true);
    expect(inside(codeBox, page), 'the docked code is in the viewport').toBe(true);
    expect(fieldBox!.y + fieldBox!.height, 'the dock does not cover the field').toBeLessThanOrEqual(dockBox!.y);
    expect((await docked.textContent())!.replace(/\s/g, '')).toBe(await phoneCode(sim));
    await expect(dock.getByText(/\d+ s left/)).toHaveText(
      (await phoneOf(sim)
        .getByText(/\d+ s left/)
        .textContent())!,
    );

    // A new code on the phone is the new code in the dock too.
    const before = await phoneCode(sim);
    await page.clock.runFor(30_000);
    await expect.poll(() => phoneCode(sim)).not.toBe(before);
    await expect(docked).toHaveText((await phoneOf(sim).locator('.phone-code').first().textContent())!);

    // With the window open, Tab reaches the dock too (it is part of the phone).
    await tabTo(page, dock.getByRole('button', { name: 'Show the phone' }));
    await dock.getByRole('button', { name: 'Show the phone' }).click();
    await expect(phoneOf(sim)).toBeFocused();
    await expect(phoneOf(sim).getByText(/^\d{3} \d{3}$/)).toBeInViewport();
  });

  test('with the dock open the page passes axe and nothing scrolls sideways', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page, 1);
    await scanQrWithPhone(sim);
    await expect(dockOf(sim)).toBeVisible();
    const results = await new AxeBuilder({ page }).include(`#${await sim.getAttribute('id')}`).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    test(`after Click here to Enable the window’s heading and first control come into view (${reducedMotion} motion)`, async ({
      page,
    }) => {
      await page.emulateMedia({ reducedMotion });
      await page.addInitScript(() => {
        const calls: string[] = [];
        (window as unknown as { scrolls: string[] }).scrolls = calls;
        // Records how each scrollIntoView asks to scroll, then scrolls as asked.
        const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView')!.value as (
          this: Element,
          options?: boolean | ScrollIntoViewOptions,
        ) => void;
        Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
          calls.push(typeof options === 'object' ? (options.behavior ?? 'auto') : 'auto');
          original.call(this, options);
        };
      });
      await page.goto(ARTICLE_2FA);
      const sim = await simulator(page);
      await logIn(sim);
      await setSecurityQuestion(sim);
      const enable = sim.getByRole('button', { name: 'Click here to Enable' });
      // The reader has scrolled down to the button; the window opens at the top of the client area.
      await enable.evaluate((button) => button.scrollIntoView({ block: 'end' }));
      await page.evaluate(() => ((window as unknown as { scrolls: string[] }).scrolls.length = 0));
      await enable.click();
      const window = enableWindow(sim);
      await expect(window.getByRole('heading', { name: 'Enable Two-Factor Authentication' })).toBeFocused();
      await expect(window.getByRole('radio', { name: 'Time Based Tokens' })).toBeInViewport();
      await expect(window.getByRole('heading', { name: 'Enable Two-Factor Authentication' })).toBeInViewport();
      const scrolls = await page.evaluate(() => (window as unknown as { scrolls: string[] }).scrolls);
      expect(scrolls.length, 'the window was scrolled into view').toBeGreaterThan(0);
      expect(new Set(scrolls)).toEqual(new Set([reducedMotion === 'reduce' ? 'auto' : 'smooth']));
    });
  }
});

test('the enable window asks for the method first, as the client area does when it offers several', async ({
  page,
}) => {
  await page.goto(ARTICLE_2FA);
  // Every simulator of the page booted: each window's choice is its own.
  for (const index of [2, 1]) await simulator(page, index);
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim);
  const enable = sim.getByRole('button', { name: 'Click here to Enable' });
  await enable.click();
  const window = enableWindow(sim);
  await expect(window.getByRole('heading', { name: 'Enable Two-Factor Authentication' })).toBeFocused();
  const method = window.getByRole('group', { name: 'Choose a method, then click Get Started:' });
  await expect(method.getByRole('radio', { name: 'Time Based Tokens' })).toBeChecked();
  await expect(method.getByRole('radio', { name: 'Time Based Tokens' })).toHaveAccessibleDescription(
    /app such as Google Authenticator/,
  );
  await expect(window.getByText('asks this only when it offers more than one method')).toBeVisible();
  await expect(window.getByRole('img', { name: /QR code/ })).toHaveCount(0); // no key yet
  // The guide's numbered marker moved from the Enable button to Get Started, beside it.
  const marker = sim.locator('[data-part="marker"]');
  await expect(marker).toHaveText('3');
  const [markerBox, startBox] = await Promise.all([
    marker.boundingBox(),
    window.getByRole('button', { name: 'Get Started' }).boundingBox(),
  ]);
  expect(Math.abs(markerBox!.y + markerBox!.height / 2 - (startBox!.y + startBox!.height / 2))).toBeLessThan(4);
  expect(markerBox!.x).toBeLessThan(startBox!.x);

  // Closing the choice makes no key; Escape returns to the button.
  await page.keyboard.press('Escape');
  await expect(window).toBeHidden();
  await expect(enable).toBeFocused();

  await enable.click();
  await window.getByRole('button', { name: 'Get Started' }).click();
  await expect(window.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(window.getByRole('heading', { name: 'Enable Two-Factor Authentication' })).toBeFocused();
  await expect(window.getByRole('radio')).toHaveCount(0);
  await window.getByRole('button', { name: 'Close' }).click();
  await expect(enable).toBeFocused();
});

test('Copy, Download and “I have saved my backup code” are marked as this help center’s practice aids', async ({
  page,
}) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page, 1);
  const window = enableWindow(sim);
  const why = /Added by this help center.*the real client area does not have it/;
  const keyAid = window.getByRole('group', { name: 'Practice aid' });
  await expect(keyAid).toHaveAccessibleDescription(why);
  await expect(keyAid.getByText(why)).toBeVisible();
  await expect(keyAid.getByRole('button', { name: 'Copy key' })).toBeVisible();
  await expect(keyAid.getByLabel('Enter the 6-digit code the app shows')).toHaveCount(0);

  await window.getByLabel('Enter the 6-digit code the app shows').fill(totp(await shownKey(sim), NOW.getTime()));
  await window.getByRole('button', { name: 'Submit' }).click();
  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  const aid = done.getByRole('group', { name: 'Practice aid' });
  await expect(aid).toHaveAccessibleDescription(why);
  await expect(aid.getByText('Practice aid', { exact: true })).toBeVisible();
  for (const control of [
    aid.getByRole('button', { name: 'Copy code' }),
    aid.getByRole('button', { name: 'Download as a text file' }),
    aid.getByRole('checkbox', { name: 'I have saved my backup code' }),
  ])
    await expect(control).toBeVisible();
  // The client area's own parts stay outside: the code and Close.
  await expect(aid.getByRole('button', { name: 'Close' })).toHaveCount(0);
  await expect(aid.locator('code')).toHaveCount(0);
  await expect(done.getByRole('button', { name: 'Close' })).toBeVisible();
});

test('the menu under the customer’s name has the client area’s items; those the practice lacks say so', async ({
  page,
}) => {
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim);
  const menuButton = sim.getByRole('button', { name: 'Hello, Alex!' });
  await menuButton.click();
  const menu = sim.getByRole('list').filter({ has: page.getByRole('button', { name: 'Logout' }) });
  await expect(menu.getByRole('button')).toHaveText([
    'Edit Account Details',
    'Payment Methods',
    'Contacts/Sub-Accounts',
    'Change Password',
    'Security Settings',
    'Email History',
    'Logout',
  ]);
  const status = sim.getByRole('status');
  const browser = sim.getByRole('group', { name: 'Client area in a web browser' });
  for (const item of [
    'Edit Account Details',
    'Payment Methods',
    'Contacts/Sub-Accounts',
    'Change Password',
    'Email History',
  ]) {
    if ((await menuButton.getAttribute('aria-expanded')) !== 'true') await menuButton.click();
    await menu.getByRole('button', { name: item }).click();
    const said = `${item} is not part of this practice. Here you can open Security Settings, in the same menu.`;
    await expect(browser.getByText(said)).toBeVisible();
    await expect(status).toHaveText(said);
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(menuButton).toBeFocused();
    await expect(sim.getByRole('heading', { name: 'Security Settings' })).toBeVisible(); // still there
  }
  // The note lasts until the reader does something else.
  await menuButton.click();
  await expect(browser.getByText('Email History is not part of this practice.')).toBeHidden();
  await menu.getByRole('button', { name: 'Security Settings' }).click();
  await expect(sim.getByRole('heading', { name: 'Security Settings' })).toBeVisible();
});

test('“Forgot Password?” says on screen, not only to a screen reader, that it is not part of the practice', async ({
  page,
}) => {
  await page.goto(LOGIN_ARTICLE);
  const sim = await simulator(page);
  const browser = sim.getByRole('group', { name: 'Client area in a web browser' });
  await sim.getByRole('button', { name: 'Forgot Password?' }).click();
  await expect(browser.getByText('Resetting a password is not part of this practice.')).toBeVisible();
  await expect(sim.getByRole('status')).toHaveText('Resetting a password is not part of this practice.');
  await logIn(sim);
  await expect(browser.getByText('Resetting a password is not part of this practice.')).toBeHidden();
});

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the simulator spans the page’s width, wider than the text, and the e-mail field shows the whole address', async ({
    page,
  }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page);
    const text = page.getByText('With two-factor authentication (2FA), you log in');
    const [simBox, textBox] = await Promise.all([sim.boundingBox(), text.boundingBox()]);
    expect(simBox!.width).toBeGreaterThan(textBox!.width + 200);
    expect(simBox!.x + simBox!.width).toBeLessThanOrEqual(1280);
    const email = sim.getByLabel('Email Address');
    await expect(email).toHaveValue('alex.morgan@example.com');
    const cut = await email.evaluate((input: HTMLInputElement) => input.scrollWidth - input.clientWidth);
    expect(cut, 'the address fits in the field').toBeLessThanOrEqual(0);
    // Nothing (the sticky contents) covers the phone: a click lands on it.
    await phoneOf(sim).getByRole('button', { name: 'Settings' }).click();
    await expect(phoneOf(sim).getByText('Date & time')).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  test('the phone’s app tiles are one size and aligned in a grid', async ({ page }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page);
    await installAuthenticator(page, sim);
    const phone = phoneOf(sim);
    await phone.getByRole('button', { name: 'Home' }).click();
    const boxes = await Promise.all(
      ['Play Store', 'Authenticator', 'Settings'].map((name) => phone.getByRole('button', { name }).boundingBox()),
    );
    const [store, app, settings] = boxes.map((box) => box!);
    for (const box of [app!, settings!]) {
      expect(Math.abs(box.width - store!.width)).toBeLessThan(1);
      expect(Math.abs(box.height - store!.height)).toBeLessThan(1);
    }
    expect(Math.abs(app!.y - store!.y), 'one row').toBeLessThan(1);
    expect(Math.abs(settings!.x - store!.x), 'one column').toBeLessThan(1);
  });
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 720 } });

  test('the authenticator entry, the key and the backup code wrap between groups, never inside one', async ({
    page,
  }) => {
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page, 1);
    const key = await shownKey(sim);
    const groups = (code: string) => code.match(/.{4}/g) ?? [];
    expect(await linesOf(enableWindow(sim).locator('[data-bind="key"]'), groups(key))).toEqual(
      groups(key).map(() => 1),
    );
    await scanQrWithPhone(sim);
    const entry = phoneOf(sim).getByRole('listitem').filter({ hasText: 'alex.morgan@example.com' });
    expect(await linesOf(entry, ['Example Hosting', 'alex.morgan@example.com'])).toEqual([1, 1]);
    expect(await entry.evaluate((item) => item.scrollWidth - item.clientWidth)).toBeLessThanOrEqual(0);

    const window = enableWindow(sim);
    await window.getByLabel('Enter the 6-digit code the app shows').fill(totp(key, NOW.getTime()));
    await window.getByRole('button', { name: 'Submit' }).click();
    const code = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' }).locator('code');
    const backup = (await code.textContent())!.split(' ');
    expect(backup).toHaveLength(4);
    expect(await linesOf(code, backup)).toEqual([1, 1, 1, 1]);
    expect(await code.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
});

test('the login article’s first simulator has no phone and no codes to pause; its 2FA one keeps the phone', async ({
  page,
}) => {
  await page.goto(LOGIN_ARTICLE);
  const plain = await simulator(page, 0);
  await expect(plain.getByText('Practice on a pretend client area. Nothing you type leaves this page.')).toBeVisible();
  await expect(plain.getByRole('region', { name: 'Phone' })).toHaveCount(0);
  await expect(plain.getByRole('button', { name: 'Pause the codes' })).toBeHidden();
  await logIn(plain);
  await expect(plain.getByRole('heading', { name: 'Security Question' })).toBeVisible();
  // The browser window takes the whole stage.
  const [stage, browser] = await Promise.all([
    plain.locator('[data-part="stage"]').boundingBox(),
    plain.getByRole('group', { name: 'Client area in a web browser' }).boundingBox(),
  ]);
  expect(Math.abs(stage!.width - browser!.width)).toBeLessThan(1);

  const twoFactor = await simulator(page, 1);
  await expect(phoneOf(twoFactor)).toBeVisible();
  await expect(twoFactor.getByRole('button', { name: 'Pause the codes' })).toBeVisible();
});

test('screenshots of the 2FA article at 375 and 1280 px, light and dark', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  for (const colorScheme of ['light', 'dark'] as const)
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(ARTICLE_2FA);
      const count = await page.getByRole('region', { name: /simulator/i }).count();
      for (let index = 0; index < count; index++) await simulator(page, index);
      const name = `2fa-${width}-${colorScheme}`;
      await testInfo.attach(`${name}.png`, {
        body: await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}.png`) }),
        contentType: 'image/png',
      });
      const first = await simulator(page, 0);
      await logIn(first);
      await setSecurityQuestion(first);
      await first.getByRole('button', { name: 'Click here to Enable' }).click();
      await testInfo.attach(`${name}-method.png`, {
        body: await first.screenshot({ path: testInfo.outputPath(`${name}-method.png`) }),
        contentType: 'image/png',
      });
      const window = enableWindow(first);
      await window.getByRole('button', { name: 'Get Started' }).click();
      await installAuthenticator(page, first);
      await scanQrWithPhone(first);
      // The code field focused, with a code on the phone: on a phone, the docked code under it.
      const field = window.getByLabel('Enter the 6-digit code the app shows');
      await field.focus();
      await testInfo.attach(`${name}-code-field.png`, {
        body: await page.screenshot({ path: testInfo.outputPath(`${name}-code-field.png`) }),
        contentType: 'image/png',
      });
      await field.fill(await phoneCode(first));
      await window.getByRole('button', { name: 'Submit' }).click();
      await testInfo.attach(`${name}-backup.png`, {
        body: await first.screenshot({ path: testInfo.outputPath(`${name}-backup.png`) }),
        contentType: 'image/png',
      });
    }
});
