// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentChecks from './src/integrations/content-checks.ts';
import site from './src/data/site.json' with { type: 'json' };

export default defineConfig({
  site: site.siteUrl,
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // The search page only explains search and lists articles: no value in a search engine.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/search/') }),
    contentChecks(),
  ],
  markdown: {
    // Shiki writes inline styles, which a Content-Security-Policy would have to allow.
    syntaxHighlight: 'prism',
  },
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    // Lazy chunks (the simulator) are fetched by a tiny loader; Vite's modulepreload helper
    // would add ~1 KB to every page's eager JS for no gain here.
    build: { modulePreload: false },
  },
});
