/**
 * `astro dev` only (added by the content-checks integration): the page of an article whose
 * frontmatter is wrong shows the mistakes, each with its line, the field and the fix, above the
 * frontmatter with those lines marked, instead of "page not found" (the article is left out of
 * the collection until it is fixed: src/content/keep-going-in-dev.ts).
 *
 * A page of its own rather than Astro's error overlay: the overlay reaches the browser over the
 * dev server's WebSocket 200 ms after the page, and a page that connects later (a slow machine,
 * a second tab) shows an empty screen instead. This one is plain HTML, readable without
 * JavaScript; it loads Vite's client so that saving the fixed file reloads it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { MiddlewareHandler } from 'astro';
import { checkFrontmatter, readFrontmatter } from '../content/frontmatter';
import type { Problem } from '../content/checks';

const ARTICLES_DIR = 'content/articles';

export const onRequest: MiddlewareHandler = (context, next) => {
  const slug = /^\/articles\/([a-z0-9-]+)\/?$/.exec(context.url.pathname)?.[1];
  const file = `${ARTICLES_DIR}/${slug}.mdx`;
  if (slug === undefined || !existsSync(file)) return next();
  const source = readFileSync(file, 'utf8');
  const slugs = readdirSync(ARTICLES_DIR)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length));
  const problems = checkFrontmatter([{ file, source }], slugs);
  if (problems.length === 0) return next();
  return new Response(errorPage(file, source, problems), {
    status: 500,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function errorPage(file: string, source: string, problems: readonly Problem[]): string {
  const heading = `${file} has ${problems.length === 1 ? 'a frontmatter mistake' : `${problems.length} frontmatter mistakes`}`;
  const wrong = new Set(problems.map((problem) => problem.line));
  const { lines } = readFrontmatter({ file, source });
  const shown = ['---', ...lines, '---'];
  const width = String(shown.length).length;
  const listing = shown
    .map((line, index) => {
      const text = `${String(index + 1).padStart(width)}  ${escape(line)}`;
      return wrong.has(index + 1) ? `<mark>${text}</mark>` : text;
    })
    .join('\n');
  const items = problems
    .map(
      (problem) =>
        `<li><code>${escape(`${problem.file}:${problem.line}`)}</code> ${escape(problem.message)}.${problem.fix ? ` <strong>Fix:</strong> ${escape(problem.fix)}` : ''}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(heading)}</title>
<script type="module" src="/@vite/client"></script>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: CanvasText; background: Canvas; }
li { margin-block: 0.5rem; }
pre { overflow-x: auto; padding: 1rem; border: 1px solid; }
mark { font-weight: bold; }
</style>
</head>
<body>
<main>
<h1>${escape(heading)}</h1>
<p>The preview leaves this article out, and the build stops on it, until each line below is fixed. Save the file and this page shows the article again.</p>
<ol>
${items}
</ol>
<h2>The frontmatter of ${escape(file)}</h2>
<pre>${listing}</pre>
<p>CONTRIBUTING.md, "Frontmatter fields", explains each field.</p>
</main>
</body>
</html>
`;
}
