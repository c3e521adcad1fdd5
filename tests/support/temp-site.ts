/**
 * A throw-away copy of the site (sharing node_modules) for tests that must run a real build,
 * e.g. to prove that a writer's mistake fails it with a readable message.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SITE_FILES } from '../../scripts/lib/site-files.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

/** What Vitest adds to the environment (its import.meta.env, NODE_ENV=test, VITEST_*). */
const VITEST_ONLY = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']);

/**
 * The environment for a command run in the copy, without Vitest's own variables: with them
 * (MODE=test, DEV=1) Astro builds as in development, drafts included.
 */
export function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !VITEST_ONLY.has(name) && !name.startsWith('VITEST'),
  );
  return { ...Object.fromEntries(inherited), ...extra, NO_COLOR: '1', FORCE_COLOR: '0' };
}

export interface TempSite {
  dir: string;
  read(path: string): string;
  write(path: string, text: string): void;
  edit(path: string, change: (text: string) => string): void;
  run(command: string, args: string[], env?: Record<string, string>): { status: number | null; output: string };
  build(): { status: number | null; output: string };
  remove(): void;
}

export function makeTempSite(): TempSite {
  const dir = mkdtempSync(join(tmpdir(), 'help-center-'));
  for (const entry of SITE_FILES) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Astro caches in node_modules/.astro by default, which the symlink shares with the real
  // project and with other copies building at the same time: give each copy its own.
  writeFileSync(
    join(dir, 'astro.temp.config.mjs'),
    "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.astro-cache' };\n",
  );
  const site: TempSite = {
    dir,
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    write: (path, text) => writeFileSync(join(dir, path), text),
    edit: (path, change) => site.write(path, change(site.read(path))),
    run(command, args, env = {}) {
      const result = spawnSync(command, args, {
        cwd: dir,
        encoding: 'utf8',
        env: commandEnv(env),
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    },
    build: () =>
      site.run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', 'astro.temp.config.mjs']),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return site;
}
