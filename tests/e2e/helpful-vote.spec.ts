import { test, expect } from './fixtures';

const ARTICLE = '/articles/check-invoices/';

test('a vote is kept on this device, survives a reload and can be changed', async ({ page }) => {
  await page.goto(ARTICLE);
  const group = page.getByRole('group', { name: 'Was this answer helpful?' });
  const yes = group.getByRole('button', { name: 'Yes' });
  const no = group.getByRole('button', { name: 'No' });
  await expect(yes).toHaveAttribute('aria-pressed', 'false');

  await yes.click();
  await expect(yes).toHaveAttribute('aria-pressed', 'true');
  await expect(group.getByRole('status')).toContainText('glad it helped');

  await page.reload();
  await expect(yes).toHaveAttribute('aria-pressed', 'true');
  await expect(no).toHaveAttribute('aria-pressed', 'false');

  await no.click();
  await page.reload();
  await expect(no).toHaveAttribute('aria-pressed', 'true');
  await expect(yes).toHaveAttribute('aria-pressed', 'false');

  // Votes are per article: another article starts unanswered.
  await page.goto('/articles/check-email-history/');
  await expect(page.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'false');
});

test('a vote goes to the site’s own collector and nowhere else', async ({ page, baseURL }) => {
  // The suite's build has PUBLIC_FEEDBACK_URL=/ (playwright.config.ts); a build without it sends
  // nothing at all (tests/build/feedback-build.test.ts).
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') sent.push(request.url());
  });
  await page.goto(ARTICLE);
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => sent).toEqual([`${baseURL}/api/feedback`]);
});

test('blocked storage still lets the reader vote for this page view, with a note', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(ARTICLE);
  await page.getByRole('button', { name: 'No' }).click();
  await expect(page.getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status')).toContainText('this visit only');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the article reads normally and the question does not pretend to work', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'My Invoices' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Yes' })).toBeHidden();
    await expect(page.getByText('Turn on JavaScript to tell us whether this answer helped.')).toBeVisible();
  });
});
