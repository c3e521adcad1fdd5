/**
 * `node collector/src/main.ts` as a child process on a random port of 127.0.0.1, for the SIGKILL
 * test and the browser tests (which serve the built site through it). Imports nothing from the
 * collector, so Playwright loads it without the collector's own modules.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_TOKEN = 'test-insights-token-0123456789';

export interface SpawnedCollector {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves when the process has ended. */
  exited: Promise<void>;
}

/** `node collector/src/main.ts` as a child process; resolves once it listens. */
export function spawnCollector(env: Record<string, string>): Promise<SpawnedCollector> {
  const child = spawn(process.execPath, [join(ROOT, 'collector/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', INSIGHTS_TOKEN: TEST_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return new Promise((resolveStart, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        resolveStart({ url: match[1]!, child, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the collector exited (${code}) before listening:\n${output}`)));
  });
}
