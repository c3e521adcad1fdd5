/** Frontmatter mistakes as the build reports them: file, line, field, what is wrong, the fix. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/content/did-you-mean';
import { checkFrontmatter, readFrontmatter, splitMessage } from '../../src/content/frontmatter';
import { articlesOnDisk } from '../support/articles-on-disk';

const FILE = 'content/articles/pay-an-invoice.mdx';
const SLUGS = ['check-invoices', 'log-in-to-the-client-area'];
const VALID = [
  'title: How to pay an invoice',
  'description: Pay an invoice from the client area with a card or a bank transfer, and get a receipt.',
  'category: billing',
  'tags: [Billing, Invoices]',
  'related: [check-invoices]',
  'updated: 2026-11-20',
  'draft: false',
];

/** The file with VALID's lines changed by `edit` (lines 2-8 are VALID's; line 1 is ---). */
function check(edit: (lines: string[]) => string[]) {
  return checkFrontmatter([{ file: FILE, source: `---\n${edit([...VALID]).join('\n')}\n---\n\nText.\n` }], SLUGS);
}
const replace = (from: string, to: string) => (lines: string[]) => lines.map((line) => line.replace(from, to));

describe('checkFrontmatter', () => {
  it('accepts the articles on disk', () => {
    const onDisk = articlesOnDisk();
    const files = onDisk.map(({ file }) => ({ file, source: readFileSync(file, 'utf8') }));
    expect(
      checkFrontmatter(
        files,
        onDisk.map((article) => article.slug),
      ),
    ).toEqual([]);
  });

  it('accepts the valid example', () => {
    expect(check((lines) => lines)).toEqual([]);
  });

  it('reports a misspelt field once, on its line, with the field it looks like', () => {
    expect(check(replace('title:', 'tittle:'))).toEqual([
      {
        file: FILE,
        line: 2,
        field: 'tittle',
        message: 'unknown frontmatter field "tittle"',
        fix: 'did you mean title? The fields are title, description, category, tags, keywords, related, updated and draft (check the spelling).',
      },
    ]);
  });

  it('reports an unknown field that looks like none, and a missing field at the top of the file', () => {
    expect(check((lines) => [...lines.slice(1), 'author: Sam'])).toEqual([
      {
        file: FILE,
        line: 1,
        field: 'title',
        message: 'title is missing',
        fix: 'give the article a title of 10 to 120 characters.',
      },
      {
        file: FILE,
        line: 8,
        field: 'author',
        message: 'unknown frontmatter field "author"',
        fix: 'the fields are title, description, category, tags, keywords, related, updated and draft (check the spelling).',
      },
    ]);
  });

  it('suggests the category and the related article a misspelt slug looks like', () => {
    expect(
      check((lines) =>
        replace('category: billing', 'category: biling')(replace('[check-invoices]', '[check-invoice]')(lines)),
      ),
    ).toEqual([
      {
        file: FILE,
        line: 4,
        field: 'category',
        message: `category "biling" is not one of the help center's categories`,
        fix: 'did you mean billing? Use one of account-security, domains, billing, hosting, email (listed in src/data/categories.json).',
      },
      {
        file: FILE,
        line: 6,
        field: 'related',
        message: 'related article "check-invoice" does not exist',
        fix: 'did you mean check-invoices? Use the file name (without .mdx) of an article in content/articles/.',
      },
    ]);
  });

  it('points at the item of a list written one item a line', () => {
    const problems = check(
      replace('related: [check-invoices]', 'related:\n  - check-invoices\n  - log-in-to-the-clientarea'),
    );
    expect(problems).toMatchObject([
      { line: 8, field: 'related', fix: expect.stringMatching(/^did you mean log-in-to-the-client-area\?/) },
    ]);
  });

  it('reports YAML it cannot read on the line where reading stopped', () => {
    const [problem, ...rest] = check(replace('tags: [Billing, Invoices]', 'tags: [Billing, Invoices'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: FILE, message: expect.stringMatching(/^the frontmatter cannot be read \(/) });
    expect(problem?.line).toBeGreaterThanOrEqual(5);
    expect(problem?.fix).toMatch(/needs quotes around all of it/);
  });

  it('reports a file without frontmatter', () => {
    expect(checkFrontmatter([{ file: FILE, source: 'Just text.\n' }], SLUGS)).toEqual([
      expect.objectContaining({ file: FILE, line: 1, message: 'the file has no frontmatter' }),
    ]);
  });
});

describe('readFrontmatter', () => {
  it('finds the line of each field and of the body', () => {
    const { keyLines, bodyLine, data } = readFrontmatter({
      file: FILE,
      source: `---\n${VALID.join('\n')}\n---\n\nText.\n`,
    });
    expect(keyLines.get('title')).toBe(2);
    expect(keyLines.get('draft')).toBe(8);
    expect(bodyLine).toBe(10);
    expect(data?.['category']).toBe('billing');
  });
});

describe('splitMessage', () => {
  it('divides at the first ": " outside quotes', () => {
    expect(splitMessage('category "a: b" is not one of them: use billing.')).toEqual({
      message: 'category "a: b" is not one of them',
      fix: 'use billing.',
    });
  });
});

describe('didYouMean', () => {
  const fields = ['title', 'description', 'category', 'tags', 'keywords', 'related', 'updated', 'draft'];
  it.each([
    ['tittle', 'title'],
    ['categroy', 'category'],
    ['Title', 'title'],
    ['tag', 'tags'],
    ['releated', 'related'],
    ['descripton', 'description'],
  ])('%s -> %s', (word, guess) => {
    expect(didYouMean(word, fields)).toBe(guess);
  });

  it.each([['author'], ['title'], ['x']])('has no guess for %s', (word) => {
    expect(didYouMean(word, fields)).toBeUndefined();
  });
});
