/**
 * A reader's vote reaching the collector, as the reader sees it: the count that moves at once,
 * the follow-up after "No", "Still need help?", and the browsers that ask not to be tracked.
 */
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

const ARTICLE = '/articles/check-invoices/';

const vote = (page: Page) => page.getByRole('group', { name: 'Was this answer helpful?' });

test('a Yes reaches the collector and the count shows it at once, without a rebuild', async ({ page, collector }) => {
  await page.goto(ARTICLE);
  await expect(page.getByText(/found this useful/)).toBeHidden(); // nothing collected yet
  await vote(page).getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByText('1 user found this useful')).toBeVisible();
  await expect(vote(page).getByRole('status').first()).toContainText('glad it helped');
  expect((await collector.report()).articles).toEqual([
    expect.objectContaining({ slug: 'check-invoices', votes: 1, helpful: 1 }),
  ]);

  // Changed to No: still one vote, no longer helpful.
  await vote(page).getByRole('button', { name: 'No' }).click();
  await expect(page.getByText(/found this useful/)).toBeHidden();
  await expect.poll(async () => (await collector.report()).articles[0]).toMatchObject({ votes: 1, helpful: 0 });
});

test('after No: a short follow-up (never asking for codes), and Still need help? in the vote', async ({
  page,
  collector,
}) => {
  await page.goto(ARTICLE);
  const endOfArticle = page.getByRole('region', { name: 'Still need help?' });
  await expect(endOfArticle.getByRole('link', { name: 'Open a support ticket' })).toBeVisible();

  await vote(page).getByRole('button', { name: 'No' }).click();
  const reasons = vote(page).getByRole('group', { name: 'What went wrong? (optional)' });
  for (const reason of ['The steps don’t match what I see', 'My code is rejected', 'I lost my phone', 'Something else'])
    await expect(reasons.getByRole('radio', { name: reason })).toBeVisible();
  const comment = vote(page).getByRole('textbox', { name: 'Anything else you want to tell us? (optional)' });
  await expect(comment).toHaveAccessibleDescription(/Please don’t type passwords, codes, backup codes or keys here/);

  // The ways forward are now inside the vote, once on the page.
  const help = vote(page).getByRole('region', { name: 'Still need help?' });
  await expect(help.getByRole('link', { name: 'Open a support ticket' })).toHaveAttribute(
    'href',
    'https://clientarea.example.com/submitticket.php',
  );
  await expect(help.getByRole('link', { name: 'E-mail support@example.com' })).toHaveAttribute(
    'href',
    'mailto:support@example.com',
  );
  await expect(help.getByRole('link', { name: 'Call +1 555 010 0199' })).toHaveAttribute('href', 'tel:+15550100199');
  await expect(page.getByRole('heading', { name: 'Still need help?' })).toHaveCount(1);

  await reasons.getByRole('radio', { name: 'My code is rejected' }).check();
  await comment.fill('My code 123456 is refused every time');
  await vote(page).getByRole('button', { name: 'Send' }).click();
  await expect(vote(page).getByRole('status').first()).toHaveText(
    'Thank you: your answer reached the people who write these articles.',
  );
  await expect(reasons).toBeHidden();

  const report = await collector.report();
  expect(report.reasons).toEqual([
    { slug: 'check-invoices', title: expect.any(String), reason: 'code-rejected', count: 1 },
  ]);
  expect(report.comments.map((row) => row.comment)).toEqual(['My code [code removed] is refused every time']);
  expect(report.articles[0]).toMatchObject({ votes: 1, helpful: 0 });
});

test('a comment the collector refuses keeps the reader’s words and says why', async ({ page, guard }) => {
  guard.ignoreConsole.push(/status of 400 \(Bad Request\)/); // the refusal this test provokes
  await page.goto(ARTICLE);
  await vote(page).getByRole('button', { name: 'No' }).click();
  const comment = vote(page).getByRole('textbox', { name: 'Anything else you want to tell us? (optional)' });
  await comment.fill('The button looks like <b>this</b>');
  await vote(page).getByRole('button', { name: 'Send' }).click();
  await expect(vote(page).getByRole('alert')).toHaveText(
    'Your answer could not be sent: comment must be plain text: HTML tags are not accepted.',
  );
  await expect(comment).toHaveValue('The button looks like <b>this</b>');
});

test('the simulators report steps and refusals when the page hides, never what was typed', async ({
  page,
  collector,
}) => {
  await useFixedClock(page);
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/events')) sent.push(request.postData() ?? '');
  });
  await page.goto(ARTICLE_2FA);
  const sim = await simulator(page);
  await logIn(sim);
  await setSecurityQuestion(sim, 'Secret answer 42');
  await openEnableWindow(sim);
  await installAuthenticator(page, sim);
  await scanQrWithPhone(sim);
  const window = enableWindow(sim);
  await window.getByLabel('Enter the 6-digit code the app shows').fill('000111');
  await window.getByRole('button', { name: 'Submit' }).click();
  await expect(window.getByText(/did not match what was expected/)).toBeVisible();
  await page.goto(ARTICLE); // the reader leaves: the page hides and the beacon goes

  await expect.poll(async () => (await collector.report()).simulators.length).toBe(1);
  const [funnel] = (await collector.report()).simulators;
  expect(funnel).toMatchObject({
    article: 'enable-two-factor-authentication',
    simulator: expect.stringMatching(/^sim-?\d+$/),
  });
  const steps = Object.fromEntries(funnel!.steps.map((step) => [step.step, step]));
  expect(Object.keys(steps)).toEqual(
    expect.arrayContaining(['login', 'security-question', 'security-settings', 'enable', 'phone:store', 'phone:scan']),
  );
  expect(steps['enable']).toMatchObject({ reached: 1, gaveUp: 1, refusals: { wrong: 1 } });
  for (const body of sent) {
    expect(body).not.toContain('000111');
    expect(body).not.toContain('Secret answer');
  }
});

test.describe('a browser that asks not to be tracked (Global Privacy Control)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
  });

  test('says so, keeps the vote on the device and sends nothing, not even simulator events', async ({
    page,
    collector,
  }) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') sent.push(request.url());
    });
    await page.goto(ARTICLE);
    await expect(vote(page).getByText('Your browser asks sites not to track you')).toBeVisible();
    await vote(page).getByRole('button', { name: 'No' }).click();
    await expect(vote(page).getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
    await expect(vote(page).getByRole('group', { name: 'What went wrong? (optional)' })).toBeHidden();
    await expect(vote(page).getByRole('region', { name: 'Still need help?' })).toBeVisible();

    await useFixedClock(page);
    await page.goto(ARTICLE_2FA);
    const sim = await simulator(page);
    await logIn(sim);
    await page.goto(ARTICLE);
    expect(sent).toEqual([]);
    expect(await collector.report()).toMatchObject({ articles: [], simulators: [] });
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('Still need help? is at the end of the article, with every route', async ({ page }) => {
    await page.goto(ARTICLE);
    const help = page.getByRole('region', { name: 'Still need help?' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('link', { name: 'Open a support ticket' })).toBeVisible();
    await expect(help.getByRole('link', { name: 'E-mail support@example.com' })).toBeVisible();
    await expect(help.getByRole('link', { name: 'Call +1 555 010 0199' })).toBeVisible();
    await expect(help).toContainText('Support will never ask for your password or a 2FA code.');
  });
});
