/**
 * Reads the writers' files the way Astro does (js-yaml frontmatter), so tests derive what the
 * site should show from the content itself instead of hard-coding it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';

export const ARTICLES_DIR = 'content/articles';

export interface ArticleOnDisk {
  slug: string;
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

export function splitFrontmatter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return { frontmatter: {}, body: source };
  return { frontmatter: (load(match[1] ?? '') ?? {}) as Record<string, unknown>, body: match[2] ?? '' };
}

export function articlesOnDisk(dir = ARTICLES_DIR): ArticleOnDisk[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const file = `${dir}/${name}`;
      return { slug: name.replace(/\.mdx$/, ''), file, ...splitFrontmatter(readFileSync(file, 'utf8')) };
    });
}

export interface PublishedArticle {
  slug: string;
  title: string;
  category: string;
  tags: string[];
  related: string[];
}

export function publishedArticles(dir = ARTICLES_DIR): PublishedArticle[] {
  return articlesOnDisk(dir)
    .filter((article) => article.frontmatter['draft'] !== true)
    .map(({ slug, frontmatter }) => ({
      slug,
      title: String(frontmatter['title']),
      category: String(frontmatter['category']),
      tags: (frontmatter['tags'] as string[] | undefined) ?? [],
      related: (frontmatter['related'] as string[] | undefined) ?? [],
    }));
}
