#!/usr/bin/env node
/**
 * Benchmark at scale: builds a throw-away copy of the site with N synthetic articles added
 * (scripts/lib/synthetic-articles.mjs; one in ten embeds a simulator) and reports build time,
 * peak memory, pages per second, and the page weight of the home page, a plain article and a
 * simulator article. Optionally runs Lighthouse (mobile and desktop) on the home page and the
 * 2FA article of that build. Nothing here is asserted by a test: timings depend on the machine.
 *
 *   npm run bench                              1,000 articles, figures to bench-results/bench.json
 *   npm run bench -- --articles 200            another count (0: the real articles only)
 *   npm run bench -- --lighthouse              also Lighthouse (Chromium: CHROME_PATH, default /usr/bin/chromium)
 *   npm run bench -- --out other.json          write the figures elsewhere
 *   npm run bench -- --keep                    keep the temporary site (its path is printed)
 *   npm run bench -- --repeat 5                builds of each site (default 3; medians and ranges reported)
 *   npm run bench -- --collector               instead: load on the feedback collector (scripts/lib/collector-bench.mjs),
 *                                              20 s, 50 connections, figures to bench-results/collector.json
 *   npm run bench -- --boot                    instead: the simulator's boot at 4x CPU slowdown in Chromium
 *                                              (tests/bench/boot.bench.ts), figures to bench-results/boot.json
 *
 * The build is timed side by side with a bare Astro + MDX site of the same articles
 * (scripts/lib/bare-site.mjs), alternating, each from a cold cache.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtPages, formatTable, overBudget, pageWeight } from './lib/page-weight.mjs';
import { syntheticArticles } from './lib/synthetic-articles.mjs';
import { writeBareSite } from './lib/bare-site.mjs';
import { SITE_FILES } from './lib/site-files.mjs';
import { spread } from './lib/stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');
// The page-weight report reads the budgets from the copy too.
const COPIED = [...SITE_FILES, 'size-budgets.json'];
const ARTICLE_2FA = 'articles/enable-two-factor-authentication';

const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    lighthouse: { type: 'boolean', default: false },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    collector: { type: 'boolean', default: false },
    boot: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
  },
});
if (options.boot) {
  // Playwright drives it (tests/bench/boot.bench.ts): the browser tests' server and helpers.
  const child = spawn(
    process.execPath,
    ['node_modules/@playwright/test/cli.js', 'test', '--config', 'playwright.bench.config.ts', '--reporter', 'line'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, E2E_PORT: String(await freePort()) } },
  );
  const code = await new Promise((done) => child.on('exit', done));
  process.exit(code ?? 1);
}
if (options.collector) {
  const { benchCollector } = await import('./lib/collector-bench.mjs');
  const file = resolve(options.out ?? 'bench-results/collector.json');
  mkdirSync(dirname(file), { recursive: true });
  const collector = await benchCollector({ root: ROOT });
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null };
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, collector }, null, 2)}\n`);
  console.log(`\nFigures written to ${file}`);
  process.exit(0);
}
const repeat = Number(options.repeat);
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error(`--repeat must be a whole number of 1 or more; got ${JSON.stringify(options.repeat)}.`);
  process.exit(2);
}
const count = Number(options.articles);
if (!Number.isInteger(count) || count < 0) {
  console.error(`--articles must be a whole number of 0 or more; got ${JSON.stringify(options.articles)}.`);
  process.exit(2);
}
const out = resolve(options.out ?? 'bench-results/bench.json');
mkdirSync(dirname(out), { recursive: true });

// 1. A copy of the site sharing node_modules, with the synthetic articles added.
const site = mkdtempSync(join(tmpdir(), 'help-center-bench-'));
for (const entry of COPIED) cpSync(join(ROOT, entry), join(site, entry), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');
// Astro keeps its content cache in node_modules/.astro by default: that is the real project's
// (shared through the symlink). Point the copy at its own.
writeFileSync(
  join(site, 'astro.bench.config.mjs'),
  "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.bench-cache' };\n",
);
const generated = syntheticArticles(count);
for (const article of generated) writeFileSync(join(site, 'content/articles', `${article.slug}.mdx`), article.text);
console.log(
  `bench: ${count} synthetic articles (${generated.filter((a) => a.simulator).length} with a simulator) in ${site}`,
);

const log = createWriteStream(out.replace(/\.json$/, '') + '-build.log');

/** Page size of /proc/<pid>/status figures are in kB. Linux only; elsewhere memory is null. */
function processTree(rootPid) {
  if (!existsSync('/proc/self/status')) return [];
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * Runs a command in the copy and measures it: wall time, and memory of the whole process tree,
 * sampled every 50 ms (peak of the summed RSS; and the largest single process's own peak).
 */
function measure(label, command, args, cwd = site) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    log.write(`\n$ ${label}: ${command} ${args.join(' ')}\n`);
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let peakTreeRss = 0;
    let peakProcess = 0;
    const sample = () => {
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        const { rss, hwm } = memoryOf(pid);
        sum += rss;
        peakProcess = Math.max(peakProcess, hwm);
      }
      peakTreeRss = Math.max(peakTreeRss, sum);
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = Math.round(performance.now() - started);
      if (code !== 0) reject(new Error(`${label} failed (exit ${code}); see ${log.path}`));
      else resolvePromise({ ms, peakTreeRssMb: mb(peakTreeRss), peakProcessRssMb: mb(peakProcess) });
    });
  });
}
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

// 2. The build, as `npm run build` runs it: astro build, then the Pagefind index; side by side
// with the bare Astro + MDX site of the same articles, alternating, each from a cold cache.
const bare = mkdtempSync(join(tmpdir(), 'help-center-bench-bare-'));
writeBareSite({ dir: bare, root: ROOT, articlesDir: join(site, 'content/articles') });
const cold = (dir) => {
  for (const entry of ['dist', '.bench-cache', '.astro']) rmSync(join(dir, entry), { recursive: true, force: true });
};
const astroRuns = [];
const bareRuns = [];
for (let run = 1; run <= repeat; run++) {
  cold(site);
  astroRuns.push(
    await measure(`astro build ${run}/${repeat}`, process.execPath, [
      'node_modules/astro/bin/astro.mjs',
      'build',
      '--config',
      'astro.bench.config.mjs',
    ]),
  );
  cold(bare);
  bareRuns.push(
    await measure(
      `bare astro build ${run}/${repeat}`,
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build'],
      bare,
    ),
  );
  console.log(
    `  build ${run}/${repeat}: this site ${astroRuns.at(-1).ms} ms, bare Astro + MDX ${bareRuns.at(-1).ms} ms`,
  );
}
rmSync(bare, { recursive: true, force: true });
const astroMs = spread(astroRuns.map((r) => r.ms));
const bareMs = spread(bareRuns.map((r) => r.ms));
// Each pair runs back to back, so its ratio holds even when the machine's speed drifts between pairs.
const pairRatios = spread(astroRuns.map((r, i) => Math.round((r.ms / (bareRuns[i]?.ms ?? NaN)) * 100) / 100));
const astro = {
  ms: astroMs.median,
  peakTreeRssMb: Math.max(...astroRuns.map((r) => r.peakTreeRssMb)),
  peakProcessRssMb: Math.max(...astroRuns.map((r) => r.peakProcessRssMb)),
};
const pagefind = await measure('pagefind', process.execPath, [
  'node_modules/pagefind/lib/runner/bin.cjs',
  '--site',
  'dist',
  // As `npm run build`: only the article pages carry data-pagefind-body.
  '--glob',
  'articles/**/*.html',
]);
const dist = join(site, 'dist');
const pages = builtPages(dist);
const build = {
  pages: pages.length,
  astroBuildMs: astro.ms,
  astroBuildRunsMs: astroMs,
  bareAstroMdxBuildRunsMs: bareMs,
  ratioToBare: Math.round((astroMs.median / bareMs.median) * 100) / 100,
  ratioToBarePerPair: pairRatios,
  pagefindMs: pagefind.ms,
  totalMs: astro.ms + pagefind.ms,
  pagesPerSecond: Math.round((pages.length / (astro.ms / 1000)) * 10) / 10,
  pagesPerSecondWithSearchIndex: Math.round((pages.length / ((astro.ms + pagefind.ms) / 1000)) * 10) / 10,
  peakMemoryMb: Math.max(astro.peakTreeRssMb, pagefind.peakTreeRssMb),
  astro: { peakTreeRssMb: astro.peakTreeRssMb, peakProcessRssMb: astro.peakProcessRssMb },
  pagefind: { peakTreeRssMb: pagefind.peakTreeRssMb, peakProcessRssMb: pagefind.peakProcessRssMb },
};

// 3. Page weight of the three kinds of page, and every page against its budget.
const budgets = JSON.parse(readFileSync(join(ROOT, 'size-budgets.json'), 'utf8'));
const weights = Object.fromEntries(pages.map(([name, file]) => [name, pageWeight(dist, file)]));
const synthetic = generated.map((article) => `articles/${article.slug}`);
const pick = (withSimulator) =>
  synthetic.find((name) => weights[name] && weights[name].lazyJs.raw > 0 === withSimulator) ??
  Object.keys(weights).find((name) => name.startsWith('articles/') && weights[name].lazyJs.raw > 0 === withSimulator);
const chosen = { home: 'home', plainArticle: pick(false), simulatorArticle: pick(true) };
const overBudgetLines = Object.entries(weights).flatMap(([name, weight]) => overBudget(name, weight, budgets));

const report = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    totalMemoryMb: mb(totalmem()),
  },
  articles: {
    synthetic: count,
    total: readdirSync(join(site, 'content/articles')).filter((f) => f.endsWith('.mdx')).length,
  },
  build,
  pageWeight: Object.fromEntries(
    Object.entries(chosen)
      .filter(([, name]) => name)
      .map(([kind, name]) => [kind, { page: name, ...weights[name] }]),
  ),
  budgets: { pagesChecked: pages.length, overBudget: overBudgetLines },
};

console.log(
  `\nBuild of ${build.pages} pages: ${(build.totalMs / 1000).toFixed(1)} s (astro ${(astro.ms / 1000).toFixed(1)} s, pagefind ${(pagefind.ms / 1000).toFixed(1)} s)`,
);
console.log(
  `  astro build median ${astroMs.median} ms (${astroMs.min} to ${astroMs.max}), bare Astro + MDX of the same articles ${bareMs.median} ms (${bareMs.min} to ${bareMs.max}): ${build.ratioToBare}x; pair by pair ${pairRatios.median}x (${pairRatios.min} to ${pairRatios.max})`,
);
console.log(
  `  ${build.pagesPerSecond} pages/s (astro build), ${build.pagesPerSecondWithSearchIndex} pages/s with the search index`,
);
console.log(
  `  peak memory: ${build.peakMemoryMb} MB (process tree), astro ${astro.peakProcessRssMb} MB, pagefind ${pagefind.peakProcessRssMb} MB (largest process)`,
);
console.log('');
console.log(
  formatTable(
    Object.fromEntries(
      Object.entries(chosen)
        .filter(([, name]) => name)
        .map(([kind, name]) => [`${kind} (${name})`, weights[name]]),
    ),
  ),
);
console.log(
  overBudgetLines.length === 0
    ? `\nAll ${pages.length} pages within their budgets.`
    : `\n${overBudgetLines.length} over budget:\n- ${overBudgetLines.slice(0, 20).join('\n- ')}`,
);

// 4. Lighthouse, mobile and desktop, on the home page and the 2FA article.
if (options.lighthouse) report.lighthouse = await runLighthouse();

writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nFigures written to ${out}`);
log.end();
if (options.keep) console.log(`The built copy stays in ${site}`);
else rmSync(site, { recursive: true, force: true });

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

async function runLighthouse() {
  const [{ default: lighthouse }, chromeLauncher, { default: desktopConfig }] = await Promise.all([
    import('lighthouse'),
    import('chrome-launcher'),
    import('lighthouse/core/config/desktop-config.js'),
  ]);
  const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const port = await freePort();
  // Started with node directly (not npx): stopping this process stops the server.
  const preview = spawn(
    process.execPath,
    [
      'node_modules/astro/bin/astro.mjs',
      'preview',
      '--config',
      'astro.bench.config.mjs',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: site,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  preview.stdout.pipe(log, { end: false });
  preview.stderr.pipe(log, { end: false });
  const base = `http://127.0.0.1:${port}`;
  const results = {};
  try {
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        // not listening yet
      }
      if (tries > 100) throw new Error(`the preview server did not start on ${base}; see ${log.path}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(
      `\nLighthouse ${JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version} with ${chromePath}, against ${base}`,
    );
    console.log('Median (min-max) of 5 mobile and 3 desktop runs, each in a fresh browser:');
    console.log(
      `${'page'.padEnd(44)} ${'form'.padEnd(8)} ${'perf'.padStart(12)} ${'LCP ms'.padStart(18)} ${'TBT ms'.padStart(14)} ${'CLS'.padStart(6)} a11y best  seo`,
    );
    const drill = readdirSync(join(site, 'dist/training'), { withFileTypes: true }).find((entry) =>
      entry.isDirectory(),
    );
    const RUNS = { mobile: 5, desktop: 3 };
    for (const [name, path] of [
      ['home', '/'],
      ['plain article', '/articles/check-invoices/'],
      [ARTICLE_2FA, `/${ARTICLE_2FA}/`],
      ...(drill ? [[`training/${drill.name}`, `/training/${drill.name}/`]] : []),
    ]) {
      for (const formFactor of /** @type {const} */ (['mobile', 'desktop'])) {
        const runs = [];
        for (let run = 0; run < RUNS[formFactor]; run++) {
          // A fresh browser per run: no cache, no warmed-up compiler.
          const chrome = await chromeLauncher.launch({
            chromePath,
            chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
          });
          try {
            const flags = {
              port: chrome.port,
              output: 'json',
              logLevel: 'error',
              onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
            };
            const { lhr } = await lighthouse(
              `${base}${path}`,
              flags,
              formFactor === 'desktop' ? desktopConfig : undefined,
            );
            const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
            const metric = (id) => lhr.audits[id]?.numericValue ?? null;
            // What cost points: every scored audit under 1 in each category.
            const shortfalls = Object.fromEntries(
              Object.entries(lhr.categories).map(([id, category]) => [
                id,
                category.auditRefs
                  .filter(
                    (ref) =>
                      ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1,
                  )
                  .map(
                    (ref) =>
                      `${ref.id} (${lhr.audits[ref.id]?.score}): ${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.title}`,
                  ),
              ]),
            );
            runs.push({
              scores: {
                performance: score('performance'),
                accessibility: score('accessibility'),
                bestPractices: score('best-practices'),
                seo: score('seo'),
              },
              metrics: {
                firstContentfulPaintMs: metric('first-contentful-paint'),
                largestContentfulPaintMs: metric('largest-contentful-paint'),
                totalBlockingTimeMs: metric('total-blocking-time'),
                cumulativeLayoutShift: metric('cumulative-layout-shift'),
                speedIndexMs: metric('speed-index'),
              },
              bytes: lhr.audits['total-byte-weight']?.numericValue ?? null,
              shortfalls,
              runWarnings: lhr.runWarnings,
            });
          } finally {
            chrome.kill();
          }
        }
        const of = (pick) => spread(runs.map(pick).filter((value) => value !== null));
        const entry = {
          runs: runs.length,
          scores: Object.fromEntries(Object.keys(runs[0].scores).map((id) => [id, of((r) => r.scores[id])])),
          metrics: Object.fromEntries(Object.keys(runs[0].metrics).map((id) => [id, of((r) => r.metrics[id])])),
          bytes: of((r) => r.bytes),
          // The run with the median performance score: what cost it points.
          shortfalls: [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[runs.length >> 1]
            .shortfalls,
          runWarnings: [...new Set(runs.flatMap((r) => r.runWarnings))],
        };
        (results[name] ??= {})[formFactor] = entry;
        const r = (x) => `${Math.round(x.median)} (${Math.round(x.min)}-${Math.round(x.max)})`;
        const m = entry.metrics;
        console.log(
          `${name.padEnd(44)} ${formFactor.padEnd(8)} ${r(entry.scores.performance).padStart(12)} ${r(m.largestContentfulPaintMs).padStart(18)} ${r(m.totalBlockingTimeMs).padStart(14)} ${m.cumulativeLayoutShift.median.toFixed(3).padStart(6)} ${String(entry.scores.accessibility.median).padStart(4)} ${String(entry.scores.bestPractices.median).padStart(4)} ${String(entry.scores.seo.median).padStart(4)}`,
        );
        for (const [category, lines] of Object.entries(entry.shortfalls))
          for (const line of lines) console.log(`    ${category}: ${line}`);
      }
    }
  } finally {
    preview.kill('SIGTERM');
    await new Promise((r) => (preview.exitCode !== null ? r() : preview.once('exit', r)));
  }
  const targets = { performance: 98, accessibility: 100, bestPractices: 100, seo: 100 };
  const metricTargets = {
    mobile: { totalBlockingTimeMs: 150, cumulativeLayoutShift: 0 },
    desktop: { totalBlockingTimeMs: 50, cumulativeLayoutShift: 0 },
  };
  const misses = Object.entries(results).flatMap(([page, byForm]) =>
    Object.entries(byForm).flatMap(([form, entry]) =>
      Object.entries(targets)
        // Drill pages carry noindex on purpose (a practice page per seed): SEO does not apply.
        .filter(([id]) => !(id === 'seo' && page.startsWith('training/')))
        .filter(([id, target]) => entry.scores[id].median < target)
        .map(([id, target]) => `${page} ${form}: ${id} median ${entry.scores[id].median} < ${target}`)
        .concat(
          Object.entries(metricTargets[form])
            .filter(([id, most]) => entry.metrics[id].median > most)
            .map(([id, most]) => `${page} ${form}: ${id} median ${entry.metrics[id].median} > ${most}`),
        ),
    ),
  );
  console.log(
    misses.length === 0
      ? 'Lighthouse: every target met (performance >= 98, the others 100; TBT <= 150 ms mobile, <= 50 ms desktop; CLS 0).'
      : `Lighthouse targets missed:\n- ${misses.join('\n- ')}`,
  );
  return {
    version: JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version,
    targets,
    metricTargets,
    results,
    misses,
  };
}
