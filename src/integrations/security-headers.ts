/**
 * After `astro build`: drops the empty-string hash from every page's Content-Security-Policy
 * <meta>, then writes the response headers a deployer sends, derived from that same policy, as
 * dist/_headers (Netlify, Cloudflare Pages), dist/_headers.nginx.conf and dist/_headers.caddy
 * (README, "Deploying"). tests/e2e/headers.spec.ts checks the built files agree.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { EMPTY_HASH, headerFiles, metaPolicyOf, type HeaderOptions } from '../lib/security-headers';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `reportUrl`: an absolute http(s) address or a path on this site; anything else stops the build. */
function checkReportUrl(reportUrl: string | undefined): string | undefined {
  if (reportUrl === undefined || reportUrl.trim() === '') return undefined;
  const url = reportUrl.trim();
  const ok = url.startsWith('/') ? !url.startsWith('//') : /^https?:\/\/[^\s;,"]+$/i.test(url);
  if (!ok || /[\s;,"]/.test(url)) {
    throw new AstroError(
      `CSP_REPORT_URL is "${reportUrl}", which is not an address reports can be sent to.`,
      'Set it to an absolute https:// address (the feedback collector’s /api/csp-report) or a path such as /api/csp-report, or leave it unset.',
    );
  }
  return url;
}

export default function securityHeaders(options: HeaderOptions = {}): AstroIntegration {
  const reportUrl = checkReportUrl(options.reportUrl);
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const policies = new Set<string>();
        for (const file of htmlFiles(out)) {
          const html = readFileSync(file, 'utf8');
          // The policy is in the head: the body (most of the page) is not searched.
          const headEnd = html.indexOf('</head>');
          const head = headEnd === -1 ? html : html.slice(0, headEnd);
          if (metaPolicyOf(head) === null) continue;
          // Astro lists the hash of an empty stylesheet (it hashes the <link> to the site's
          // stylesheet as if it were an inline one): it allows nothing the site uses.
          const cleaned = head.includes(EMPTY_HASH) ? head.replaceAll(` ${EMPTY_HASH}`, '') : head;
          if (cleaned !== head) writeFileSync(file, cleaned + html.slice(head.length));
          policies.add(metaPolicyOf(cleaned) ?? '');
        }
        if (policies.size === 0) {
          logger.warn('no page has a Content-Security-Policy <meta>: no header files written');
          return;
        }
        if (policies.size > 1) {
          throw new AstroError(
            `The built pages carry ${policies.size} different Content-Security-Policies; one header file cannot match them all.`,
            'Give every page the same policy (security.csp in astro.config.mjs), or write the headers per page.',
          );
        }
        const [policy = ''] = policies;
        for (const [name, text] of Object.entries(headerFiles(policy, { reportUrl }))) {
          writeFileSync(join(out, name), text);
        }
        logger.info(`wrote _headers, _headers.nginx.conf and _headers.caddy${reportUrl ? '' : ' (no report address)'}`);
      },
    },
  };
}
