/**
 * "On this page" and the headings' own links, as a reader finds them: beside the text and sticky on
 * a wide screen, a collapsed <details> above the text on a phone, the section being read marked,
 * and only on articles with at least three sections. The headings' links work without JavaScript.
 * Which headings an article has is read from its file, never hard-coded.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { articlesOnDisk } from '../support/articles-on-disk';
import { MIN_SECTIONS } from '../../src/lib/toc';

/** The `##` headings of an article, as written (none of them uses quotes or emphasis). */
const sectionsOf = (slug: string) =>
  [...(articlesOnDisk().find((article) => article.slug === slug)?.body ?? '').matchAll(/^## (.+)$/gm)].map((match) =>
    match[1]!.trim(),
  );
const LONG = 'enable-two-factor-authentication';
const SHORT = articlesOnDisk().find((article) => sectionsOf(article.slug).length < MIN_SECTIONS)!.slug;
const contents = (page: Page) => page.getByRole('navigation', { name: 'On this page' });

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the contents sit beside the text, stay in view, and mark the section being read', async ({ page }) => {
    test.slow(); // the longest article, scrolled through twice (29 s of 30 on a loaded machine)
    const sections = sectionsOf(LONG);
    expect(sections.length).toBeGreaterThanOrEqual(MIN_SECTIONS);
    await page.goto(`/articles/${LONG}/`);
    const toc = contents(page);
    await expect(toc).toHaveCount(1);
    await expect(toc.getByRole('link')).toHaveText(sections);

    // Beside the text, not above or over it.
    const text = (await page.getByRole('article').locator('.prose').boundingBox())!;
    const box = (await toc.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(text.x + text.width);

    // Nothing is marked at the top; following a link marks it, and the contents stay in view.
    await expect(toc.locator('[aria-current="true"]')).toHaveCount(0);
    const last = sections.at(-1)!;
    await toc.getByRole('link', { name: last }).click();
    await expect(page).toHaveURL(new RegExp(`#${last.toLowerCase().replace(/\W+/g, '-')}$`));
    await expect(page.getByRole('heading', { level: 2, name: last })).toBeInViewport();
    await expect(toc).toBeInViewport();
    await expect(toc.getByRole('link', { name: last })).toHaveAttribute('aria-current', 'true');
    await expect(toc.locator('[aria-current="true"]')).toHaveCount(1);

    // Scrolling back up moves the mark.
    const second = sections[1]!;
    await page.getByRole('heading', { level: 2, name: second }).evaluate((heading) => heading.scrollIntoView());
    await expect(toc.getByRole('link', { name: second })).toHaveAttribute('aria-current', 'true');
    await expect(toc.getByRole('link', { name: last })).not.toHaveAttribute('aria-current');
  });

  test('a block marked wide spans the text and the contents columns', async ({ page }) => {
    await page.goto(`/articles/${LONG}/`);
    const text = (await page.getByRole('article').locator('.prose').boundingBox())!;
    const toc = (await contents(page).boundingBox())!;
    const width = await page
      .getByRole('region', { name: /simulator/ })
      .first()
      .evaluate((block) => {
        block.setAttribute('data-wide', '');
        return block.getBoundingClientRect().width;
      });
    expect(width).toBeGreaterThan(text.width);
    expect(text.x + width).toBeGreaterThanOrEqual(toc.x + toc.width);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the contents are a collapsed list above the text that opens', async ({ page }) => {
    await page.goto(`/articles/${LONG}/`);
    await expect(contents(page)).toBeHidden();
    await page.getByRole('group').getByText('On this page', { exact: true }).click();
    await expect(contents(page)).toBeVisible();
    // Above the text: before the first paragraph of the article.
    const toc = (await contents(page).boundingBox())!;
    const intro = (await page.getByRole('article').locator('.prose > p').first().boundingBox())!;
    expect(toc.y + toc.height).toBeLessThanOrEqual(intro.y);
    const first = sectionsOf(LONG)[0]!;
    await contents(page).getByRole('link', { name: first }).click();
    await expect(page.getByRole('heading', { level: 2, name: first })).toBeInViewport();
  });
});

test('only articles with at least three sections have contents', async ({ page }) => {
  expect(sectionsOf(SHORT).length).toBeLessThan(MIN_SECTIONS);
  await page.goto(`/articles/${SHORT}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(contents(page)).toHaveCount(0);
  await expect(page.getByText('On this page')).toHaveCount(0);
});

test('every section heading has a link to itself with its own name', async ({ page }) => {
  for (const slug of [LONG, SHORT]) {
    await page.goto(`/articles/${slug}/`);
    for (const section of sectionsOf(slug)) {
      const heading = page.getByRole('heading', { level: 2, name: section, exact: true });
      await expect(heading).toBeVisible();
      const link = page.getByRole('link', { name: `Link to section: ${section}`, exact: true });
      await expect(link).toBeVisible();
      expect(await link.getAttribute('href')).toBe(`#${await heading.getAttribute('id')}`);
    }
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

  test('the contents open and their links and the heading links work', async ({ page }) => {
    await page.goto(`/articles/${LONG}/`);
    await page.getByRole('group').getByText('On this page', { exact: true }).click();
    const section = sectionsOf(LONG)[2]!;
    await contents(page).getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeInViewport();
    const other = sectionsOf(LONG)[1]!;
    await page.getByRole('link', { name: `Link to section: ${other}` }).click();
    await expect(page).toHaveURL(/#turn-on-2fa$/);
    await expect(page.getByRole('heading', { level: 2, name: other })).toBeInViewport();
  });
});
