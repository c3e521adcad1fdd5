/**
 * The response headers a deployer sends (dist/_headers, written by the build from the pages'
 * policy; README "Deploying"). The files must agree with every built page's <meta> policy, and the
 * site must work when a host sends them: the pages are served here with those headers added.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtPages, DIST } from '../support/built-pages';
import { EMPTY_HASH, metaPolicyOf, policyDifferences } from '../../src/lib/security-headers';
import { ARTICLE_2FA, logIn, simulator } from './simulator-helpers';

/** The headers of the `/*` rule in dist/_headers, as Netlify and Cloudflare Pages read them. */
function deployedHeaders(): Record<string, string> {
  const text = readFileSync(join(DIST, '_headers'), 'utf8');
  const rule = text.split(/^\/\*$/m)[1] ?? '';
  return Object.fromEntries(
    rule
      .split('\n')
      .map((line) => /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

const fileOf = (path: string) => join(DIST, path.endsWith('/') ? `${path}index.html` : path);

test('the header policy agrees with the policy of every built page, and the other files say the same', () => {
  const headers = deployedHeaders();
  const csp = headers['Content-Security-Policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain(EMPTY_HASH);
  for (const path of builtPages()) {
    const meta = metaPolicyOf(readFileSync(fileOf(path), 'utf8'));
    expect(meta, `${path} has a policy`).not.toBeNull();
    expect(meta, `${path}: the empty-string style hash is dropped`).not.toContain(EMPTY_HASH);
    expect(policyDifferences(csp, meta ?? ''), path).toEqual([]);
  }
  expect(Object.keys(headers).sort()).toEqual(
    [
      'Content-Security-Policy',
      'Permissions-Policy',
      'Referrer-Policy',
      'Strict-Transport-Security',
      'X-Content-Type-Options',
      ...(csp.includes('report-uri') ? ['Reporting-Endpoints'] : []),
    ].sort(),
  );
  const nginx = readFileSync(join(DIST, '_headers.nginx.conf'), 'utf8');
  const caddy = readFileSync(join(DIST, '_headers.caddy'), 'utf8');
  for (const [name, value] of Object.entries(headers)) {
    const quoted = `"${value.replace(/"/g, '\\"')}"`;
    expect(nginx).toContain(`add_header ${name} ${quoted} always;`);
    expect(caddy).toContain(`\t${name} ${quoted}`);
  }
});

/**
 * The test server is the feedback collector, which sends headers of its own (X-Frame-Options
 * among them); a static host sends only what it is told. These are the collector's answer
 * without them, so each test shows what the deployed headers alone do.
 */
function asStaticHost(headers: Record<string, string>): Record<string, string> {
  const { 'x-frame-options': _frameOptions, 'content-security-policy': _policy, ...rest } = headers;
  return rest;
}

/** Serves every file of the site with the deployed headers, as Netlify or nginx would. */
async function withDeployedHeaders(page: Page): Promise<void> {
  const headers = deployedHeaders();
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...asStaticHost(response.headers()), ...headers } });
  });
}

test('under the header policy the simulator and search work without a violation', async ({ page }) => {
  await withDeployedHeaders(page);
  const response = await page.goto(ARTICLE_2FA);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const sim = await simulator(page);
  await logIn(sim);
  await expect(sim.getByRole('region', { name: 'Security Question' })).toBeVisible();
  const loaded: string[] = [];
  page.on('response', (r) => loaded.push(new URL(r.url()).pathname));
  await page.getByRole('searchbox', { name: 'Search the help center' }).fill('password');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
  expect(loaded).toContain('/pagefind/pagefind-worker.js');
});

test('a page of another site cannot frame the help center', async ({ page, guard }) => {
  guard.ignoreConsole.push(/frame-ancestors/);
  await withDeployedHeaders(page);
  // A page on this origin stands in for the other site: 'none' refuses every ancestor.
  await page.route('**/framing-test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Frame</title><iframe src="/"></iframe>' }),
  );
  await page.goto('/framing-test/');
  const frame = page.frameLocator('iframe');
  await expect(page.locator('iframe')).toBeAttached();
  await expect(frame.getByRole('searchbox', { name: 'Search the help center' })).toHaveCount(0);
  // Without the header the same page frames it: the refusal comes from the header.
  await page.unrouteAll({ behavior: 'wait' });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: asStaticHost(response.headers()) });
  });
  await page.route('**/framing-test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Frame</title><iframe src="/"></iframe>' }),
  );
  await page.goto('/framing-test/');
  await expect(frame.getByRole('searchbox', { name: 'Search the help center' })).toBeVisible();
});
