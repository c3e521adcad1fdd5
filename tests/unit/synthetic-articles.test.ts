/**
 * The benchmark's synthetic articles (scripts/lib/synthetic-articles.mjs) must pass what a
 * writer's article must pass, or `npm run bench` would measure a failing build.
 */
import { describe, expect, it } from 'vitest';
import { makeArticleSchema } from '../../src/content/article-schema';
import { checkArticles } from '../../src/content/checks';
import { CATEGORIES } from '../../src/lib/taxonomy';
import { STEPS } from '../../src/simulator/index';
import { SIMULATOR_STARTS, syntheticArticles } from '../../scripts/lib/synthetic-articles.mjs';
import { splitFrontmatter } from '../support/articles-on-disk';

const articles = syntheticArticles(120);
const schema = makeArticleSchema(() => articles.map((article) => article.slug));

describe('synthetic benchmark articles', () => {
  it('have frontmatter the schema accepts', () => {
    const problems = articles.flatMap((article) => {
      const result = schema.safeParse(splitFrontmatter(article.text).frontmatter);
      return result.success
        ? []
        : result.error.issues.map((issue) => `${article.slug}: ${issue.path.join('.')}: ${issue.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('pass the content checks (unique titles, links and related articles that exist)', () => {
    const files = articles.map((article) => ({ file: `content/articles/${article.slug}.mdx`, source: article.text }));
    const facts = { categoryIds: CATEGORIES.map((category) => category.id), publicFiles: ['/favicon.svg'] };
    expect(checkArticles(files, facts)).toEqual([]);
  });

  it('embed a simulator in one article in ten, starting at every named step', () => {
    expect(articles.filter((article) => article.simulator)).toHaveLength(12);
    expect([...SIMULATOR_STARTS].sort()).toEqual([...STEPS].sort());
    const starts = new Set(
      articles.flatMap((article) => [...article.text.matchAll(/<Simulator start="([^"]+)"/g)].map((m) => m[1])),
    );
    expect([...starts].sort()).toEqual([...STEPS].sort());
  });

  it('still make a valid site of one article', () => {
    const [only] = syntheticArticles(1);
    expect(splitFrontmatter(only!.text).frontmatter['related']).toEqual([]);
  });
});
