import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run bench -- --boot` (tests/bench/): the browser tests' set-up (built site served by the
 * collector, system Chromium), one page at a time so that measurements do not share the CPU.
 */
export default defineConfig({
  ...base,
  testDir: 'tests/bench',
  testMatch: '*.bench.ts',
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, trace: 'off' },
});
