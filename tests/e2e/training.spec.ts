/**
 * The support training pages on the built site, driven by role and name as a trainee would:
 * the list, three drills worked through the page (happy path; phone clock fast, fixed in the
 * phone's Settings; unverified caller), the shared link's seed, blocked storage, "Under the
 * hood" and the printable summary.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  enableWindow,
  installAuthenticator,
  logIn,
  openEnableWindow,
  phoneCode,
  phoneOf,
  scanQrWithPhone,
  setSecurityQuestion,
  simulator,
  totp,
} from './simulator-helpers';
import { DRILLS, drillById } from '../../src/training/drills/index';
import { choiceOrder } from '../../src/training/choice-order';

// 10 s into a 30 s window, so that codes do not roll over mid-test.
const NOW = new Date('2026-11-28T10:00:10Z');

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: NOW });
});

const objectives = (page: Page) => page.getByRole('region', { name: 'Objectives' });
const summary = (page: Page) => page.getByRole('region', { name: 'Summary' });

async function expectAllObjectivesDone(page: Page): Promise<void> {
  const items = objectives(page).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  for (const item of await items.all()) await expect(item).toContainText('Done');
}

/** Types the phone's code into the open enable window and submits it. */
async function submitPhoneCode(sim: Locator): Promise<void> {
  const window = enableWindow(sim);
  await window.getByLabel('Enter the 6-digit code the app shows').fill(await phoneCode(sim));
  await window.getByRole('button', { name: 'Submit' }).click();
}

async function answer(page: Page, question: string | RegExp, option: string | RegExp): Promise<Locator> {
  const group = page.getByRole('group', { name: question });
  await group.getByRole('radio', { name: option }).check();
  const form = page.locator('form').filter({ has: group });
  await form.getByRole('button', { name: 'Check' }).click();
  return form;
}

test('the list shows every drill with its goal, difficulty and time, linked from the footer only', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support training' }),
  ).toHaveCount(0);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Support training' }).click();
  await expect(page).toHaveURL(/\/training\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Support training' })).toBeVisible();

  const items = page.getByRole('list', { name: 'Drills' }).getByRole('listitem');
  await expect(items).toHaveCount(DRILLS.length);
  for (const [index, drill] of DRILLS.entries()) {
    const item = items.nth(index);
    await expect(item.getByRole('link', { name: drill.title })).toHaveAttribute('href', `/training/${drill.id}/`);
    await expect(item).toContainText(drill.goal);
    await expect(item.getByRole('term')).toHaveText(['Difficulty', 'Expected time', 'On this device']);
    await expect(item.getByRole('definition')).toHaveText([
      new RegExp(`^${drill.difficulty} of 3 \\((beginner|intermediate|advanced)\\)$`),
      `about ${drill.minutes} min`,
      'not started',
    ]);
  }
  await expect(page.getByText('is not keeping site data')).toBeHidden();
});

test('happy path: the whole setup through the page, a summary, print, and progress on the list', async ({ page }) => {
  await page.goto('/training/happy-path/?seed=e2e-happy');
  await expect(page.getByRole('blockquote')).toContainText('never used an authenticator app');
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim);
  await openEnableWindow(sim);
  await installAuthenticator(page, sim);
  await scanQrWithPhone(sim);
  await submitPhoneCode(sim);
  const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
  await done.getByRole('checkbox', { name: 'I have saved my backup code' }).check();
  await done.getByRole('button', { name: 'Close' }).click();

  await expectAllObjectivesDone(page);
  const result = summary(page);
  await expect(result).toBeVisible();
  await expect(result.getByRole('definition')).toHaveText([
    'yes',
    '0',
    '0',
    /^0:\d\d \(expected about 5 min\)$/,
    '100 of 100',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Drill complete' })).toHaveCount(1);

  const timeline = page.getByRole('region', { name: 'What you did' }).getByRole('listitem');
  await expect(timeline.first()).toContainText('0:00 Drill started');
  await expect(timeline.filter({ hasText: 'Phone: Google Authenticator installed' })).toHaveCount(1);
  await expect(timeline.filter({ hasText: '2FA turned on' })).toHaveCount(1);
  await expect(timeline.last()).toContainText('Drill complete');

  // The printout keeps the summary and the timeline, not the simulator or the controls.
  await expect(result.getByRole('button', { name: 'Print summary' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(result).toBeVisible();
  await expect(page.getByRole('region', { name: 'What you did' })).toBeVisible();
  await expect(sim).toBeHidden();
  await expect(page.getByRole('button', { name: /Show a hint|No more hints/ })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/training/');
  const item = page.getByRole('list', { name: 'Drills' }).getByRole('listitem').filter({ hasText: DRILLS[0]!.title });
  await expect(item).toContainText('completed, best score 100 of 100');
});

test('every code rejected: refused, a hint, the clock fixed in the phone’s Settings, the right advice', async ({
  page,
}) => {
  await page.goto('/training/every-code-rejected/?seed=e2e-clock');
  const sim = await simulator(page);
  const phone = phoneOf(sim);
  const window = enableWindow(sim);
  await scanQrWithPhone(sim);
  await submitPhoneCode(sim);
  await expect(window.getByText('did not match what was expected')).toBeVisible();
  await expect(objectives(page).getByRole('listitem').filter({ hasText: 'Reproduce it' })).toContainText('Done');

  const hints = page.getByRole('region', { name: 'Hints' });
  await hints.getByRole('button', { name: 'Show a hint (3 left)' }).click();
  await expect(hints.getByRole('listitem').first()).toBeVisible();
  await expect(hints.getByRole('button', { name: 'Show a hint (2 left)' })).toBeVisible();

  // A wrong answer is explained; the right one completes the advice objective.
  let form = await answer(page, 'What do you tell the customer to change?', 'Set the phone’s time zone to ours.');
  await expect(form.getByText(/^Not quite\. Codes come from the clock in universal time/)).toBeVisible();

  await phone.getByRole('button', { name: 'Home' }).click();
  await phone.getByRole('button', { name: 'Settings' }).click();
  await phone.getByRole('checkbox', { name: 'Set time automatically' }).check();
  await phone.getByRole('button', { name: 'Home' }).click();
  await phone.getByRole('button', { name: 'Authenticator' }).click();
  await submitPhoneCode(sim);
  await expect(sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' })).toBeVisible();

  form = await answer(page, 'What do you tell the customer to change?', /Set time automatically/);
  await expect(form.getByText(/^Right\./)).toBeVisible();
  await expectAllObjectivesDone(page);
  await expect(summary(page).getByRole('definition')).toHaveText(['no', '1', '1', /expected about 6 min/, '75 of 100']);
});

test('unverified caller: identity first (a wrong answer is explained), then the backup code', async ({ page }) => {
  await page.goto('/training/unverified-caller/?seed=e2e-caller');
  const sim = await simulator(page);
  const first = await answer(page, 'What do you do first?', /they gave the right name/);
  await expect(first.getByText(/^Not quite\. Names and email addresses are easy to find/)).toBeVisible();
  await expect(objectives(page).getByRole('listitem').first()).toContainText('To do');
  // After three failures in a row a hint is offered (not forced).
  // In the Hints region: the same words are also in the page's live announcement.
  const offer = page.getByRole('region', { name: 'Hints' }).getByText('Several tries have not worked');
  await answer(page, 'What do you do first?', /read out the 6-digit code/);
  await expect(offer).toBeHidden();
  await answer(page, 'What do you do first?', /they gave the right name/);
  await expect(offer).toBeVisible();
  await page.getByRole('button', { name: 'Show a hint (3 left)' }).click();
  await expect(offer).toBeHidden();
  await answer(page, 'What do you do first?', /Verify the caller’s identity/);
  await expect(objectives(page).getByRole('listitem').first()).toContainText('Done');
  await answer(page, /Verified\. The caller says/, /Login using Backup Code/);

  const note = await page.getByText('The backup code the customer wrote down:').textContent();
  const code = note!.split(':').at(-1)!.trim();
  expect(code).toMatch(/^([0-9a-f]{4} ){3}[0-9a-f]{4}$/);
  await logIn(sim);
  await sim.getByRole('button', { name: 'Login using Backup Code' }).click();
  await sim.getByLabel('Backup Code', { exact: true }).fill(code);
  await sim.getByRole('button', { name: 'Login', exact: true }).click();
  await expect(sim.getByRole('heading', { name: 'Login via Backup Code Successful' })).toBeVisible();

  await expectAllObjectivesDone(page);
  await expect(summary(page).getByRole('definition')).toHaveText(['no', '1', '3', /expected about 4 min/, '55 of 100']);
  const timeline = page.getByRole('region', { name: 'What you did' });
  await expect(
    timeline.getByText(/Answered: “Turn 2FA off: they gave the right name and email address\.” \(not right\)/),
  ).toHaveCount(2);
});

test('a shared link reproduces the same key; a link without a seed gains one', async ({ page }) => {
  const keyAt = async (url: string) => {
    await page.goto(url);
    const sim = await simulator(page);
    return enableWindow(sim).locator('[data-bind="key"]').textContent();
  };
  const first = await keyAt('/training/every-code-rejected/?seed=abc');
  expect(first).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  expect(await keyAt('/training/every-code-rejected/?seed=abc')).toBe(first);
  expect(await keyAt('/training/every-code-rejected/?seed=abd')).not.toBe(first);

  await page.goto('/training/every-code-rejected/');
  await simulator(page);
  await expect(page).toHaveURL(/\?seed=[\w-]+$/);
  const shared = page.getByRole('link', { name: /\/training\/every-code-rejected\/\?seed=/ });
  await expect(shared).toHaveAttribute('href', page.url());
});

test('choice options follow the link’s seed: the same order on every visit, the right answer not always first', async ({
  page,
}) => {
  const drill = drillById('every-code-rejected')!;
  const question = drill.choices[0]!;
  const right = question.options.find((option) => option.correct)!.text;
  const expected = (seed: string) =>
    choiceOrder(question.options.length, seed, drill.id, question.id).map((index) => question.options[index]!.text);
  // Two seeds whose orders put the right answer in different places (the unit tests cover many).
  const seeds = Array.from({ length: 20 }, (_, index) => `order-${index}`);
  const one = seeds[0]!;
  const other = seeds.find((seed) => expected(seed).indexOf(right) !== expected(one).indexOf(right))!;
  const optionsAt = async (seed: string) => {
    await page.goto(`/training/${drill.id}/?seed=${seed}`);
    await simulator(page);
    const radios = page.getByRole('group', { name: question.prompt }).getByRole('radio');
    await expect(radios).toHaveCount(question.options.length);
    return radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent));
  };
  const first = await optionsAt(one);
  expect(first).toEqual(expected(one));
  expect(await optionsAt(one), 'the same link, the same order').toEqual(first);
  const second = await optionsAt(other);
  expect(second).toEqual(expected(other));
  expect(second.indexOf(right)).not.toBe(first.indexOf(right));
  // Wherever it is, the right answer is judged right.
  const form = await answer(page, question.prompt, right);
  await expect(form.getByText(/^Right\./)).toBeVisible();
});

test.describe('with storage blocked', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
  });

  test('the list and a drill still work, with a short note', async ({ page }) => {
    await page.goto('/training/');
    await expect(page.getByText('is not keeping site data')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Drills' }).getByRole('listitem').first()).toContainText('not started');

    await page.goto('/training/security-question-loop/?seed=e2e-blocked');
    await expect(page.getByText('is not keeping site data')).toBeVisible();
    const sim = await simulator(page);
    await setSecurityQuestion(sim);
    await sim.getByRole('button', { name: 'Hello, Alex!' }).click();
    await sim.getByRole('button', { name: 'Logout' }).click();
    await logIn(sim);
    await expect(sim.getByRole('heading', { name: 'Security Settings' })).toBeVisible();
    await answer(page, /yet the customer is asked again/, /Clear the browser’s cache/);
    await expectAllObjectivesDone(page);
    await expect(summary(page)).toBeVisible();
  });
});

test('under the hood: the key, the code the server expects, the windows, the phone clock and why a code failed', async ({
  page,
}) => {
  await page.goto('/training/every-code-rejected/?seed=e2e-hood');
  const sim = await simulator(page);
  const toggle = page.getByRole('button', { name: 'Under the hood' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator('#training-hood-panel');
  await expect(panel).toBeVisible();

  const key = (await enableWindow(sim).locator('[data-bind="key"]').textContent())!;
  const field = (label: string) =>
    panel
      .locator('dl > div')
      .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
      .getByRole('definition');
  await expect(field('Secret key')).toContainText(key);
  const expected = await field('Code the server expects now').textContent();
  const now = await page.evaluate(() => Date.now());
  expect([totp(key.replace(/ /g, ''), now), totp(key.replace(/ /g, ''), now - 1_000)]).toContain(expected);
  await expect(field('Windows it accepts').getByRole('listitem')).toHaveText([
    'Window -1: 09:59:30–09:59:59 UTC',
    'Window 0 (now): 10:00:00–10:00:29 UTC',
    'Window +1: 10:00:30–10:00:59 UTC',
  ]);
  await expect(field('Phone clock')).toHaveText('75 s ahead');
  await expect(field('Backup code')).toHaveText('None: 2FA is off');
  await expect(field('Current state')).toHaveText(
    'Enable Two-Factor Authentication window (machine state signedIn.securitySettings.enable)',
  );

  await scanQrWithPhone(sim);
  await submitPhoneCode(sim);
  await expect(field('Last refusal')).toContainText("The phone's clock is 75 s ahead");
  // Updated once a second while open.
  await page.clock.runFor(30_000);
  await expect(field('Windows it accepts').getByRole('listitem').nth(1)).toHaveText(
    'Window 0 (now): 10:00:30–10:00:59 UTC',
  );

  // "Start over": the drill follows the fresh simulation (the same seed, so the same key).
  await sim.getByRole('button', { name: 'Start over', exact: true }).click();
  await sim.getByRole('button', { name: 'Yes, start over' }).click();
  await expect(page.getByRole('region', { name: 'What you did' }).getByRole('listitem').last()).toContainText(
    'Simulator started over',
  );
  await expect(field('Last refusal')).toHaveText('None: the last action was not refused');
  await expect(field('Secret key')).toContainText(key);
  await expect(objectives(page).getByRole('listitem').first()).toContainText('To do');
});

test('the drill page in its interactive states has no WCAG A/AA violation', async ({ page }) => {
  await page.goto('/training/manual-key-mistyped/?seed=e2e-axe');
  const sim = await simulator(page);
  await page.getByRole('button', { name: 'Show a hint (3 left)' }).click();
  await page.getByRole('button', { name: 'Under the hood' }).click();
  await answer(page, /Reading the key aloud/, 'Leave out the spaces.');
  const phone = phoneOf(sim);
  await phone.getByRole('button', { name: 'Add a code' }).click();
  await phone.getByRole('button', { name: 'Enter a setup key' }).click();
  await phone.getByLabel('Account name').fill('alex');
  await phone.getByLabel('Your key').fill((await enableWindow(sim).locator('[data-bind="key"]').textContent())!);
  await phone.getByRole('button', { name: 'Add', exact: true }).click();
  await submitPhoneCode(sim);
  await answer(page, /Reading the key aloud/, /only the letters A-Z/);
  await expect(summary(page)).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .exclude('twofa-simulator') // swept screen by screen in a11y.spec.ts
      .analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      colorScheme,
    ).toEqual([]);
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a drill shows the customer’s words, the objectives and why nothing else works', async ({ page }) => {
    await page.goto('/training/every-code-rejected/');
    await expect(page.getByRole('blockquote')).toContainText('Every single code is rejected');
    await expect(objectives(page).getByRole('listitem')).toHaveCount(
      drillById('every-code-rejected')!.objectives.length,
    );
    await expect(page.getByText('This drill needs JavaScript')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Check' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Under the hood' })).toHaveCount(0);
  });
});
