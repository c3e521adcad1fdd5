/**
 * Pure helpers over article data: tags, categories, related articles, dates.
 * No Astro imports here, so Vitest can test them directly.
 */
import categories from '../data/categories.json' with { type: 'json' };
import { cached } from './cached';

export interface Category {
  id: string;
  name: string;
  description: string;
}

/** The minimum an article needs for the helpers below (an Astro entry satisfies it). */
export interface ArticleLike {
  id: string;
  data: {
    title: string;
    description: string;
    category: string;
    tags: readonly string[];
    related: readonly string[];
    updated: Date;
    draft: boolean;
  };
}

export const CATEGORIES: readonly Category[] = categories;

export function categoryById(id: string): Category {
  const category = CATEGORIES.find((candidate) => candidate.id === id);
  if (!category) throw new Error(`Unknown category "${id}": expected one of ${CATEGORIES.map((c) => c.id).join(', ')}`);
  return category;
}

/** Tags repeat across every article; each distinct spelling is slugged once per build. */
const tagSlugs = new Map<string, string>();

/** "Two-factor authentication" -> "two-factor-authentication"; "2FA" -> "2fa". */
export function tagSlug(tag: string): string {
  return cached(tagSlugs, tag, slugify);
}

function slugify(tag: string): string {
  return tag
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const paths = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}/`,
  category: (id: string) => `/categories/${id}/`,
  tag: (tag: string) => `/tags/${tagSlug(tag)}/`,
  tags: () => '/tags/',
  search: () => '/search/',
};

/**
 * The related articles of `article`, in the order the writer listed them, skipping drafts
 * and the article itself. Unknown slugs never reach here: the schema rejects them.
 */
export function resolveRelated<A extends ArticleLike>(article: A, all: readonly A[]): A[] {
  const bySlug = indexBySlug(all);
  const seen = new Set<string>();
  const related: A[] = [];
  for (const slug of article.data.related) {
    const entry = bySlug.get(slug);
    if (!entry || entry.id === article.id || entry.data.draft || seen.has(slug)) continue;
    seen.add(slug);
    related.push(entry);
  }
  return related;
}

// Every page asks with the same list of articles: index it once, not once per page.
const indexes = new WeakMap<readonly ArticleLike[], ReadonlyMap<string, ArticleLike>>();

function indexBySlug<A extends ArticleLike>(all: readonly A[]): ReadonlyMap<string, A> {
  return cached(indexes, all, () => new Map(all.map((entry) => [entry.id, entry]))) as ReadonlyMap<string, A>;
}

/** Every tag with the articles carrying it; tags that differ only in case or spacing merge. */
export function groupByTag<A extends ArticleLike>(all: readonly A[]): Map<string, { tag: string; articles: A[] }> {
  const groups = new Map<string, { tag: string; articles: A[] }>();
  for (const article of all) {
    for (const tag of article.data.tags) {
      const slug = tagSlug(tag);
      const group = groups.get(slug) ?? { tag, articles: [] };
      if (!group.articles.includes(article)) group.articles.push(article);
      groups.set(slug, group);
    }
  }
  return groups;
}

/** The `limit` articles most readers found helpful (`helpful` gives the collected count). */
export function mostHelpful<A extends ArticleLike>(
  all: readonly A[],
  limit: number,
  helpful: (slug: string) => number,
): A[] {
  return [...all]
    .sort((a, b) => helpful(b.id) - helpful(a.id) || a.data.title.localeCompare(b.data.title))
    .slice(0, limit);
}

export function byTitle<A extends ArticleLike>(a: A, b: A): number {
  return a.data.title.localeCompare(b.data.title);
}

/** "20 November 2026", in UTC so a build's time zone never shifts the day. */
export function formatDate(date: Date): string {
  return LONG_DATE.format(date);
}
// Made once: creating an Intl.DateTimeFormat costs far more than formatting with one.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
