/**
 * `npm run bench -- --boot`: how the simulator boots on a slow phone, measured in a real
 * Chromium at 4x CPU slowdown (Chrome DevTools' "mid-tier mobile"). Not a test: nothing here is
 * asserted; the figures (medians and ranges of RUNS page loads) go to bench-results/boot.json.
 *
 * For each page: the long tasks while it loads (longest, total blocking time). For the 2FA
 * article, then, each simulator scrolled into view in turn: time from the scroll to the
 * simulator being interactive (`data-ready`), and the longest task and blocking time in between.
 * Last, the JS heap after garbage collection: loaded, after every simulator booted, and after a
 * whole enrollment in the first one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from '../e2e/fixtures';
import { spread } from '../../scripts/lib/stats.mjs';
import {
  ARTICLE_2FA,
  enableWindow,
  installAuthenticator,
  logIn,
  openEnableWindow,
  phoneCode,
  scanQrWithPhone,
  setSecurityQuestion,
  simulator,
} from '../e2e/simulator-helpers';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SLOWDOWN = 4;
const OUT = resolve(import.meta.dirname, '../../bench-results/boot.json');
const PAGES = {
  home: '/',
  'plain article': '/articles/check-invoices/',
  'login article (1 simulator)': '/articles/log-in-to-the-client-area/',
  '2FA article (3 simulators)': ARTICLE_2FA,
};

interface Task {
  start: number;
  duration: number;
}
declare global {
  interface Window {
    __bench: { tasks: Task[]; ready: number[] };
  }
}

/** Long tasks (> 50 ms) as the page reports them, and when each simulator became interactive. */
async function watch(page: Page): Promise<CDPSession> {
  await page.addInitScript(() => {
    window.__bench = { tasks: [], ready: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__bench.tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('simulator:ready', (event) => {
      const index = [...document.querySelectorAll('twofa-simulator')].indexOf(event.target as Element);
      window.__bench.ready[index] ??= performance.now();
    });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  return cdp;
}

/** Resolves when the main thread has been idle twice in a row (nothing left to run). */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestIdleCallback(() => requestIdleCallback(() => done(), { timeout: 5_000 }), { timeout: 5_000 }),
      ),
  );

const blocking = (tasks: Task[]) => tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
const longest = (tasks: Task[]) => tasks.reduce((max, task) => Math.max(max, task.duration), 0);

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return Math.round((usedSize / 1024 / 1024) * 100) / 100;
}

/** Median and range, to a tenth of a millisecond (or megabyte). */
function summary(values: number[]) {
  const round = (n: number) => Math.round(n * 10) / 10;
  const { median, min, max } = spread(values);
  return { median: round(median), min: round(min), max: round(max), runs: values.map(round) };
}

const samples: Record<string, number[]> = {};
const sample = (name: string, value: number) => (samples[name] ??= []).push(value);

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

for (let run = 0; run < RUNS; run++) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`load: ${name}, run ${run + 1}`, async ({ page }) => {
      await watch(page);
      await page.goto(path, { waitUntil: 'load' });
      await settle(page);
      const tasks = await page.evaluate(() => window.__bench.tasks);
      sample(`${name}: longest task at load (ms)`, longest(tasks));
      sample(`${name}: blocking time at load (ms)`, blocking(tasks));
    });
  }

  test(`boot: each simulator of the 2FA article scrolled into view, run ${run + 1}`, async ({ page }) => {
    const cdp = await watch(page);
    await page.goto(ARTICLE_2FA, { waitUntil: 'load' });
    await settle(page);
    sample('2FA article: JS heap, loaded (MB)', await heapMb(cdp));
    const count = await page.locator('twofa-simulator').count();
    for (let index = 0; index < count; index++) {
      // One near the top of the article boots as the page loads: when it was ready counts then.
      const early = await page.evaluate((index) => window.__bench.ready[index], index);
      if (early !== undefined) {
        sample(`simulator ${index + 1}: interactive during load, since navigation (ms)`, early);
        continue;
      }
      const from = await page.evaluate((index) => {
        const start = performance.now();
        document.querySelectorAll('twofa-simulator')[index]!.scrollIntoView({ block: 'center' });
        return start;
      }, index);
      await expect(page.locator('twofa-simulator').nth(index)).toHaveAttribute('data-ready', '');
      await settle(page);
      const { tasks, ready } = await page.evaluate(() => window.__bench);
      const during = tasks.filter((task) => task.start + task.duration > from);
      sample(`simulator ${index + 1}: scroll to interactive (ms)`, (ready[index] ?? NaN) - from);
      sample(`simulator ${index + 1}: longest boot task (ms)`, longest(during));
      sample(`simulator ${index + 1}: blocking time while booting (ms)`, blocking(during));
    }
    sample('2FA article: JS heap, every simulator booted (MB)', await heapMb(cdp));
  });

  test(`heap: a whole enrollment, run ${run + 1}`, async ({ page }) => {
    const cdp = await watch(page);
    await page.clock.install();
    await page.goto(ARTICLE_2FA, { waitUntil: 'load' });
    const sim = await simulator(page);
    await logIn(sim);
    await setSecurityQuestion(sim);
    await openEnableWindow(sim);
    await installAuthenticator(page, sim);
    await scanQrWithPhone(sim);
    const window = enableWindow(sim);
    await window.getByLabel('Enter the 6-digit code the app shows').fill(await phoneCode(sim));
    await window.getByRole('button', { name: 'Submit' }).click();
    const done = sim.getByRole('dialog', { name: 'Two-Factor Authentication is now enabled' });
    await done.getByRole('checkbox', { name: 'I have saved my backup code' }).check();
    await done.getByRole('button', { name: 'Close' }).click();
    await expect(sim.getByText('All steps done.')).toBeVisible();
    sample('2FA article: JS heap after a whole enrollment (MB)', await heapMb(cdp));
  });
}

test.afterAll(() => {
  const figures = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, summary(values)]));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), cpuSlowdown: SLOWDOWN, runs: RUNS, figures }, null, 2)}\n`,
  );
  const width = Math.max(...Object.keys(figures).map((name) => name.length));
  console.log(
    [
      `\nSimulator boot at ${SLOWDOWN}x CPU slowdown, median (min to max) of ${RUNS} runs:`,
      ...Object.entries(figures).map(
        ([name, { median, min, max }]) => `  ${name.padEnd(width)}  ${median} (${min} to ${max})`,
      ),
      `Figures in ${OUT}`,
    ].join('\n'),
  );
});
