/**
 * Search on the built site (Pagefind's index is made by `npm run build`). The fixture fails any
 * test that makes a request to another origin, so every test here also proves that searching
 * sends nothing anywhere else.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { articlesOnDisk, publishedArticles } from '../support/articles-on-disk';

const domainArticle = publishedArticles().find((article) => article.slug === 'unlock-domain-and-get-epp-code')!;

test('searching "EPP" from the header finds the domain article and opens it with the keyboard', async ({ page }) => {
  const searchAssets: string[] = [];
  page.on('request', (request) => {
    if (/\/pagefind\/|\/runtime\/search\./.test(request.url())) searchAssets.push(request.url());
  });
  await page.goto('/articles/check-invoices/');
  expect(searchAssets, 'nothing of search loads before the reader uses it').toEqual([]);

  const search = page.getByRole('search');
  const box = search.getByRole('searchbox', { name: 'Search the help center' });
  await box.focus();
  await page.keyboard.type('EPP');

  const results = search.getByRole('list', { name: 'Search results' });
  const first = results.getByRole('listitem').first();
  await expect(first.getByRole('link')).toHaveText(domainArticle.title);
  await expect(first.locator('mark').first()).toHaveText(/EPP/i);
  await expect(search.getByRole('status')).toHaveText(/^\d+ results? for “EPP”/);

  await page.keyboard.press('ArrowDown');
  await expect(first.getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/articles/${domainArticle.slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(domainArticle.title);
});

test('the home page search: arrows move through results, Escape returns to the box', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('search');
  await expect(search, 'the home page has one search box, not a second in the header').toHaveCount(1);
  const box = search.getByRole('searchbox', { name: 'Search the help center' });
  await box.fill('client area');
  const links = page.getByRole('list', { name: 'Search results' }).getByRole('link');
  await expect(links.nth(1)).toBeVisible();

  await box.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(box).toBeFocused();
  await expect(page.getByRole('list', { name: 'Search results' })).toBeHidden();
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search the help center' }).fill('xylophone');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(
    'No results for “xylophone”. Try other words, or browse the categories.',
  );
});

const twoFactor = publishedArticles().find((article) => article.slug === 'enable-two-factor-authentication')!;

test('Enter in the header search opens the results page, with the query in the box and the address', async ({
  page,
}) => {
  await page.goto('/articles/check-invoices/');
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search the help center' });
  await box.fill('invoice');
  await box.press('Enter');
  await expect(page).toHaveURL('/search/?q=invoice');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  const onPage = page.getByRole('main').getByRole('searchbox', { name: 'Search the help center' });
  await expect(onPage).toHaveValue('invoice');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
  // A new search on the results page stays there and updates the address (reload and share keep it).
  await onPage.fill('EPP');
  await onPage.press('Enter');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toHaveText(
    domainArticle.title,
  );
  await expect(page).toHaveURL('/search/?q=EPP');
});

// Words readers use that the article does not: found through its `keywords:` (frontmatter).
for (const query of ['mfa', 'otp', 'two step verification', 'authenticator code', 'MFA', 'one-time password']) {
  test(`“${query}” finds the 2FA article first`, async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: 'Search the help center' });
    await box.fill(query);
    await box.press('Enter');
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
    await expect(first.getByRole('link')).toHaveText(twoFactor.title);
    await expect(page).toHaveURL(`/search/?q=${encodeURIComponent(query).replace(/%20/g, '+')}`);
  });
}

test('keywords are not shown on the article or in an excerpt', async ({ page }) => {
  await page.goto(`/articles/${twoFactor.slug}/`);
  await expect(page.getByRole('main')).not.toContainText('MFA');
  await page.goto('/search/?q=mfa');
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
  await expect(first.getByRole('link')).toHaveText(twoFactor.title);
  await expect(first.locator('p')).not.toContainText('MFA');
});

test('/search/?q= runs the query from the address', async ({ page }) => {
  await page.goto('/search/?q=EPP');
  await expect(page.getByRole('searchbox', { name: 'Search the help center' })).toHaveValue('EPP');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toHaveText(
    domainArticle.title,
  );
  await expect(page.getByText('Search needs JavaScript')).toBeHidden();
});

test('open search results pass an accessibility check', async ({ page }) => {
  await page.goto('/articles/check-invoices/');
  await page.getByRole('searchbox', { name: 'Search the help center' }).fill('invoice');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('site-search').analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

test('excerpts are rebuilt as text and marks only, so no markup from the index can run', async ({ page }) => {
  await page.goto('/');
  const nodes = await page.evaluate(async () => {
    const url = document.querySelector('site-search')!.getAttribute('data-ui')!;
    const { excerptNodes } = (await import(url)) as { excerptNodes: (html: string) => Node[] };
    return excerptNodes('get the <mark>EPP</mark> code &amp; <img src="x" alt="y"><b>bold</b>').map((node) => [
      node.nodeName,
      node.textContent,
    ]);
  });
  expect(nodes).toEqual([
    ['#text', 'get the '],
    ['MARK', 'EPP'],
    ['#text', ' code & '],
    ['#text', ''],
    ['#text', 'bold'],
  ]);
});

/** Text as the index holds it: whitespace collapsed, quotes straightened, lower case. */
const plain = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * What only the simulator and the live figures show: the simulator's own strings (its no-JavaScript
 * step list, notes and controls, in en.json under `sim.`) and the live figures' captions. Short
 * labels ("Pause", "Steps") are left out, and so are sentences the articles' own text also has
 * (a step such as "Type your backup code and click Login." is in both).
 */
function simulatorTexts(): string[] {
  const strings = JSON.parse(readFileSync('src/i18n/en.json', 'utf8')) as Record<string, string>;
  const own = Object.entries(strings)
    .filter(([key]) => key.startsWith('sim.'))
    .flatMap(([, value]) => value.split(/\{\w+\}/));
  const articles = articlesOnDisk();
  const captions = articles.flatMap(({ body }) =>
    [...body.matchAll(/<LiveFigure[\s\S]*?caption="([^"]+)"/g)].map((match) => match[1]!),
  );
  const prose = plain(articles.map(({ body }) => body.replace(/<LiveFigure[\s\S]*?\/>/g, '')).join(' ')).replace(
    /\*\*/g,
    '',
  );
  return [...own, ...captions].map(plain).filter((text) => text.split(' ').length >= 5 && !prose.includes(text));
}

/** Every result of a query through Pagefind's own API: the page, its excerpt and all the text indexed for it. */
async function indexed(page: Page, query: string) {
  return page.evaluate(async (q) => {
    const address = '/pagefind/pagefind.js'; // in a variable: only the page can resolve it
    const pagefind = (await import(/* @vite-ignore */ address)) as {
      search(
        query: string,
      ): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; content: string }> }[] }>;
    };
    const found = await pagefind.search(q);
    return Promise.all(found.results.map((result) => result.data()));
  }, query);
}

test('no simulator or live-figure text is indexed or shown in an excerpt', async ({ page }) => {
  const texts = simulatorTexts();
  expect(texts.length, 'the step list and the captions are found').toBeGreaterThan(10);
  await page.goto('/');
  for (const query of ['two step verification', 'backup', 'javascript', 'simulator', 'robot', 'security settings']) {
    for (const result of await indexed(page, query)) {
      const content = plain(result.content);
      for (const text of texts) expect(content, `${result.url} indexes “${text}”`).not.toContain(text);
      expect(plain(result.excerpt), `${result.url}, excerpt for “${query}”`).not.toMatch(
        /needs javascript|could not load|simulator/,
      );
    }
  }
  // As a reader sees it: the excerpts under the box.
  const box = page.getByRole('searchbox', { name: 'Search the help center' });
  for (const query of ['two step verification', 'backup']) {
    await box.fill(query);
    const excerpts = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').locator('p');
    await expect(excerpts.first()).toBeVisible();
    for (const excerpt of await excerpts.allTextContents()) {
      const text = plain(excerpt);
      expect(text).not.toMatch(/needs javascript|could not load/);
      for (const own of texts) expect(own.includes(text) || text.includes(own), `“${text}”`).toBe(false);
    }
  }
});

/** The hue (0-360) of a computed CSS colour such as "rgb(29, 78, 216)". */
function hue(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => Number(part) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the search box’s focus ring does not look like an error (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/articles/check-invoices/');
    await page.keyboard.press('Tab'); // keyboard use: the ring shows as a keyboard user sees it
    const box = page.getByRole('searchbox', { name: 'Search the help center' });
    await box.focus();
    await expect(box).toBeFocused();
    const ring = await box.evaluate((input) => {
      const style = getComputedStyle(input);
      return { color: style.outlineColor, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // Not in the reds and oranges that the page uses for errors and warnings.
    const h = hue(ring.color);
    expect(h, `focus ring ${ring.color}`).toBeGreaterThan(180);
    expect(h, `focus ring ${ring.color}`).toBeLessThan(270);
  });
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the search form opens /search/, which explains and lists every article', async ({ page }) => {
    await page.goto('/articles/check-invoices/');
    await page.getByRole('searchbox', { name: 'Search the help center' }).fill('EPP');
    await page.getByRole('searchbox', { name: 'Search the help center' }).press('Enter');
    await expect(page).toHaveURL('/search/?q=EPP');
    await expect(page.getByText('Search needs JavaScript, which is off in this browser.')).toBeVisible();
    await expect(page.getByRole('link', { name: domainArticle.title })).toBeVisible();
  });
});

test.describe('for search engines', () => {
  test('the sitemap lists every article and not the search page', async ({ request }) => {
    const index = await (await request.get('/sitemap-index.xml')).text();
    const sitemap = /<loc>https?:\/\/[^/]+(\/sitemap-\d+\.xml)<\/loc>/.exec(index)?.[1];
    expect(sitemap).toBeDefined();
    const urls = await (await request.get(sitemap!)).text();
    for (const article of publishedArticles()) expect(urls).toContain(`/articles/${article.slug}/</loc>`);
    expect(urls).not.toContain('/search/');
  });

  test('an article has a canonical URL, a description and Open Graph tags from its frontmatter', async ({ page }) => {
    await page.goto(`/articles/${domainArticle.slug}/`);
    const meta = (selector: string) => page.locator(`head ${selector}`).getAttribute('content');
    const canonical = await page.locator('head link[rel=canonical]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`^https://[^/]+/articles/${domainArticle.slug}/$`));
    expect(await meta('meta[property="og:url"]')).toBe(canonical);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="og:title"]')).toBe(domainArticle.title);
    expect(await meta('meta[property="og:description"]')).toBe(await meta('meta[name=description]'));
    expect(await meta('meta[property="article:modified_time"]')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(
      page.getByRole('link', { name: 'Edit this article' }),
      'no edit link without an editBaseUrl',
    ).toHaveCount(0);
  });
});
