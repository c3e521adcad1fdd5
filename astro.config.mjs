// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import site from './src/data/site.json' with { type: 'json' };

export default defineConfig({
  site: site.siteUrl,
  output: 'static',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: {
    // Shiki writes inline styles, which a Content-Security-Policy would have to allow.
    syntaxHighlight: 'prism',
  },
  server: { host: '127.0.0.1', port: 4321 },
});
