import { describe, expect, it } from 'vitest';
import { makeArticleSchema } from '../../src/content/article-schema';
import { articlesOnDisk } from '../support/articles-on-disk';

const onDisk = articlesOnDisk();
const schema = makeArticleSchema(() => onDisk.map((article) => article.slug));

const valid = {
  title: 'How to do something useful',
  description: 'One sentence that says what this article helps the reader to do.',
  category: 'billing',
  tags: ['Billing'],
  related: ['check-invoices'],
  updated: new Date('2026-11-20'),
  draft: false,
};

function messages(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('article frontmatter schema', () => {
  it.each(onDisk.map((article) => [article.slug, article.frontmatter]))('%s passes', (_, frontmatter) => {
    expect(messages(frontmatter)).toEqual([]);
  });

  it('accepts the valid example', () => {
    expect(messages(valid)).toEqual([]);
  });

  it('takes keywords as an optional list (none by default)', () => {
    expect(schema.parse(valid).keywords).toEqual([]);
    expect(schema.parse({ ...valid, keywords: [' MFA ', 'two-step verification'] }).keywords).toEqual([
      'MFA',
      'two-step verification',
    ]);
  });

  it.each([
    [
      'a misspelled key',
      { ...valid, categroy: 'billing' },
      /unknown frontmatter field "categroy": did you mean category\? The fields are title, description/,
    ],
    [
      'an unknown key that looks like no field',
      { ...valid, author: 'Sam' },
      /unknown frontmatter field "author": the fields are title, description, category, tags, keywords, related, updated and draft \(check the spelling\)/,
    ],
    ['a title that is not text', { ...valid, title: 2026 }, /^title: title 2026 is not text: give the article a title/],
    ['a missing title', { ...valid, title: undefined }, /^title: title is missing/],
    ['a missing description', { ...valid, description: undefined }, /^description: description is missing/],
    ['a short description', { ...valid, description: 'Too short.' }, /description is too short/],
    ['a missing category', { ...valid, category: undefined }, /^category: category is missing: use one of/],
    [
      'an unknown category',
      { ...valid, category: 'Security' },
      /category "Security" is not one of the help center's categories: use one of account-security, domains, billing, hosting, email/,
    ],
    [
      'a misspelt category',
      { ...valid, category: 'biling' },
      /category "biling" is not one of the help center's categories: did you mean billing\? Use one of account-security/,
    ],
    ['no tags', { ...valid, tags: [] }, /tags is empty/],
    [
      'tags as one string',
      { ...valid, tags: 'Billing' },
      /tags "Billing" is not a list: write the tags in square brackets/,
    ],
    ['a number as a tag', { ...valid, tags: [2026] }, /^tags\.0: tag 2026 is not text: put it in quotes/],
    [
      'keywords as one string',
      { ...valid, keywords: 'MFA, OTP' },
      /keywords "MFA, OTP" is not a list: write them in square brackets/,
    ],
    ['a one-letter keyword', { ...valid, keywords: ['M'] }, /a keyword is too short/],
    [
      'too many keywords',
      { ...valid, keywords: Array.from({ length: 21 }, (_, i) => `word ${i}`) },
      /keywords has too many entries/,
    ],
    [
      'a related slug that does not exist',
      { ...valid, related: ['no-such-article'] },
      /^related\.0: related article "no-such-article" does not exist: use the file name/,
    ],
    [
      'a misspelt related slug',
      { ...valid, related: ['check-invoices', 'check-invoice'] },
      /^related\.1: related article "check-invoice" does not exist: did you mean check-invoices\? Use the file name/,
    ],
    [
      'a related title instead of a slug',
      { ...valid, related: ['Check Invoices'] },
      /related entry "Check Invoices" is not an article slug/,
    ],
    [
      'a quoted date',
      { ...valid, updated: '20/11/2026' },
      /updated "20\/11\/2026" is not a date: write it as YYYY-MM-DD/,
    ],
    ['a missing date', { ...valid, updated: undefined }, /^updated: updated is missing: write it as YYYY-MM-DD/],
    [
      'the retired hand-typed helpfulCount',
      { ...valid, helpfulCount: 3 },
      /helpfulCount is no longer used: .*counts the votes readers send.*Delete the helpfulCount line/,
    ],
    ['draft as text', { ...valid, draft: 'yes' }, /draft "yes" is not true or false: write draft: true while you work/],
  ])('rejects %s with a message that names the field and the fix', (_, data, expected) => {
    const found = messages(data);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(expected);
  });

  it('defaults draft to false and related to an empty list', () => {
    const { draft: _draft, related: _related, ...minimal } = valid;
    const parsed = schema.parse(minimal);
    expect(parsed.draft).toBe(false);
    expect(parsed.related).toEqual([]);
  });
});
