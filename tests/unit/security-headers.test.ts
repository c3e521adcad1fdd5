/**
 * The header policy is the pages' meta policy plus what only a header can carry; the comparison
 * that tests/e2e/headers.spec.ts runs on the built site notices any divergence.
 */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_HASH,
  headerFiles,
  headerPolicy,
  metaPolicyOf,
  parsePolicy,
  policyDifferences,
  securityHeaders,
} from '../../src/lib/security-headers';

const META =
  "default-src 'self';img-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';form-action 'self'; " +
  "script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-CCC=' " +
  `${EMPTY_HASH};`;

describe('header policy', () => {
  it('keeps every directive of the meta policy, forbids framing, and drops the empty-string hash', () => {
    const header = parsePolicy(headerPolicy(META));
    expect(header.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='", "'sha256-BBB='"]);
    expect(header.get('style-src')).toEqual(["'self'", "'sha256-CCC='"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.has('report-uri')).toBe(false);
    expect(headerPolicy(META)).not.toContain(EMPTY_HASH);
  });

  it('sends reports where configured, with report-uri and report-to', () => {
    const header = parsePolicy(headerPolicy(META, { reportUrl: 'https://collector.example.net/api/csp-report' }));
    expect(header.get('report-uri')).toEqual(['https://collector.example.net/api/csp-report']);
    expect(header.get('report-to')).toEqual(['csp']);
    const headers = Object.fromEntries(securityHeaders(META, { reportUrl: '/api/csp-report' }));
    expect(headers['Reporting-Endpoints']).toBe('csp="/api/csp-report"');
    expect(Object.fromEntries(securityHeaders(META))).not.toHaveProperty('Reporting-Endpoints');
  });

  it('sends the other headers a deployer needs', () => {
    expect(Object.fromEntries(securityHeaders(META))).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': expect.stringContaining('camera=()'),
      'Strict-Transport-Security': expect.stringMatching(/^max-age=\d{8,}; includeSubDomains$/),
    });
  });
});

describe('policyDifferences', () => {
  const header = headerPolicy(META);

  it('finds none between a page policy and the header made from it', () => {
    expect(policyDifferences(header, META)).toEqual([]);
  });

  it.each([
    ['a script hash the page has and the header lacks', META.replace("'sha256-BBB='", "'sha256-BBB=' 'sha256-NEW='")],
    ['a source the header allows and the page does not', META.replace("img-src 'self' data:", "img-src 'self'")],
    ['a directive only the page has', `${META} worker-src 'self';`],
    ['a directive only the header has', META.replace("form-action 'self';", '')],
  ])('notices %s', (_, page) => {
    expect(policyDifferences(header, page)).not.toEqual([]);
  });

  it('requires frame-ancestors none in the header', () => {
    expect(policyDifferences(header.replace("frame-ancestors 'none'", "frame-ancestors 'self'"), META)).toEqual([
      "the header lacks frame-ancestors 'none'",
    ]);
  });
});

describe('reading a page and writing the files', () => {
  it('reads the meta policy as a browser would, entities decoded', () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; img-src data:"></head>`;
    expect(metaPolicyOf(html)).toBe("default-src 'self'; img-src data:");
    expect(metaPolicyOf('<meta name="description" content="x">')).toBeNull();
  });

  it('writes the same headers for Netlify and Cloudflare Pages, nginx and Caddy', () => {
    const files = headerFiles(META, { reportUrl: '/api/csp-report' });
    const csp = headerPolicy(META, { reportUrl: '/api/csp-report' });
    expect(files['_headers']).toContain(`/*\n  Content-Security-Policy: ${csp}\n`);
    expect(files['_headers.nginx.conf']).toContain(`add_header Content-Security-Policy "${csp}" always;`);
    expect(files['_headers.caddy']).toContain(`\tContent-Security-Policy "${csp}"`);
    expect(files['_headers.nginx.conf']).toContain(
      'add_header Reporting-Endpoints "csp=\\"/api/csp-report\\"" always;',
    );
    for (const text of Object.values(files)) expect(text).toContain('Strict-Transport-Security');
  });
});
