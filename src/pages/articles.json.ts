/**
 * /articles.json: the published articles, for the feedback collector, which accepts votes and
 * simulator events only for these slugs and shows their titles on its dashboard.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../lib/articles';

export const GET: APIRoute = async () => {
  const articles = await getArticles();
  const list = articles
    .map((article) => ({ slug: article.id, title: article.data.title }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return new Response(`${JSON.stringify({ articles: list }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
