/**
 * Starts the collector: reads its settings from the environment (README, "The feedback
 * collector"), opens the database, serves the app with the Node adapter. `main.ts` runs this
 * from the command line; tests call `startCollector` with their own settings on port 0.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { loadArticles } from './articles.ts';
import { createApp } from './app.ts';
import { openDatabase } from './db.ts';

export interface CollectorSettings {
  host: string;
  port: number;
  dataDir: string;
  /** The built site to serve; null: the API and the dashboard only. */
  siteDir: string | null;
  articlesFile: string;
  insightsToken: string;
  /** True when no INSIGHTS_TOKEN was given and a development token was made up. */
  devToken: boolean;
  siteOrigins: string[];
  rateLimit: number;
  trustProxy: boolean;
  sync: 'normal' | 'full';
}

const TOKEN = /^[A-Za-z0-9._~+/-]{16,}$/;

/** Settings from environment variables; throws an Error whose message says what to fix. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): CollectorSettings {
  const port = Number(env['PORT'] ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (0-65535); got "${env['PORT']}".`);
  const token = env['INSIGHTS_TOKEN'];
  if (token !== undefined && token !== '' && !TOKEN.test(token))
    throw new Error(
      'INSIGHTS_TOKEN must be at least 16 characters of letters, digits and - . _ ~ + / (for example from `openssl rand -hex 24`).',
    );
  const siteDir = env['FEEDBACK_SITE_DIR'] === '' ? null : resolve(root, env['FEEDBACK_SITE_DIR'] ?? 'dist');
  const origins = (env['FEEDBACK_SITE_ORIGIN'] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        throw new Error(
          `FEEDBACK_SITE_ORIGIN must list the site's origins, such as https://help.example.com; "${origin}" is not one.`,
        );
      }
    });
  const rateLimit = Number(env['FEEDBACK_RATE_LIMIT'] ?? 60);
  if (!Number.isInteger(rateLimit) || rateLimit < 1)
    throw new Error(
      `FEEDBACK_RATE_LIMIT must be a whole number of requests per minute; got "${env['FEEDBACK_RATE_LIMIT']}".`,
    );
  const sync = env['FEEDBACK_DB_SYNC'] ?? 'normal';
  if (sync !== 'normal' && sync !== 'full') throw new Error(`FEEDBACK_DB_SYNC must be normal or full; got "${sync}".`);
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port,
    dataDir: resolve(root, env['FEEDBACK_DATA_DIR'] ?? 'data'),
    siteDir,
    articlesFile: resolve(root, env['FEEDBACK_ARTICLES'] ?? `${siteDir ?? resolve(root, 'dist')}/articles.json`),
    insightsToken: token || randomBytes(18).toString('base64url'),
    devToken: !token,
    siteOrigins: origins,
    rateLimit,
    trustProxy: env['FEEDBACK_TRUST_PROXY'] === '1',
    sync,
  };
}

export interface RunningCollector {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startCollector(settings: CollectorSettings, now?: () => number): Promise<RunningCollector> {
  const articles = loadArticles(settings.articlesFile);
  const db = openDatabase(settings.dataDir, { sync: settings.sync });
  const app = createApp({
    db,
    articles,
    insightsToken: settings.insightsToken,
    siteDir: settings.siteDir ?? undefined,
    siteOrigins: settings.siteOrigins,
    rateLimit: { limit: settings.rateLimit, windowMs: 60_000 },
    trustProxy: settings.trustProxy,
    ...(now ? { now } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolvePromise, reject) => {
    const started = serve({ fetch: app.fetch, hostname: settings.host, port: settings.port }, () =>
      resolvePromise(started),
    );
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => {
          db.close();
          resolveClose();
        });
        // Keep-alive connections would hold close() open: end them.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
