/**
 * The collector's API on a real server (random port of 127.0.0.1, temporary data folder): what
 * it stores and counts, and every bad input refused with its message and nothing stored.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../collector/src/insights/report';
import { startTestCollector, voterId, type TestCollector } from '../support/collector';

const ARTICLE = 'check-invoices';
const SIM_ARTICLE = 'enable-two-factor-authentication';
let collector: TestCollector;

beforeAll(async () => {
  collector = await startTestCollector({ siteOrigins: ['https://help.example.com'] });
});
afterAll(() => collector.close());

const everything = () => collector.insights<Report>('/api/insights/report.json?period=all');
const countOf = async (slug: string) => (await everything()).articles.find((row) => row.slug === slug);

describe('votes', () => {
  it('records a vote and answers with the article’s new totals', async () => {
    const before = (await countOf(ARTICLE))?.votes ?? 0;
    const response = await collector.post('/api/feedback', { article: ARTICLE, voter: voterId(), helpful: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, article: ARTICLE, votes: before + 1 });
    expect((await countOf(ARTICLE))?.votes).toBe(before + 1);
    const counts = (await (await fetch(`${collector.url}/api/counts`)).json()) as {
      articles: Record<string, { votes: number }>;
    };
    expect(counts.articles[ARTICLE]?.votes).toBe(before + 1);
  });

  it('counts a changed vote once, as its latest answer', async () => {
    const voter = voterId();
    const before = await countOf('check-email-history');
    await collector.post('/api/feedback', { article: 'check-email-history', voter, helpful: true });
    const answer = await collector.post('/api/feedback', {
      article: 'check-email-history',
      voter,
      helpful: false,
      reason: 'steps-differ',
    });
    expect(await answer.json()).toMatchObject({ votes: (before?.votes ?? 0) + 1, helpful: before?.helpful ?? 0 });
    const after = await countOf('check-email-history');
    expect(after).toMatchObject({ votes: (before?.votes ?? 0) + 1, notHelpful: (before?.notHelpful ?? 0) + 1 });
    // Changed back to Yes: the reason goes with the No.
    await collector.post('/api/feedback', { article: 'check-email-history', voter, helpful: true });
    const reasons = (await everything()).reasons.filter((row) => row.slug === 'check-email-history');
    expect(reasons.reduce((sum, row) => sum + row.count, 0)).toBe(0);
  });

  it('stores the reason and the comment with codes, keys and addresses replaced', async () => {
    const comment =
      'Code 123 456 refused, backup a1b2-c3d4-e5f6-a7b8 too, key JBSW Y3DP EHPK 3PXP JBSW Y3DP, mail me at jo@example.org, card 4111 1111 1111 1111';
    await collector.post('/api/feedback', {
      article: ARTICLE,
      voter: voterId(),
      helpful: false,
      reason: 'code-rejected',
      comment,
    });
    const stored = (await everything()).comments.find((row) => row.comment.startsWith('Code '));
    expect(stored).toMatchObject({ slug: ARTICLE, reason: 'code-rejected' });
    expect(stored!.comment).toBe(
      'Code [code removed] refused, backup [backup code removed] too, key [key removed], mail me at [email removed], card [card number removed]',
    );
    // Not on disk either: the database files never saw them.
    const disk = readdirSync(collector.dataDir)
      .map((name) => readFileSync(join(collector.dataDir, name)).toString('latin1'))
      .join('');
    for (const secret of ['123 456', 'a1b2-c3d4', 'JBSW Y3DP', 'jo@example.org', '4111 1111', '127.0.0.1'])
      expect(disk, secret).not.toContain(secret);
  });
});

describe('simulator events', () => {
  const session = (id: string, steps: string[], extra: object = {}) => ({
    id,
    simulator: 'sim-1',
    label: 'Practise enabling 2FA (two-factor authentication simulator)',
    start: 'login',
    mode: 'guided',
    completed: false,
    steps: steps.map((step, seq) => ({ seq, step, seconds: seq + 1 })),
    refusals: [],
    ...extra,
  });
  const funnel = async () =>
    (await everything()).simulators.find((row) => row.key === `${SIM_ARTICLE}/sim-1/login/guided`);

  it('records steps, refusals and completion, and a resent batch counts once', async () => {
    const before = await funnel();
    const batch = {
      article: SIM_ARTICLE,
      sessions: [
        session('a'.repeat(32), ['login', 'security-settings', 'enable', 'phone:scan'], {
          refusals: [
            { seq: 0, step: 'enable', kind: 'wrong' },
            { seq: 1, step: 'enable', kind: 'expired' },
          ],
        }),
        session('b'.repeat(32), ['login', 'security-settings', 'enable', 'backup-code'], { completed: true }),
      ],
    };
    const response = await collector.post('/api/events', JSON.stringify(batch), {
      'Content-Type': 'text/plain;charset=UTF-8',
    });
    expect(response.status).toBe(202);
    await collector.post('/api/events', batch); // the page hid twice: the same again
    const after = await funnel();
    expect(after!.sessions).toBe((before?.sessions ?? 0) + 2);
    expect(after!.completed).toBe((before?.completed ?? 0) + 1);
    const enable = after!.steps.find((step) => step.step === 'enable')!;
    const reachedBefore = before?.steps.find((step) => step.step === 'enable')?.reached ?? 0;
    expect(enable.reached).toBe(reachedBefore + 2);
    expect(enable.gaveUp).toBe((before?.steps.find((step) => step.step === 'enable')?.gaveUp ?? 0) + 1);
    expect(enable.refusals).toMatchObject({ wrong: expect.any(Number), expired: expect.any(Number) });
    expect(after!.steps.map((step) => step.step).slice(0, 3)).toEqual(['login', 'security-settings', 'enable']);
    expect(after!.label).toBe('Practise enabling 2FA (two-factor authentication simulator)');
  });

  it('a later batch of the same session adds its new steps and the time spent', async () => {
    const id = 'c'.repeat(32);
    await collector.post('/api/events', { article: SIM_ARTICLE, sessions: [session(id, ['login'])] });
    await collector.post('/api/events', {
      article: SIM_ARTICLE,
      sessions: [
        session(id, ['login', 'security-question'], {
          steps: [
            { seq: 0, step: 'login', seconds: 40 },
            { seq: 1, step: 'security-question', seconds: 5 },
          ],
        }),
      ],
    });
    const question = (await funnel())!.steps.find((step) => step.step === 'security-question')!;
    expect(question.reached).toBeGreaterThanOrEqual(1);
    expect(question.medianSeconds).toBe(5);
  });
});

describe('bad input is refused with a message, and nothing is stored', () => {
  const valid = () => ({ article: ARTICLE, voter: voterId(), helpful: false });
  const cases: [string, string, () => { body: unknown; headers?: Record<string, string> }, number, RegExp][] = [
    ['malformed JSON', '/api/feedback', () => ({ body: '{"article": "check-invoices",' }), 400, /not valid JSON/],
    [
      'a wrong type',
      '/api/feedback',
      () => ({ body: { ...valid(), helpful: 'yes' } }),
      400,
      /helpful must be true or false/,
    ],
    ['a missing field', '/api/feedback', () => ({ body: { article: ARTICLE, helpful: true } }), 400, /voter must be/],
    ['an unknown field', '/api/feedback', () => ({ body: { ...valid(), ip: '1.2.3.4' } }), 400, /unknown field ip/],
    [
      'an unknown article',
      '/api/feedback',
      () => ({ body: { ...valid(), article: 'no-such-article' } }),
      422,
      /no published article "no-such-article"/,
    ],
    [
      'a slug that is not one',
      '/api/feedback',
      () => ({ body: { ...valid(), article: '../etc' } }),
      400,
      /slug of a published article/,
    ],
    [
      'a comment with HTML',
      '/api/feedback',
      () => ({ body: { ...valid(), comment: 'see <img src=x onerror=alert(1)>' } }),
      400,
      /plain text: HTML tags are not accepted/,
    ],
    [
      'a comment over 1,000 characters',
      '/api/feedback',
      () => ({ body: { ...valid(), comment: 'x'.repeat(1001) } }),
      400,
      /keep it to 1,000 characters/,
    ],
    [
      'a reason with a Yes',
      '/api/feedback',
      () => ({ body: { ...valid(), helpful: true, reason: 'other' } }),
      400,
      /only with a "No" answer/,
    ],
    [
      'an unknown reason',
      '/api/feedback',
      () => ({ body: { ...valid(), reason: 'angry' } }),
      400,
      /reason must be one of steps-differ/,
    ],
    [
      'an oversized body',
      '/api/feedback',
      () => ({ body: { ...valid(), comment: 'x'.repeat(20_000) } }),
      413,
      /too large: at most 8,192 bytes/,
    ],
    [
      'a form instead of JSON',
      '/api/feedback',
      () => ({
        body: 'article=check-invoices&helpful=true',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      415,
      /Send the body as application\/json, not application\/x-www-form-urlencoded/,
    ],
    [
      'text/plain for a vote',
      '/api/feedback',
      () => ({ body: JSON.stringify(valid()), headers: { 'Content-Type': 'text/plain' } }),
      415,
      /application\/json/,
    ],
    [
      'events for an unknown article',
      '/api/events',
      () => ({
        body: {
          article: 'nope',
          sessions: [
            {
              id: 'd'.repeat(32),
              simulator: 'sim-1',
              start: 'login',
              mode: 'guided',
              completed: false,
              steps: [],
              refusals: [],
            },
          ],
        },
      }),
      422,
      /no published article "nope"/,
    ],
    [
      'an event step that is not a name',
      '/api/events',
      () => ({
        body: {
          article: SIM_ARTICLE,
          sessions: [
            {
              id: 'e'.repeat(32),
              simulator: 'sim-1',
              start: 'login',
              mode: 'guided',
              completed: false,
              steps: [{ seq: 0, step: '123456 typed', seconds: 1 }],
              refusals: [],
            },
          ],
        },
      }),
      400,
      /step must be a simulator name/,
    ],
    [
      'an event carrying a typed value',
      '/api/events',
      () => ({
        body: {
          article: SIM_ARTICLE,
          sessions: [
            {
              id: 'f'.repeat(32),
              simulator: 'sim-1',
              start: 'login',
              mode: 'guided',
              completed: false,
              steps: [],
              refusals: [{ seq: 0, step: 'enable', kind: 'wrong', value: '123456' }],
            },
          ],
        },
      }),
      400,
      /Unrecognized key|unknown|value/i,
    ],
    [
      'an empty batch',
      '/api/events',
      () => ({ body: { article: SIM_ARTICLE, sessions: [] } }),
      400,
      /sessions is empty/,
    ],
  ];

  it.each(cases)('%s', async (_, path, make, status, message) => {
    const before = JSON.stringify(await everything());
    const { body, headers } = make();
    const response = await collector.post(path, body, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const answer = (await response.json()) as { error: { message: string } };
    expect(answer.error.message).toMatch(message);
    expect(JSON.stringify(await everything())).toBe(before);
  });

  it('too many requests from one client: refused with 429 until the window passes', async () => {
    const limited = await startTestCollector({ rateLimit: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await limited.post('/api/feedback', { article: ARTICLE, voter: voterId(), helpful: true })).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const refused = await limited.post('/api/feedback', { article: ARTICLE, voter: voterId(), helpful: true });
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /Too many requests from this client/,
      );
      expect(refused.headers.get('ratelimit-limit')).toBe('3');
    } finally {
      await limited.close();
    }
  });
});

describe('origins, CORS and cookies', () => {
  it('answers the site’s configured origin, and no other, to a preflight', async () => {
    const preflight = (origin: string) =>
      fetch(`${collector.url}/api/feedback`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
    expect((await preflight('https://help.example.com')).headers.get('access-control-allow-origin')).toBe(
      'https://help.example.com',
    );
    expect((await preflight('https://evil.example.net')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a vote posted from another site, and stores nothing', async () => {
    const before = JSON.stringify(await everything());
    const response = await collector.post(
      '/api/feedback',
      { article: ARTICLE, voter: voterId(), helpful: true },
      { Origin: 'https://evil.example.net' },
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/only from its own site/);
    expect(JSON.stringify(await everything())).toBe(before);
    const own = await collector.post(
      '/api/feedback',
      { article: ARTICLE, voter: voterId(), helpful: true },
      { Origin: collector.url },
    );
    expect(own.status).toBe(200);
  });

  it('never sets a cookie', async () => {
    const responses = await Promise.all([
      collector.post('/api/feedback', { article: ARTICLE, voter: voterId(), helpful: true }),
      collector.post('/api/feedback', '{'),
      fetch(`${collector.url}/insights/`),
      fetch(`${collector.url}/api/counts`),
    ]);
    for (const response of responses) expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('CSP reports', () => {
  const post = (type: string, body: unknown) => collector.post('/api/csp-report', body, { 'Content-Type': type });
  const csp = async () => (await everything()).csp;

  it('stores only the directive and the blocked origin, from either report format', async () => {
    expect(
      (
        await post('application/csp-report', {
          'csp-report': {
            'document-uri': 'https://help.example.com/articles/x/?email=jo@example.org',
            'violated-directive': 'connect-src',
            'effective-directive': 'connect-src',
            'blocked-uri': 'https://tracker.example.net/collect?secret=abc123',
          },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await post('application/reports+json', [
          {
            type: 'csp-violation',
            url: 'https://help.example.com/?q=1',
            body: { effectiveDirective: 'script-src-elem', blockedURL: 'inline' },
          },
        ])
      ).status,
    ).toBe(204);
    const rows = await csp();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ directive: 'connect-src', blocked: 'https://tracker.example.net', count: 1 }),
        expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline', count: 1 }),
      ]),
    );
    const disk = readdirSync(collector.dataDir)
      .map((name) => readFileSync(join(collector.dataDir, name)).toString('latin1'))
      .join('');
    expect(disk).not.toContain('secret=abc123');
    expect(disk).not.toContain('jo@example.org');
  });

  it('refuses what is not a report, and an oversized one', async () => {
    const before = JSON.stringify(await csp());
    expect((await post('application/csp-report', { hello: 'world' })).status).toBe(400);
    expect((await post('application/csp-report', '{"csp-report": ')).status).toBe(400);
    expect((await post('application/csp-report', { 'csp-report': { 'blocked-uri': 'x'.repeat(20_000) } })).status).toBe(
      413,
    );
    expect((await post('text/html', '<p>')).status).toBe(415);
    expect(JSON.stringify(await csp())).toBe(before);
  });
});
