/** `npm run new:article`: the file name it picks, the frontmatter it writes, what it refuses. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleTemplate, createArticle, localDate, slugFromTitle } from '../../scripts/new-article.mjs';
import { makeArticleSchema } from '../../src/content/article-schema';
import { checkArticles, draftsIn } from '../../src/content/checks';
import { checkFrontmatter } from '../../src/content/frontmatter';
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

  it('is a draft, with frontmatter the schema accepts: today, the first category, no related articles', () => {
    const parsed = makeArticleSchema(() => onDisk.map((article) => article.slug)).parse(frontmatter);
    expect(parsed).toMatchObject({
      title: 'How to download an invoice: a guide',
      category: CATEGORIES[0]?.id,
      related: [],
      draft: true,
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

  const FILE = 'content/articles/download-an-invoice.mdx';
  const facts = { categoryIds: CATEGORIES.map((category) => category.id) };
  const withOthers = (source: string) => [
    ...onDisk.map(({ file }) => ({ file, source: readFileSync(file, 'utf8') })),
    { file: FILE, source },
  ];

  it('passes the content checks as a draft, which lists its TODOs', () => {
    const files = withOthers(text);
    expect(checkFrontmatter(files, [...onDisk.map((article) => article.slug), 'download-an-invoice'])).toEqual([]);
    expect(checkArticles(files, facts)).toEqual([]);
    expect(draftsIn(files)).toContainEqual({ file: FILE, todos: 3 });
  });

  it('stops the build when published with its TODOs: the description, the tags and the text', () => {
    const problems = checkArticles(withOthers(text.replace(/^draft: true$/m, 'draft: false')), facts);
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['description', 'description still says "TODO Say in one or two sentences what this …"'],
      ['tags', 'tags still says "TODO"'],
      [undefined, 'the text still says "TODO: replace the examples below with your …"'],
    ]);
    for (const problem of problems) expect(problem.fix).toMatch(/replace it with your own text, or set draft: true/);
  });

  it('passes once every TODO is replaced and it is published', () => {
    const done = text
      .replace(/^description: TODO.*$/m, 'description: Find an invoice in the client area and save it as a PDF file.')
      .replace(/^tags: \[TODO\]$/m, 'tags: [Billing]')
      .replace(/^\{\/\* TODO.*\*\/\}$/m, '')
      .replace(/^draft: true$/m, 'draft: false');
    expect(checkArticles(withOthers(done), facts)).toEqual([]);
  });

  it('marks as TODO only what the writer must replace: no comment says TODO', () => {
    expect(frontmatter).toMatchObject({ description: expect.stringMatching(/^TODO /), tags: ['TODO'] });
    expect(text.split('\n').filter((line) => /\bTODO\b/.test(line))).toHaveLength(3);
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
