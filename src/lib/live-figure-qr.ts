/**
 * The QR code the live figures show in the enable window: one SVG file per build
 * (/runtime/live-figure-qr.<hash>.svg) instead of a data: address inside every page that has
 * such a figure. Its practice key is fixed (the figures' seed), so the file is the same on
 * every build.
 */
import { createHash } from 'node:crypto';
import { renderQrSvg } from '../simulator/otp/qr';
import { previewState } from '../components/simulator/preview';

/** The seed the live figures draw their practice key from. */
export const LIVE_FIGURE_SEED = 'live-figure';

let qr: { file: string; svg: string } | null = null;

export function liveFigureQr(): { file: string; svg: string } {
  if (!qr) {
    const uri = previewState('enable', 'default', { seed: LIVE_FIGURE_SEED }).view.enrollment?.uri ?? '';
    const svg = renderQrSvg(uri);
    qr = { file: `live-figure-qr.${createHash('sha256').update(svg).digest('hex').slice(0, 10)}.svg`, svg };
  }
  return qr;
}

export const liveFigureQrUrl = (): string => `/runtime/${liveFigureQr().file}`;
