/** Serves the live figures' QR code (src/lib/live-figure-qr.ts) as a static .svg file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { liveFigureQr } from '../../lib/live-figure-qr';

export const getStaticPaths = (() => {
  const { file, svg } = liveFigureQr();
  return [{ params: { name: file.replace(/\.svg$/, '') }, props: { svg } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ svg: string }> = ({ props }) =>
  new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
