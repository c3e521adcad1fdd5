/**
 * Scripts that a page fetches later with `import(url)` rather than with the page: the
 * simulator's runtime (engine + custom element, ~47 KB gzipped) is loaded only when a simulator
 * nears the viewport. They are bundled here with esbuild at build time and served from
 * /runtime/<name>.<hash>.js (src/pages/runtime/[name].js.ts); the hash changes with the code.
 *
 * Why not a plain dynamic `import()` in the page's script: Vite then puts its module-preload
 * helper (~1.2 KB gzipped) into the page's eager script, which this site's budgets do not allow.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build } from 'esbuild';

export const RUNTIME_ENTRIES = {
  simulator: 'src/simulator/ui/simulator-element.ts',
  /** The search results UI, loaded on first focus of a search box (src/components/SearchBox.astro). */
  search: 'src/components/search/search-ui.ts',
  /** The simulator event beacon for the feedback collector (src/components/SimulatorBeacon.astro). */
  beacon: 'src/components/helpful/simulator-beacon.ts',
  /** What sends a "Was this answer helpful?" vote to the collector, loaded when a reader votes. */
  feedback: 'src/components/helpful/vote-sender.ts',
} as const;

export type RuntimeName = keyof typeof RUNTIME_ENTRIES;

export interface RuntimeBundle {
  readonly file: string;
  readonly code: string;
}

const bundles = new Map<RuntimeName, Promise<RuntimeBundle>>();

export function runtimeBundle(name: RuntimeName): Promise<RuntimeBundle> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = build({
      entryPoints: [resolve(RUNTIME_ENTRIES[name])],
      bundle: true,
      // RUNTIME_MINIFY=0 keeps names readable in a CPU profile (`npm run bench -- --boot`).
      minify: process.env['RUNTIME_MINIFY'] !== '0',
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    }).then((result) => {
      const code = result.outputFiles[0]?.text ?? '';
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
      return { file: `${name}.${hash}.js`, code };
    });
    bundles.set(name, bundle);
  }
  return bundle;
}

export async function runtimeUrl(name: RuntimeName): Promise<string> {
  return `/runtime/${(await runtimeBundle(name)).file}`;
}
