/* eslint-disable @typescript-eslint/no-unsafe-argument -- Hono types a middleware's context with
   Input = any; handing that context on to our helpers and to the rate limiter is safe. */
/**
 * The collector's HTTP surface, as a Hono app (web-standard Request/Response; the Node adapter
 * serves it in server.ts). Routes:
 *
 *   POST /api/feedback      a reader's vote, with an optional reason and comment after "No"
 *   POST /api/events        simulator sessions, sent with sendBeacon when the page hides
 *   POST /api/csp-report    Content-Security-Policy violation reports (report-uri / report-to)
 *   GET  /api/counts        vote totals per article (public: the pages show them anyway)
 *   GET  /api/insights/...  the dashboard's figures as JSON and CSV (Authorization: Bearer)
 *   GET  /insights/         the dashboard (asks for the token; report fetched with it)
 *   GET  everything else    the built site (dist/), when the collector serves it
 *
 * Every input is checked by a schema (schemas.ts) and refused with a JSON error that says why;
 * bodies are size-limited and content-type checked; each client is rate-limited by a salted
 * hash of its address, kept in memory only; CORS answers only the site's configured origins;
 * no cookie is ever set.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { rateLimiter } from 'hono-rate-limiter';
import type { Articles } from './articles.ts';
import type { FeedbackDatabase } from './db.ts';
import { tableCsv } from './insights/csv.ts';
import { insightsPage, loadCharts, reportFragment, t, type TableName } from './insights/page.ts';
import { buildReport, parsePeriod, type Period } from './insights/report.ts';
import { redact } from './redact.ts';
import { cspReportSchema, eventsSchema, feedbackSchema, firstProblem } from './schemas.ts';

export interface CollectorOptions {
  db: FeedbackDatabase;
  articles: Articles;
  /** The dashboard's token (INSIGHTS_TOKEN). */
  insightsToken: string;
  /** The built site to serve beside the API (`npm start`); without it the API runs alone. */
  siteDir?: string | undefined;
  /** Origins of a site served elsewhere that may send feedback (CORS), e.g. https://help.example.com. */
  siteOrigins?: readonly string[];
  /** Requests per client per window on the API and the dashboard. */
  rateLimit?: { limit: number; windowMs: number };
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
  trustProxy?: boolean;
  now?: () => number;
}

export const LIMITS = { feedback: 8 * 1024, events: 64 * 1024, cspReport: 16 * 1024, form: 4 * 1024 };
const PUBLIC_DIR = resolve(import.meta.dirname, '../public');
const ASSETS = new Map([
  ['insights.css', 'text/css; charset=utf-8'],
  ['insights.js', 'text/javascript; charset=utf-8'],
]);
const INSIGHTS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Problem = { status: ContentfulStatusCode; code: string; message: string; field?: string };

function problem(c: Context, { status, code, message, field }: Problem) {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: field ? { code, message, field } : { code, message } }, status);
}

/** Accepts only the listed media types (parameters such as charset are allowed). */
function contentType(...accepted: string[]): MiddlewareHandler {
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!accepted.includes(type))
      return problem(c, {
        status: 415,
        code: 'content-type',
        message: `Send the body as ${accepted.join(' or ')}${type ? `, not ${type}` : ''}.`,
      });
    return next();
  };
}

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      problem(c, {
        status: 413,
        code: 'too-large',
        message: `The body is too large: at most ${maxSize.toLocaleString('en')} bytes.`,
      }),
  });

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      response: problem(c, {
        status: 400,
        code: 'malformed',
        message: `The body is not valid JSON (${(error as Error).message}).`,
      }),
    };
  }
}

/** The token compared in constant time (both sides hashed first, so lengths never leak). */
function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearer(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

/** Where a CSP report's blocked resource came from: an origin or a CSP keyword, never a full URL. */
export function blockedOrigin(raw: string | undefined): string {
  if (!raw) return 'unknown';
  if (/^(inline|eval|wasm-eval|trusted-types-policy|trusted-types-sink|self)$/i.test(raw)) return raw.toLowerCase();
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:')
      return url.origin;
    return url.protocol.replace(/:$/, ''); // data, blob, filesystem...
  } catch {
    return /^[a-z][a-z0-9+.-]*$/i.test(raw) ? raw.toLowerCase().slice(0, 40) : 'other';
  }
}

export function createApp(options: CollectorOptions): Hono {
  const { db, articles } = options;
  const now = options.now ?? Date.now;
  const siteOrigins = new Set(options.siteOrigins ?? []);
  // The rate limiter's key: an HMAC of the client's address under a salt made at start and never
  // written anywhere, so the key cannot be turned back into an address, even from a memory dump
  // taken after a restart.
  const salt = randomBytes(32);
  const clientKey = (c: Context) => {
    const forwarded = options.trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
    let address = forwarded;
    if (!address) {
      try {
        address = getConnInfo(c).remote.address;
      } catch {
        address = undefined; // not served by the Node adapter (app.request in a test)
      }
    }
    return createHmac('sha256', salt)
      .update(address ?? 'unknown')
      .digest('base64url');
  };
  const limiter = rateLimiter({
    windowMs: options.rateLimit?.windowMs ?? 60_000,
    limit: options.rateLimit?.limit ?? 60,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    handler: ((c: Context) =>
      problem(c, {
        status: 429,
        code: 'rate-limited',
        message: 'Too many requests from this client: wait a minute and try again.',
      })) as never,
  });

  const app = new Hono();

  app.onError((error, c) => {
    console.error(`collector: ${c.req.method} ${c.req.path} failed: ${error.message}`);
    return problem(c, {
      status: 500,
      code: 'server',
      message: 'The collector could not handle this request; nothing was stored.',
    });
  });

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.res.headers.delete('Set-Cookie'); // no route sets one; this makes sure nothing ever does
  });

  // ---- API ---------------------------------------------------------------------------------
  const api = new Hono();
  api.use(
    '*',
    cors({
      origin: (origin) => (siteOrigins.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    }),
  );
  api.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    if (c.req.method === 'POST' && c.req.path !== '/api/csp-report') {
      // Browsers name the page's origin on every cross-site POST: only the site's own are welcome.
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin && !siteOrigins.has(origin))
        return problem(c, {
          status: 403,
          code: 'origin',
          message: `This collector takes feedback only from its own site, not from ${origin}.`,
        });
    }
    return next();
  });
  api.use('*', async (c, next) => (c.req.method === 'OPTIONS' ? next() : limiter(c, next)));

  const unknownArticle = (c: Context, slug: string) =>
    problem(c, {
      status: 422,
      code: 'unknown-article',
      field: 'article',
      message: `There is no published article "${slug}": send the slug of an article of this site.`,
    });

  api.post('/feedback', contentType('application/json'), limit(LIMITS.feedback), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = feedbackSchema.safeParse(body.value);
    if (!parsed.success) return problem(c, { status: 400, code: 'invalid', ...firstProblem(parsed.error) });
    const vote = parsed.data;
    if (!articles.has(vote.article)) return unknownArticle(c, vote.article);
    const comment = vote.comment?.trim() ? redact(vote.comment.trim()) : null;
    const counts = db.saveVote(
      { article: vote.article, voter: vote.voter, helpful: vote.helpful, reason: vote.reason ?? null, comment },
      now(),
    );
    return c.json({ ok: true, article: vote.article, votes: counts.votes, helpful: counts.helpful });
  });

  api.post('/events', contentType('application/json', 'text/plain'), limit(LIMITS.events), async (c) => {
    // text/plain is what sendBeacon can send to another origin without a preflight; the body
    // must still be JSON that passes the schema.
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = eventsSchema.safeParse(body.value);
    if (!parsed.success) return problem(c, { status: 400, code: 'invalid', ...firstProblem(parsed.error) });
    const batch = parsed.data;
    if (!articles.has(batch.article)) return unknownArticle(c, batch.article);
    db.saveSessions(
      batch.sessions.map((session) => ({ ...session, article: batch.article, label: session.label ?? null })),
      now(),
    );
    return c.json({ ok: true, sessions: batch.sessions.length }, 202);
  });

  api.post(
    '/csp-report',
    contentType('application/csp-report', 'application/reports+json', 'application/json'),
    limit(LIMITS.cspReport),
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      const parsed = cspReportSchema.safeParse(body.value);
      if (!parsed.success)
        return problem(c, {
          status: 400,
          code: 'invalid',
          message: 'This is not a CSP violation report (report-uri or report-to format).',
        });
      const reports = Array.isArray(parsed.data)
        ? parsed.data
            .filter((report) => report.type === 'csp-violation')
            .map(({ body: report }) => ({ directive: report.effectiveDirective, blocked: report.blockedURL }))
        : [
            {
              directive:
                parsed.data['csp-report']['effective-directive'] ?? parsed.data['csp-report']['violated-directive'],
              blocked: parsed.data['csp-report']['blocked-uri'],
            },
          ];
      for (const report of reports) {
        const directive = (report.directive ?? 'unknown').split(/\s+/)[0]!.toLowerCase().slice(0, 64);
        db.saveCspReport(
          { directive: /^[a-z-]+$/.test(directive) ? directive : 'unknown', blocked: blockedOrigin(report.blocked) },
          now(),
        );
      }
      return c.body(null, 204);
    },
  );

  api.get('/counts', (c) =>
    c.json({
      articles: Object.fromEntries(db.counts().map(({ article, votes, helpful }) => [article, { votes, helpful }])),
    }),
  );

  // The dashboard's data: token required, as a bearer header (never a cookie or a URL).
  const insightsApi = new Hono();
  insightsApi.use('*', async (c, next) => {
    if (!tokenMatches(bearer(c), options.insightsToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="insights"');
      return problem(c, { status: 401, code: 'token', message: t('insights.refused') });
    }
    return next();
  });
  const period = (c: Context): Period | Response => {
    const parsed = parsePeriod(c.req.query('period'));
    return (
      parsed ?? problem(c, { status: 400, code: 'invalid', field: 'period', message: 'period must be 7, 30 or all.' })
    );
  };
  insightsApi.get('/report.json', (c) => {
    const chosen = period(c);
    if (chosen instanceof Response) return chosen;
    return c.json(buildReport(db, articles, chosen, now()));
  });
  insightsApi.get('/:file', (c) => {
    const chosen = period(c);
    if (chosen instanceof Response) return chosen;
    const table = /^(articles|reasons|comments|funnel|csp)\.csv$/.exec(c.req.param('file'))?.[1] as
      TableName | undefined;
    if (!table)
      return problem(c, {
        status: 404,
        code: 'not-found',
        message: 'No such table: use articles, reasons, comments, funnel or csp.csv.',
      });
    const csv = tableCsv(buildReport(db, articles, chosen, now()), table, c.req.query('simulator'));
    if (csv === null)
      return problem(c, {
        status: 404,
        code: 'not-found',
        field: 'simulator',
        message: 'No simulator with that key in this period.',
      });
    const name =
      table === 'funnel' ? `funnel-${(c.req.query('simulator') ?? '').replace(/[^a-z0-9-]+/gi, '-')}` : table;
    c.header('Content-Disposition', `attachment; filename="insights-${name}-${chosen}.csv"`);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  api.route('/insights', insightsApi);
  api.all('*', (c) =>
    problem(c, { status: 404, code: 'not-found', message: `No such endpoint: ${c.req.method} ${c.req.path}.` }),
  );
  app.route('/api', api);

  // ---- Dashboard -----------------------------------------------------------------------------
  const page = (c: Context, body: string, status: ContentfulStatusCode = 200) => {
    c.header('Content-Security-Policy', INSIGHTS_CSP);
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(body, status);
  };
  app.use('/insights/*', (c, next) => limiter(c, next));
  app.get('/insights', (c) => c.redirect('/insights/', 301));
  app.get('/insights/', (c) => page(c, insightsPage()));
  // Without JavaScript the form posts the token; the answer is the page with the report in it.
  app.post('/insights/', contentType('application/x-www-form-urlencoded'), limit(LIMITS.form), async (c) => {
    const form = await c.req.parseBody();
    const chosen = parsePeriod(typeof form['period'] === 'string' ? form['period'] : undefined) ?? '30';
    const token = typeof form['token'] === 'string' ? form['token'] : undefined;
    if (!tokenMatches(token, options.insightsToken))
      return page(c, insightsPage({ error: t(token ? 'insights.refused' : 'insights.missing'), period: chosen }), 401);
    await loadCharts();
    return page(c, insightsPage({ report: reportFragment(buildReport(db, articles, chosen, now())), period: chosen }));
  });
  app.get('/insights/report', async (c) => {
    if (!tokenMatches(bearer(c), options.insightsToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="insights"');
      return problem(c, { status: 401, code: 'token', message: t('insights.refused') });
    }
    const chosen = parsePeriod(c.req.query('period'));
    if (!chosen)
      return problem(c, { status: 400, code: 'invalid', field: 'period', message: 'period must be 7, 30 or all.' });
    await loadCharts();
    return page(c, reportFragment(buildReport(db, articles, chosen, now())));
  });
  app.get('/insights/assets/:file', (c) => {
    const type = ASSETS.get(c.req.param('file'));
    if (!type) return c.notFound();
    return c.body(readFileSync(join(PUBLIC_DIR, c.req.param('file'))), 200, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
    });
  });

  // ---- The built site ------------------------------------------------------------------------
  const siteDir = options.siteDir ? resolve(options.siteDir) : undefined;
  if (siteDir) {
    app.use('*', async (c, next) => {
      // Pages live at /path/ (trailingSlash: 'always'); /path answers with a redirect to them.
      const path = decodeURIComponent(c.req.path);
      if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
        const file = normalize(join(siteDir, path, 'index.html'));
        if (file.startsWith(siteDir) && existsSync(file))
          return c.redirect(`${c.req.path}/${new URL(c.req.url).search}`, 301);
      }
      return next();
    });
    app.use(
      '*',
      serveStatic({
        root: siteDir,
        onFound: (path, c) => {
          // Hashed file names never change content: cache them for good; revalidate the rest.
          const hashed = /\/(_astro|runtime)\//.test(path) || /\/pagefind\/.+\.pf_/.test(path);
          c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
          if (path.endsWith('.html')) c.header('X-Frame-Options', 'DENY');
        },
      }),
    );
    const notFoundPage = join(siteDir, '404.html');
    app.notFound((c) => {
      if (existsSync(notFoundPage) && statSync(notFoundPage).isFile())
        return c.html(readFileSync(notFoundPage, 'utf8'), 404);
      return c.text('Not found', 404);
    });
  } else {
    app.notFound((c) =>
      problem(c, { status: 404, code: 'not-found', message: 'This collector serves only its API and /insights/.' }),
    );
  }
  return app;
}
