/**
 * Every page of the built site, found by walking dist/ (never a hard-coded list), so that sweeps
 * over "every page" pick up new routes (categories, tags, training, ...) by themselves.
 * Call it inside a test: Playwright's web server builds dist/ after the test files are loaded.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const DIST = resolve(import.meta.dirname, '../../dist');

/**
 * Addresses of every HTML page in dist/: `index.html` files as `/dir/`, others as `/name.html`.
 * `runtime/` holds fragments the simulators fetch (their screens), not pages.
 */
export function builtPages(dist = DIST): string[] {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No built site in ${dist}: run \`npm run build\` first.`);
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(dist, 'runtime')) walk(path);
      } else if (entry.name.endsWith('.html')) {
        const url = `/${relative(dist, path).split(sep).join('/')}`;
        pages.push(url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url);
      }
    }
  };
  walk(dist);
  return pages.sort();
}
