/**
 * The response headers a deployer sends with the site, derived from the Content-Security-Policy
 * that Astro puts in each built page's <meta> (its script and style hashes change with every
 * build, so the header policy is generated from the pages, never written by hand).
 *
 * A <meta> policy cannot carry `frame-ancestors` or reporting (CSP Level 3 §3.3), so the header
 * policy is the meta policy plus `frame-ancestors 'none'` and, when a report address is configured,
 * `report-uri` and `report-to`. Pure functions: src/integrations/security-headers.ts writes the files.
 */

/** Directives a browser ignores in a <meta> policy, so only the header can carry them. */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

/** SHA-256 of the empty string: Astro lists it among the style hashes, and it allows nothing useful. */
export const EMPTY_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export type Policy = ReadonlyMap<string, readonly string[]>;

/** "a 'x' y; b z" -> { a: ['\'x\'', 'y'], b: ['z'] } (directive names lower-cased, first one wins, as browsers do). */
export function parsePolicy(text: string): Policy {
  const policy = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!policy.has(key)) policy.set(key, values);
  }
  return policy;
}

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/** The policy without the empty-string hash. */
export function withoutEmptyHash(policy: Policy): Policy {
  return new Map([...policy].map(([name, values]) => [name, values.filter((value) => value !== EMPTY_HASH)]));
}

/** Reads the policy of a page's `<meta http-equiv="content-security-policy">`, or null when it has none. */
export function metaPolicyOf(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
    return decodeEntities(content?.[1] ?? content?.[2] ?? '');
  }
  return null;
}

const decodeEntities = (text: string) =>
  text.replace(/&(#39|apos|quot|amp|lt|gt);/g, (_, name: string) =>
    name === '#39' || name === 'apos' ? "'" : name === 'quot' ? '"' : name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );

export interface HeaderOptions {
  /** Where browsers send violation reports (the feedback collector's `/api/csp-report`), if anywhere. */
  readonly reportUrl?: string | undefined;
}

/** The header policy for a meta policy: the same directives, plus what only a header can carry. */
export function headerPolicy(meta: string, options: HeaderOptions = {}): string {
  const policy = new Map(withoutEmptyHash(parsePolicy(meta)));
  for (const name of HEADER_ONLY_DIRECTIVES) policy.delete(name);
  policy.set('frame-ancestors', ["'none'"]);
  if (options.reportUrl) {
    policy.set('report-uri', [options.reportUrl]);
    policy.set('report-to', ['csp']);
  }
  return serializePolicy(policy);
}

/**
 * How a header policy differs from a page's meta policy, in words; empty when they agree: every
 * directive of the meta policy is in the header with the same sources (the empty-string hash
 * aside), the header adds only directives a meta cannot carry, and it forbids framing.
 */
export function policyDifferences(header: string, meta: string): string[] {
  const h = parsePolicy(header);
  const m = withoutEmptyHash(parsePolicy(meta));
  const problems: string[] = [];
  for (const [name, values] of m) {
    if ((HEADER_ONLY_DIRECTIVES as readonly string[]).includes(name)) continue;
    const inHeader = h.get(name);
    if (!inHeader) {
      problems.push(`${name} is in the page's policy but not in the header's`);
      continue;
    }
    const missing = values.filter((value) => !inHeader.includes(value));
    const extra = inHeader.filter((value) => !values.includes(value));
    if (missing.length > 0) problems.push(`${name}: the header lacks ${missing.join(' ')}`);
    if (extra.length > 0) problems.push(`${name}: the header also allows ${extra.join(' ')}`);
  }
  for (const name of h.keys()) {
    if (!m.has(name) && !(HEADER_ONLY_DIRECTIVES as readonly string[]).includes(name)) {
      problems.push(`${name} is in the header's policy but not in the page's`);
    }
  }
  if (h.get('frame-ancestors')?.join(' ') !== "'none'") problems.push("the header lacks frame-ancestors 'none'");
  return problems;
}

/** The headers sent with every file of the site. */
export function securityHeaders(metaPolicy: string, options: HeaderOptions = {}): Array<[string, string]> {
  return [
    ['Content-Security-Policy', headerPolicy(metaPolicy, options)],
    ...(options.reportUrl ? [['Reporting-Endpoints', `csp="${options.reportUrl}"`] as [string, string]] : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    // Nothing on the site uses these; the simulator's "camera" is simulated, never the real one.
    [
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()',
    ],
    // Two years, as hstspreload.org asks; only ever sent over HTTPS by the hosts below.
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ];
}

/** Netlify and Cloudflare Pages: `_headers` at the root of the published folder. */
export function netlifyHeaders(headers: ReadonlyArray<[string, string]>): string {
  const lines = headers.map(([name, value]) => `  ${name}: ${value}`);
  return `# Generated by \`npm run build\` (src/integrations/security-headers.ts): do not edit.\n/*\n${lines.join('\n')}\n`;
}

const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** nginx: `include` this file in the `server` block (or a `location`) that serves dist/. */
export function nginxHeaders(headers: ReadonlyArray<[string, string]>): string {
  const lines = headers.map(([name, value]) => `add_header ${name} ${quoted(value)} always;`);
  return `# Generated by \`npm run build\`: include in the server block that serves dist/.\n${lines.join('\n')}\n`;
}

/** Caddy: `import` this file in the site block that serves dist/. */
export function caddyHeaders(headers: ReadonlyArray<[string, string]>): string {
  const lines = headers.map(([name, value]) => `\t${name} ${quoted(value)}`);
  return `# Generated by \`npm run build\`: import in the site block that serves dist/.\nheader {\n${lines.join('\n')}\n}\n`;
}

/** The one header file per host, by file name, as written to dist/. */
export function headerFiles(metaPolicy: string, options: HeaderOptions = {}): Record<string, string> {
  const headers = securityHeaders(metaPolicy, options);
  return {
    _headers: netlifyHeaders(headers),
    '_headers.nginx.conf': nginxHeaders(headers),
    '_headers.caddy': caddyHeaders(headers),
  };
}
