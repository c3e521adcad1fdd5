/**
 * Page weight of a built site, shared by `npm run size` (scripts/size.mjs) and `npm run bench`
 * (scripts/bench.mjs): bytes of HTML, CSS and JS each page loads, raw and gzipped, and the
 * budgets of size-budgets.json applied to them.
 *
 * JS is split into what loads with the page ("eager": inline and <script src> with their static
 * imports) and what a page fetches later through dynamic import() ("lazy": the simulator).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @typedef {{ raw: number, gz: number }} Size */
/** @typedef {{ html: Size, css: Size, eagerJs: Size, lazyJs: Size, total: Size }} PageWeight */

export const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const sizes = (texts) => ({
  raw: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
  gz: texts.reduce((n, t) => n + gz(t), 0),
});

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

/** JS files reached from `sources` in `dist`: static imports are eager, import() is lazy. */
function jsGraph(dist, sources) {
  const eager = new Map();
  const lazy = new Map();
  const follow = (code, base, into) => {
    const at = (spec) => (spec.startsWith(dist) ? spec : spec.startsWith('/') ? join(dist, spec) : resolve(base, spec));
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(at(spec), into);
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) visit(at(spec), lazy);
  };
  const visit = (file, into) => {
    if (eager.has(file) || into.has(file) || !existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    into.set(file, text);
    follow(text, dirname(file), into === eager ? eager : lazy);
  };
  for (const { code, file } of sources) {
    if (file) visit(file, eager);
    else follow(code, dist, eager);
  }
  for (const file of eager.keys()) lazy.delete(file);
  return { eager: [...eager.values()], lazy: [...lazy.values()] };
}

/** @returns {PageWeight} the weight of one built page (`htmlPath` inside `dist`). */
export function pageWeight(dist, htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const inlineScripts = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]);
  const inlineStyles = [...html.matchAll(INLINE_STYLE)].map((m) => m[1]);
  const cssFiles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) =>
    readFileSync(join(dist, m[1]), 'utf8'),
  );
  const scriptFiles = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => join(dist, m[1]));
  // Runtimes a page imports later by address (the simulator's data-runtime), counted as lazy.
  const lazyFiles = [...new Set([...html.matchAll(/data-runtime="([^"]+\.js)"/g)].map((m) => join(dist, m[1])))];
  const graph = jsGraph(dist, [
    ...inlineScripts.map((code) => ({ code })),
    ...scriptFiles.map((file) => ({ file })),
    ...lazyFiles.map((file) => ({ code: `import(\`${file}\`)` })),
  ]);
  const markup = sizes([html.replace(INLINE_SCRIPT, '').replace(INLINE_STYLE, '')]);
  const css = sizes([...inlineStyles, ...cssFiles]);
  const eager = sizes([...inlineScripts, ...graph.eager]);
  const lazy = sizes(graph.lazy);
  return {
    html: markup,
    css,
    eagerJs: eager,
    lazyJs: lazy,
    total: { raw: markup.raw + css.raw + eager.raw + lazy.raw, gz: markup.gz + css.gz + eager.gz + lazy.gz },
  };
}

/**
 * Every HTML page in `dist`, as [name, file]: `home` first, then the rest by path
 * (`articles/<slug>`, `tags/<tag>`, `404.html`, ...).
 */
export function builtPages(dist) {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const name = relative(dist, path)
          .split(sep)
          .join('/')
          .replace(/\/?index\.html$/, '');
        pages.push([name === '' ? 'home' : name, path]);
      }
    }
  };
  walk(dist);
  return pages.sort(([a], [b]) => (a === 'home' ? -1 : b === 'home' ? 1 : a.localeCompare(b)));
}

/** Which budget of size-budgets.json a page answers to. */
export function budgetKind(name, weight) {
  if (name === 'home') return 'home';
  if (name === 'search') return 'searchPage';
  if (weight.lazyJs.raw > 0) return name.startsWith('training/') ? 'trainingDrill' : 'simulatorArticle';
  return name.startsWith('articles/') ? 'plainArticle' : 'otherPage';
}

/** The budget lines a page breaks (empty when it is within its budget). */
export function overBudget(name, weight, budgets) {
  const kind = budgetKind(name, weight);
  const b = budgets[kind];
  const failures = [];
  if (!b) return [`${name}: no "${kind}" budget in size-budgets.json`];
  if (b.eagerJs !== undefined && weight.eagerJs.gz > b.eagerJs) {
    failures.push(
      `${name}: ${weight.eagerJs.gz} B gz of JS${weight.lazyJs.raw > 0 ? ' before the simulator is near' : ''}, budget ${b.eagerJs} B (${kind})`,
    );
  }
  if (b.totalJs !== undefined && weight.eagerJs.gz + weight.lazyJs.gz > b.totalJs) {
    failures.push(
      `${name}: ${weight.eagerJs.gz + weight.lazyJs.gz} B gz of JS in total, budget ${b.totalJs} B (${kind})`,
    );
  }
  if (b.total !== undefined && weight.total.gz > b.total)
    failures.push(`${name}: ${weight.total.gz} B gz in total, budget ${b.total} B (${kind})`);
  return failures;
}

/** The simulator engine alone (src/simulator/index.ts and its libraries), minified. */
export async function engineWeight(root = '.') {
  const entry = join(root, 'src/simulator/index.ts');
  if (!existsSync(entry)) return null;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { raw: Buffer.byteLength(code), gz: gz(code) };
}

/**
 * Weighs every page of `dist` (or only `only`, names as builtPages gives them) against `budgets`.
 * @returns {{ pages: Record<string, PageWeight>, failures: string[] }}
 */
export function weighSite(dist, budgets, only) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No built site in ${dist}: run \`npm run build\` first.`);
  const report = { pages: {}, failures: [] };
  for (const [name, file] of builtPages(dist)) {
    if (only && !only.includes(name)) continue;
    const weight = pageWeight(dist, file);
    report.pages[name] = weight;
    report.failures.push(...overBudget(name, weight, budgets));
  }
  return report;
}

export const kb = (n) => `${(n / 1024).toFixed(1)}`.padStart(6);

/** The report as a table, one line a page. */
export function formatTable(pages) {
  const cell = (s) => `${kb(s.raw)} /${kb(s.gz)}`;
  const width = Math.max(48, ...Object.keys(pages).map((name) => name.length));
  const lines = [
    'Page weight (KB, raw / gzipped)',
    `${'page'.padEnd(width)} ${'HTML'.padStart(13)} ${'CSS'.padStart(13)} ${'JS eager'.padStart(13)} ${'JS lazy'.padStart(13)} ${'total'.padStart(13)}`,
  ];
  for (const [name, w] of Object.entries(pages)) {
    lines.push(
      `${name.padEnd(width)} ${cell(w.html)} ${cell(w.css)} ${cell(w.eagerJs)} ${cell(w.lazyJs)} ${cell(w.total)}`,
    );
  }
  return lines.join('\n');
}
