// @ts-check
/**
 * Mutation testing of the simulator engine: `npm run mutation` (not part of `npm test`; a run
 * takes tens of minutes on 2 cores). Stryker changes the engine one small mutation at a time and
 * runs the unit tests that cover it; a mutant the tests do not notice "survived".
 *
 * - Mutated: src/simulator/ except ui/ (the DOM binding, tested in the browser by Playwright, which
 *   Stryker does not run) and index.ts (re-exports only).
 * - Tests: vitest.mutation.config.ts, the unit tests of the engine and of the training drills.
 * - perTest coverage: each mutant runs only the tests that reach it. Static mutants (code run at
 *   import, such as the machines' configuration and the message tables) cannot be switched per
 *   test, so they run the whole suite (`ignoreStatic: false`: never skipped).
 * - Thresholds: `break` fails the run under 85% for the engine as a whole; the 90% for the
 *   security core is checked from the JSON report by scripts/mutation-thresholds.mjs.
 * Reports: reports/mutation/mutation.html (open in a browser) and mutation.json.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/simulator/**/*.ts', '!src/simulator/ui/**', '!src/simulator/**/*.d.ts', '!src/simulator/index.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: false,
  thresholds: { high: 90, low: 85, break: 85 },
  // A busy machine slows every run: generous timeouts, so a slow run is not counted as a kill.
  timeoutFactor: 2,
  timeoutMS: 15_000,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Not copied to the sandbox: build output and reports (a build running meanwhile would race the copy).
  ignorePatterns: ['dist', '.astro', '.cache', 'test-results', 'playwright-report', 'bench-results', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
export default config;
