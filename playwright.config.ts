import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the built site as `npm start` serves it: the feedback collector
 * serving dist/ and its API on one origin (the build's PUBLIC_FEEDBACK_URL is "/"), with a data
 * folder emptied at each start. Tests that count votes start their own collector
 * (tests/e2e/feedback-fixtures.ts).
 * Playwright cannot download its own browser here: by default we use the system Chromium
 * (Debian's `chromium`). Set CHROMIUM_PATH to use another build; set it to an empty string to
 * use a browser installed by `npx playwright install`.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const executablePath = process.env['CHROMIUM_PATH'] ?? systemChromium;
const port = Number(process.env['E2E_PORT'] ?? 4329);
const feedbackData = `.cache/e2e-feedback-${port}`;
const E2E_INSIGHTS_TOKEN = 'e2e-insights-token-0123456789';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node -e "require('node:fs').rmSync('${feedbackData}', { recursive: true, force: true })" && npm run build && node collector/src/main.ts`,
    env: {
      PUBLIC_FEEDBACK_URL: '/',
      FEEDBACK_DATA_DIR: feedbackData,
      PORT: String(port),
      INSIGHTS_TOKEN: E2E_INSIGHTS_TOKEN,
      // Every test shares one client address: the rate limit is for readers, not for this suite.
      FEEDBACK_RATE_LIMIT: '1000000',
    },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
