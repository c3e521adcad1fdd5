/** Serves the simulator's screens (src/lib/simulator-screens.ts) as a static .html file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { simulatorScreens } from '../../lib/simulator-screens';

export const getStaticPaths = (async () => {
  const { file, html } = await simulatorScreens();
  return [{ params: { name: file.replace(/\.html$/, '') }, props: { html } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ html: string }> = ({ props }) =>
  new Response(props.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
