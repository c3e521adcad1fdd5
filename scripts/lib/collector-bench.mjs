/**
 * `npm run bench -- --collector`: load on the feedback collector. Starts it as its own process
 * (API only, a temporary data folder, the rate limit lifted: every request here comes from one
 * address), then autocannon posts votes for 20 s over 50 connections, each with a new random
 * voter, so that every 2xx answer is one more stored row. Reports requests per second, latency
 * p50/p99, errors, the collector's peak memory, and whether the database holds exactly the votes
 * that got a 2xx (requests still in flight when the load stops may be stored without an answer:
 * counted apart). Nothing here is asserted by a test: the figures depend on the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** The published articles' slugs, read from the files (the collector refuses others). */
function articleSlugs(root) {
  return readdirSync(join(root, 'content/articles'))
    .filter((name) => name.endsWith('.mdx'))
    .filter((name) => !/^draft:\s*true\s*$/m.test(readFileSync(join(root, 'content/articles', name), 'utf8')))
    .map((name) => name.replace(/\.mdx$/, ''));
}

export async function benchCollector({ root, seconds = 20, connections = 50 }) {
  const { default: autocannon } = await import('autocannon');
  const { openDatabase } = await import('../../collector/src/db.ts');
  const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
  const slugs = articleSlugs(root);
  const articlesFile = join(dir, 'articles.json');
  writeFileSync(articlesFile, JSON.stringify({ articles: slugs.map((slug) => ({ slug, title: slug })) }));
  const dataDir = join(dir, 'data');
  const child = spawn(process.execPath, [join(root, 'collector/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      FEEDBACK_SITE_DIR: '',
      FEEDBACK_ARTICLES: articlesFile,
      FEEDBACK_DATA_DIR: dataDir,
      FEEDBACK_RATE_LIMIT: '1000000000',
      INSIGHTS_TOKEN: randomBytes(18).toString('base64url'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the collector exited (${code}):\n${output}`)));
  });

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryOf(child.pid).rss)), 100);
  const acknowledged = new Set();
  console.log(`bench: autocannon, ${connections} connections for ${seconds} s, POST ${url}/api/feedback`);
  const result = await autocannon({
    url: `${url}/api/feedback`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(request, context) {
          // One new reader per request; remembered per connection (one request in flight each).
          context.voter = randomBytes(16).toString('hex');
          const article = slugs[Math.floor(Math.random() * slugs.length)];
          return { ...request, body: JSON.stringify({ article, voter: context.voter, helpful: Math.random() < 0.8 }) };
        },
        onResponse(status, _body, context) {
          if (status >= 200 && status < 300) acknowledged.add(context.voter);
        },
      },
    ],
  });
  clearInterval(sampler);
  const { hwm } = memoryOf(child.pid);
  child.kill('SIGTERM');
  await exited;

  const db = openDatabase(dataDir, { readOnly: true });
  const stored = new Set(db.voteKeys().map(({ voter }) => voter));
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const lost = [...acknowledged].filter((voter) => !stored.has(voter)).length;

  const figures = {
    tool: `autocannon ${JSON.parse(readFileSync(join(root, 'node_modules/autocannon/package.json'), 'utf8')).version}`,
    endpoint: 'POST /api/feedback',
    durationS: result.duration,
    connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: result.latency.average,
      max: result.latency.max,
    },
    responses2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    peakRssMb: mb(Math.max(peakRss, hwm)),
    stored: stored.size,
    acknowledgedStored: result['2xx'] - lost,
    acknowledgedLost: lost,
    /** Stored without a 2xx reaching autocannon: requests cut off when the load stopped. */
    storedWithoutAnswer: stored.size - (acknowledged.size - lost),
    storedEquals2xx: lost === 0 && acknowledged.size === result['2xx'],
  };
  console.log(
    `  ${figures.requestsPerSecond} req/s, latency p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms; ` +
      `${figures.responses2xx} 2xx, ${figures.non2xx} other, ${figures.errors} errors, ${figures.timeouts} timeouts`,
  );
  console.log(
    `  collector peak RSS ${figures.peakRssMb} MB; stored ${figures.stored} votes: every 2xx stored ${figures.storedEquals2xx ? 'yes' : 'NO'} ` +
      `(${figures.acknowledgedLost} lost, ${figures.storedWithoutAnswer} stored without an answer at the stop)`,
  );
  return figures;
}
