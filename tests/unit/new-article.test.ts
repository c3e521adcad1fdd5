/** `npm run new:article`: the file name it picks, the frontmatter it writes, what it refuses. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleTemplate, createArticle, localDate, slugFromTitle } from '../../scripts/new-article.mjs';
import { makeArticleSchema } from '../../src/content/article-schema';
import { checkArticles, findTodos } from '../../src/content/checks';
import { CATEGORIES } from '../../src/lib/taxonomy';
import { articlesOnDisk, splitFrontmatter } from '../support/articles-on-disk';

describe('slugFromTitle', () => {
  it.each([
    ['How to download an invoice', 'download-an-invoice'],
    ['How To Download An Invoice (PDF)', 'download-an-invoice-pdf'],
    ['  how to   reset your 2FA  ', 'reset-your-2fa'],
    ['Domains & DNS: the basics', 'domains-and-dns-the-basics'],
    ['Ändern Sie Ihr Passwort', 'andern-sie-ihr-passwort'],
    ['Why is my how-to page blank?', 'why-is-my-how-to-page-blank'],
  ])('%j -> %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });
});

describe('the new article', () => {
  const onDisk = articlesOnDisk();
  const text = articleTemplate({
    title: 'How to download an invoice: a guide',
    today: '2026-11-28',
    tags: ['Billing'],
  });
  const { frontmatter } = splitFrontmatter(text);

  it('has frontmatter the schema accepts, with today, the first category and no related articles', () => {
    const parsed = makeArticleSchema(() => onDisk.map((article) => article.slug)).parse(frontmatter);
    expect(parsed).toMatchObject({
      title: 'How to download an invoice: a guide',
      category: CATEGORIES[0]?.id,
      related: [],
      draft: false,
    });
    expect(parsed.updated.toISOString().slice(0, 10)).toBe('2026-11-28');
  });

  it('names the other categories and the tags in use in comments', () => {
    for (const category of CATEGORIES) expect(text).toContain(category.id);
    expect(text).toMatch(/^# .*Tags in use: Billing\./m);
  });

  it('imports and shows each writer component', () => {
    expect(text).toContain(
      "import { Steps, Step, Note, Tip, Warning, Kbd, Figure } from '../../src/components/writer';",
    );
    for (const tag of ['<Steps>', '<Step>', '<Note>', '<Tip>', '<Warning', '<Kbd keys=', '<Figure src='])
      expect(text).toContain(tag);
  });

  it('passes the content checks, and its TODOs are reported as warnings', () => {
    const files = [
      ...onDisk.map(({ file }) => ({ file, source: readFileSync(file, 'utf8') })),
      { file: 'content/articles/download-an-invoice.mdx', source: text },
    ];
    expect(checkArticles(files, { categoryIds: CATEGORIES.map((category) => category.id) })).toEqual([]);
    expect(findTodos({ file: 'x.mdx', source: text }).length).toBeGreaterThan(0);
  });

  it('dates the article in the local time zone, as YYYY-MM-DD', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('createArticle', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'new-article-'));
    writeFileSync(
      join(dir, 'check-invoices.mdx'),
      '---\ntitle: How to check invoices\ntags: [Billing, Invoices]\n---\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes content/articles/<slug>.mdx with the title and the tags in use', () => {
    expect(createArticle({ title: 'How to download an invoice', dir, today: '2026-11-28' })).toEqual({
      slug: 'download-an-invoice',
      file: 'content/articles/download-an-invoice.mdx',
    });
    const written = readFileSync(join(dir, 'download-an-invoice.mdx'), 'utf8');
    expect(written).toMatch(/^title: How to download an invoice$/m);
    expect(written).toMatch(/^updated: 2026-11-28$/m);
    expect(written).toContain('Tags in use: Billing, Invoices.');
  });

  it.each([
    [
      'an existing file',
      'How to check invoices',
      /content\/articles\/check-invoices\.mdx already exists\. Edit that file, or choose a different title\./,
    ],
    [
      'an empty title',
      '   ',
      /Give the article a title, for example: npm run new:article -- "How to download an invoice"/,
    ],
    ['a title too short for the schema', 'How to x', /The title has 8 characters: use 10 to 120/],
    ['a title with no letters', 'How to ?!?!?!?!', /has no letters or digits to make a file name from/],
  ])('refuses %s with a message that says what to do', (_, title, message) => {
    expect(() => createArticle({ title, dir })).toThrow(message);
    expect(readFileSync(join(dir, 'check-invoices.mdx'), 'utf8')).toContain('How to check invoices');
  });
});
