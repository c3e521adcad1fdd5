/** Loads the published articles (drafts only in `astro dev`). Routes call this, nothing else. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Article = CollectionEntry<'articles'>;

export async function getArticles(): Promise<Article[]> {
  return getCollection('articles', (entry) => import.meta.env.DEV || !entry.data.draft);
}
