// @ts-check
import { defineConfig } from 'astro/config';
import { loadEnv } from 'vite';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import contentChecks from './src/integrations/content-checks.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { prosePlugins } from './src/lib/prose-plugins.ts';
import site from './src/data/site.json' with { type: 'json' };

// Votes may go to a collector on another origin (README, Configuration): the policy lets that
// one origin through, and nothing else. A relative address ("/": the collector serves the site
// itself, as `npm start` does) is covered by 'self'. Unset: nothing is sent, 'self' only.
const feedbackUrl = loadEnv(process.env.NODE_ENV ?? 'production', process.cwd(), 'PUBLIC_').PUBLIC_FEEDBACK_URL;
if (feedbackUrl && !/^(https?:\/\/[^/]+|\/)/.test(feedbackUrl))
  throw new Error(
    `PUBLIC_FEEDBACK_URL "${feedbackUrl}" is not a collector address: use https://feedback.example.com/ (a collector on its own origin), or / when the collector serves the site itself.`,
  );
const feedbackOrigin = feedbackUrl && URL.canParse(feedbackUrl) ? ` ${new URL(feedbackUrl).origin}` : '';

export default defineConfig({
  site: site.siteUrl,
  output: 'static',
  // Two pages render at a time: while one waits (its Markdown module loading, its file being
  // written, the policy's hashes), the other renders. Measured with `npm run bench`: the build of
  // 1,000 articles from 1.24-1.30x to 1.20x a bare Astro + MDX build (README, Performance).
  build: { concurrency: 2 },
  trailingSlash: 'always',
  integrations: [
    // Each article's static Markdown renders as one string rather than element by element: what
    // headings and links need is added when it compiles (src/lib/prose-plugins.ts).
    mdx({ optimize: true }),
    // The search page only explains search and lists articles: no value in a search engine.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/search/') }),
    contentChecks(),
    // dist/_headers (and nginx, Caddy) from the pages' policy; CSP_REPORT_URL: where reports go.
    securityHeaders({ reportUrl: process.env.CSP_REPORT_URL }),
  ],
  markdown: {
    // Section links on headings and printed addresses on links, at compile time.
    processor: satteri({ hastPlugins: prosePlugins }),
    // Shiki writes inline styles, which a Content-Security-Policy would have to allow.
    syntaxHighlight: 'prism',
  },
  security: {
    // A hashed Content-Security-Policy <meta> on every page (only with build + preview, not dev).
    // Nothing may come from another origin; no inline script or style attribute is allowed.
    csp: {
      directives: [
        "default-src 'self'",
        // The enable window's QR code is an <img> with a data: SVG address.
        "img-src 'self' data:",
        `connect-src 'self'${feedbackOrigin}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // 'self': Astro hashes its own inline module scripts; what they import() by address (the
        // simulator runtime and search UI under /runtime/, /pagefind/pagefind.js) needs 'self',
        // as there is no 'strict-dynamic' here to extend the hashes' trust to them.
        // 'wasm-unsafe-eval': Pagefind compiles its WASM index reader with WebAssembly.instantiate
        // on the page when its worker (/pagefind/pagefind-worker.js, allowed by 'self') fails.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro marks each MDX article's asset module with a "use astro:head-inject" directive,
          // which it reads itself before bundling; the bundler then warns, once per article, that
          // it may not keep the directive. Nothing to act on: a known Astro issue
          // (withastro/astro#18087). Every other warning is printed as usual.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
