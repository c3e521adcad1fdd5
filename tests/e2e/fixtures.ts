/**
 * The `test` every browser test uses. It watches what a reader never wants to see and fails the
 * test on any of it: a console error, an uncaught exception, a request to another origin, or a
 * Content-Security-Policy violation.
 */
import { test as base, expect } from '@playwright/test';

export interface PageGuard {
  /** Requests to another origin that a test expects (none by default). */
  allowOrigins: string[];
  /** Console errors a test provokes on purpose (e.g. the 404 page's own status). */
  ignoreConsole: RegExp[];
}

export const test = base.extend<{ guard: PageGuard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const guard: PageGuard = { allowOrigins: [], ignoreConsole: [] };
      const problems: string[] = [];
      const ownOrigin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      page.on('console', (message) => {
        if (message.type() === 'error' && !guard.ignoreConsole.some((pattern) => pattern.test(message.text())))
          problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        const origin = new URL(url).origin;
        if (origin !== ownOrigin && !guard.allowOrigins.includes(origin))
          problems.push(`request to another origin: ${url}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await use(guard);
      expect(problems, 'console errors, uncaught errors, foreign requests or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
