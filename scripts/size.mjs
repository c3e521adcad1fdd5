#!/usr/bin/env node
/**
 * Page-weight report for the built site (run `npm run build` first).
 *
 * For the home page and every article: bytes of HTML, CSS and JS it loads, raw and gzipped.
 * JS is split into what loads with the page ("eager": inline and <script src> with their static
 * imports) and what a page fetches later through dynamic import() ("lazy": the simulator).
 * Also reports the simulator engine's own bundle (minified + gzipped, with its libraries).
 *
 *   npm run size              print the report
 *   npm run size -- --check   also fail when a page exceeds size-budgets.json
 *   npm run size -- --json F  also write the figures to F
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = resolve('dist');
const args = process.argv.slice(2);
const check = args.includes('--check');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8'));

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('No built site in dist/: run `npm run build` first.');
  process.exit(1);
}

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const sizes = (texts) => ({ raw: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), gz: texts.reduce((n, t) => n + gz(t), 0) });

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** JS files reached from `code` (found at `base`): static imports are eager, import() is lazy. */
function jsGraph(sources) {
  const eager = new Map();
  const lazy = new Map();
  const follow = (code, base, into) => {
    const at = (spec) => (spec.startsWith(DIST) ? spec : spec.startsWith('/') ? join(DIST, spec) : resolve(base, spec));
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
    else follow(code, DIST, eager);
  }
  for (const file of eager.keys()) lazy.delete(file);
  return { eager: [...eager.values()], lazy: [...lazy.values()] };
}

function pageWeight(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
  const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;
  const inlineScripts = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]);
  const inlineStyles = [...html.matchAll(INLINE_STYLE)].map((m) => m[1]);
  const cssFiles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => readFileSync(join(DIST, m[1]), 'utf8'));
  const scriptFiles = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => join(DIST, m[1]));
  // Runtimes a page imports later by address (the simulator's data-runtime), counted as lazy.
  const lazyFiles = [...new Set([...html.matchAll(/data-runtime="([^"]+\.js)"/g)].map((m) => join(DIST, m[1])))];
  const graph = jsGraph([
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

const pages = [['home', join(DIST, 'index.html')]];
const articlesDir = join(DIST, 'articles');
if (existsSync(articlesDir)) {
  for (const slug of readdirSync(articlesDir).sort()) {
    const file = join(articlesDir, slug, 'index.html');
    if (existsSync(file)) pages.push([`articles/${slug}`, file]);
  }
}

const report = { pages: {}, engine: null };
const kb = (n) => `${(n / 1024).toFixed(1)}`.padStart(6);
console.log('Page weight (KB, raw / gzipped)');
console.log(`${'page'.padEnd(48)} ${'HTML'.padStart(13)} ${'CSS'.padStart(13)} ${'JS eager'.padStart(13)} ${'JS lazy'.padStart(13)} ${'total'.padStart(13)}`);
const failures = [];
for (const [name, file] of pages) {
  const w = pageWeight(file);
  report.pages[name] = w;
  const cell = (s) => `${kb(s.raw)} /${kb(s.gz)}`;
  console.log(`${name.padEnd(48)} ${cell(w.html)} ${cell(w.css)} ${cell(w.eagerJs)} ${cell(w.lazyJs)} ${cell(w.total)}`);
  if (name === 'home') {
    if (w.total.gz > budgets.home.total) failures.push(`${name}: ${w.total.gz} B gz in total, budget ${budgets.home.total} B`);
  } else if (w.lazyJs.raw > 0) {
    const b = budgets.simulatorArticle;
    if (w.eagerJs.gz > b.eagerJs) failures.push(`${name}: ${w.eagerJs.gz} B gz of JS before the simulator is near, budget ${b.eagerJs} B`);
    if (w.eagerJs.gz + w.lazyJs.gz > b.totalJs) failures.push(`${name}: ${w.eagerJs.gz + w.lazyJs.gz} B gz of JS in total, budget ${b.totalJs} B`);
  } else {
    const b = budgets.plainArticle;
    if (w.eagerJs.gz > b.eagerJs) failures.push(`${name}: ${w.eagerJs.gz} B gz of JS, budget ${b.eagerJs} B`);
    if (w.total.gz > b.total) failures.push(`${name}: ${w.total.gz} B gz in total, budget ${b.total} B`);
  }
}

if (existsSync('src/simulator/index.ts')) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: ['src/simulator/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  report.engine = { raw: Buffer.byteLength(code), gz: gz(code) };
  console.log(`\nSimulator engine bundle (src/simulator/index.ts + xstate, otplib, qrcode; minified): ${kb(report.engine.raw)} KB raw, ${kb(report.engine.gz)} KB gzipped`);
  if (report.engine.gz > budgets.engine.bundle) failures.push(`engine: ${report.engine.gz} B gz, budget ${budgets.engine.bundle} B`);
}

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
if (failures.length > 0) {
  console.log(`\nOver budget (size-budgets.json):\n- ${failures.join('\n- ')}`);
  if (check) process.exit(1);
} else {
  console.log('\nAll pages within their budgets (size-budgets.json).');
}
