#!/usr/bin/env node
/**
 * Page-weight report for the built site (run `npm run build` first).
 *
 * For every page in dist/: bytes of HTML, CSS and JS it loads, raw and gzipped (see
 * scripts/lib/page-weight.mjs). Also reports the simulator engine's own bundle (minified +
 * gzipped, with its libraries).
 *
 *   npm run size                    print the report
 *   npm run size -- --check         also fail when a page exceeds size-budgets.json
 *   npm run size -- --json F        also write the figures to F
 *   npm run size:check              --check, building the site first when dist/ is missing
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { engineWeight, formatTable, kb, weighSite } from './lib/page-weight.mjs';

const DIST = resolve('dist');
const args = process.argv.slice(2);
const check = args.includes('--check');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8'));

if (!existsSync(join(DIST, 'index.html'))) {
  if (!args.includes('--build-if-missing')) {
    console.error('No built site in dist/: run `npm run build` first.');
    process.exit(1);
  }
  console.log('No built site in dist/: building it first (npm run build).');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const report = weighSite(DIST, budgets);
console.log(formatTable(report.pages));

const engine = await engineWeight();
if (engine) {
  console.log(
    `\nSimulator engine bundle (src/simulator/index.ts + xstate, otplib, qrcode; minified): ${kb(engine.raw)} KB raw, ${kb(engine.gz)} KB gzipped`,
  );
  if (engine.gz > budgets.engine.bundle)
    report.failures.push(`engine: ${engine.gz} B gz, budget ${budgets.engine.bundle} B`);
}

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ pages: report.pages, engine }, null, 2)}\n`);
if (report.failures.length > 0) {
  console.log(`\nOver budget (size-budgets.json):\n- ${report.failures.join('\n- ')}`);
  if (check) process.exit(1);
} else {
  console.log('\nAll pages within their budgets (size-budgets.json).');
}
