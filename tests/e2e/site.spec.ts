import { test, expect } from './fixtures';
import { publishedArticles } from '../support/articles-on-disk';

const articles = publishedArticles();

test.describe('every article page', () => {
  for (const article of articles) {
    test(`${article.slug}: breadcrumbs, tags and related links lead to real pages`, async ({ page, request }) => {
      await page.goto(`/articles/${article.slug}/`);
      await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();

      const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('listitem');
      await expect(crumbs).toHaveCount(3);
      await expect(crumbs.nth(0).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
      await expect(crumbs.nth(2)).toHaveText(article.title);

      await expect(page.getByText(/Last updated: \d{1,2} \w+ \d{4}/)).toBeVisible();
      // No votes collected yet (the suite's collector starts empty): no "0 users found this useful".
      await expect(page.getByText(/users? found this useful/)).toBeHidden();

      const tagLinks = page.getByRole('list', { name: 'Tags' }).getByRole('link');
      await expect(tagLinks).toHaveText(article.tags);

      const related = page.getByRole('region', { name: 'Related Articles' }).getByRole('link');
      await expect(related).toHaveCount(article.related.length);

      const hrefs = [
        await crumbs.nth(1).getByRole('link').getAttribute('href'),
        ...(await tagLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))),
        ...(await related.evaluateAll((links) => links.map((link) => link.getAttribute('href')))),
      ];
      for (const href of hrefs) {
        expect(href, 'every link has an address').toBeTruthy();
        const response = await request.get(href!);
        expect(response.status(), `${href} exists`).toBe(200);
      }
    });
  }
});

test('a tag page lists exactly the articles carrying that tag', async ({ page }) => {
  const tag = articles
    .flatMap((article) => article.tags)
    .find((candidate, index, all) => all.indexOf(candidate) !== index);
  expect(tag, 'some tag is shared by two articles').toBeDefined();
  const expected = articles.filter((article) => article.tags.includes(tag!)).map((article) => article.title);

  await page.goto(`/articles/${articles.find((article) => article.tags.includes(tag!))!.slug}/`);
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: tag!, exact: true }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(tag!);
  const listed = await page
    .getByRole('list', { name: (await heading.textContent())! })
    .getByRole('link')
    .allTextContents();
  expect(listed.sort()).toEqual(expected.sort());
});

test('home page shows every category with its article count and the most helpful articles', async ({ page }) => {
  await page.goto('/');
  const categories = page.getByRole('region', { name: 'Browse by category' }).getByRole('listitem');
  await expect(categories.first()).toBeVisible();
  const counted = (await categories.allTextContents()).reduce(
    (sum, text) => sum + Number(/\((\d+) articles?\)/.exec(text)?.[1] ?? NaN),
    0,
  );
  expect(counted).toBe(articles.length);
  await expect(page.getByRole('region', { name: 'Most helpful articles' }).getByRole('link').first()).toBeVisible();
});

test('an unknown address shows the 404 page with a way home', async ({ page, guard }) => {
  guard.ignoreConsole.push(/status of 404/);
  const response = await page.goto('/articles/no-such-article/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the help center home' }).click();
  await expect(page).toHaveURL('/');
});

test('at 320 px wide nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', `/articles/${articles[0]!.slug}/`]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} fits in 320 px`).toBeLessThanOrEqual(0);
  }
});
