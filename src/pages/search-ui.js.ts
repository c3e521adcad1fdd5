/**
 * /search-ui.js: the live search UI (src/components/search/search-ui.ts) as a small module of
 * its own. <site-search> loads it with import(url) on the first focus of the search box, the way
 * it loads Pagefind, so pages carry none of it until the reader searches. (Imported as a Vite
 * chunk instead, it would bring Vite's ~1 KB preload helper into every page's eager JS.)
 */
import type { APIRoute } from 'astro';
import { transform } from 'esbuild';
import source from '../components/search/search-ui.ts?raw';

export const GET: APIRoute = async () => {
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', minify: true, legalComments: 'none' });
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
