import { describe, expect, it } from 'vitest';
import { groupByTag, mostHelpful, resolveRelated, tagSlug, type ArticleLike } from '../../src/lib/taxonomy';

function article(id: string, overrides: Partial<ArticleLike['data']> = {}): ArticleLike {
  return {
    id,
    data: {
      title: id,
      description: `About ${id}`,
      category: 'billing',
      tags: [],
      related: [],
      updated: new Date('2026-01-01'),
      draft: false,
      ...overrides,
    },
  };
}

describe('related articles', () => {
  const a = article('a', { related: ['c', 'b', 'a', 'draft', 'b'] });
  const b = article('b');
  const c = article('c');
  const draft = article('draft', { draft: true });

  it('keeps the writer’s order and skips drafts, duplicates and the article itself', () => {
    expect(resolveRelated(a, [a, b, c, draft]).map((entry) => entry.id)).toEqual(['c', 'b']);
  });

  it('is empty when nothing is related', () => {
    expect(resolveRelated(b, [a, b, c])).toEqual([]);
  });
});

describe('tags', () => {
  it.each([
    ['2FA', '2fa'],
    ['Two-factor authentication', 'two-factor-authentication'],
    ['Account & Security', 'account-and-security'],
    ['  Café  ', 'cafe'],
  ])('%s has the URL slug %s', (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug);
  });

  it('groups articles by tag, merging spellings that differ only in case', () => {
    const groups = groupByTag([article('x', { tags: ['Security', '2FA'] }), article('y', { tags: ['security'] })]);
    expect([...groups.keys()].sort()).toEqual(['2fa', 'security']);
    expect(groups.get('security')!.articles.map((entry) => entry.id)).toEqual(['x', 'y']);
  });
});

it('most helpful puts the highest collected count first, then by title', () => {
  const counts: Record<string, number> = { low: 1, high: 9, mid: 5 };
  const list = mostHelpful(
    [article('low'), article('high'), article('mid'), article('a-none')],
    3,
    (slug) => counts[slug] ?? 0,
  );
  expect(list.map((entry) => entry.id)).toEqual(['high', 'mid', 'low']);
  expect(mostHelpful([article('b'), article('a')], 2, () => 0).map((entry) => entry.id)).toEqual(['a', 'b']);
});
