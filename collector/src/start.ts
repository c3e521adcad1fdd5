#!/usr/bin/env node
/**
 * `npm start`: the whole product in one process. Builds the site with its votes going to this
 * same server (PUBLIC_FEEDBACK_URL=/ unless you set another), then serves dist/ and the
 * collector's API together on 127.0.0.1:4321 (PORT, HOST and the rest: README).
 */
import { spawnSync } from 'node:child_process';

const env = { ...process.env, PUBLIC_FEEDBACK_URL: process.env['PUBLIC_FEEDBACK_URL'] ?? '/' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
await import('./main.ts');
