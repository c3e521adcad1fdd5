// @ts-check
/**
 * The yardstick for `npm run bench`'s build time: a bare Astro + MDX site of the same articles
 * (the issue's "1.2x of a bare build"). It has the same `content/articles/*.mdx`, one page per
 * article and a home page listing them, and nothing of ours: no schema, no content checks, no
 * taxonomy pages, no simulator (every component an article uses renders its children in a
 * <div>), no search index, no sitemap, no CSP.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const IMPORT_LINE = /^import\s.+from\s+['"][^'"]+['"];?\s*$/gm;
const COMPONENT_TAG = /<([A-Z][A-Za-z0-9]*)[\s/>]/g;

/**
 * Writes the bare site into `dir` (which must exist), with articles copied from `articlesDir`
 * and node_modules linked from `root`. Returns the number of articles.
 * @param {{ dir: string, root: string, articlesDir: string }} where
 */
export function writeBareSite({ dir, root, articlesDir }) {
  const target = join(dir, 'content/articles');
  mkdirSync(target, { recursive: true });
  /** @type {Set<string>} */
  const components = new Set();
  const files = readdirSync(articlesDir).filter((name) => name.endsWith('.mdx'));
  for (const name of files) {
    const text = readFileSync(join(articlesDir, name), 'utf8').replace(IMPORT_LINE, '');
    for (const match of text.matchAll(COMPONENT_TAG)) components.add(match[1] ?? '');
    writeFileSync(join(target, name), text);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n" +
      "export default defineConfig({ output: 'static', integrations: [mdx()], cacheDir: './.bench-cache' });\n",
  );
  mkdirSync(join(dir, 'src/pages/articles'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n" +
      "export const collections = { articles: defineCollection({ loader: glob({ base: './content/articles', pattern: '**/*.mdx' }) }) };\n",
  );
  writeFileSync(join(dir, 'src/Passthrough.astro'), '<div><slot /></div>\n');
  const mapping = [...components].map((name) => `${name}: Passthrough`).join(', ');
  writeFileSync(
    join(dir, 'src/pages/articles/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Passthrough from '../../Passthrough.astro';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><Content components={{ ${mapping} }} /></main></body></html>
`,
  );
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
const articles = await getCollection('articles');
---
<html lang="en"><head><meta charset="utf-8" /><title>Help</title></head>
<body><ul>{articles.map((a) => <li><a href={\`/articles/\${a.id}/\`}>{a.data.title}</a></li>)}</ul></body></html>
`,
  );
  return files.length;
}
