/** Serves the lazily loaded runtimes of src/lib/runtime-bundles.ts as static .js files. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { RUNTIME_ENTRIES, runtimeBundle, type RuntimeName } from '../../lib/runtime-bundles';

export const getStaticPaths = (async () => {
  const names = Object.keys(RUNTIME_ENTRIES) as RuntimeName[];
  const bundles = await Promise.all(names.map((name) => runtimeBundle(name)));
  return bundles.map((bundle) => ({
    params: { name: bundle.file.replace(/\.js$/, '') },
    props: { code: bundle.code },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ code: string }> = ({ props }) =>
  new Response(props.code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
