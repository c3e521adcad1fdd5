/**
 * The enable window's QR code as an SVG string (no DOM, works in Node and browsers). Dark modules
 * on a light background with the 4-module quiet zone ISO/IEC 18004 asks for, so it stays scannable
 * in forced-colours and dark themes. No `style` attribute, so a strict CSP allows it.
 */
import qrcode from 'qrcode/lib/core/qrcode.js';

export interface QrOptions {
  /** Quiet zone in modules; 4 is the minimum the standard asks for. */
  readonly margin?: number;
  readonly dark?: string;
  readonly light?: string;
  /** Accessible name, rendered as the SVG's <title>. */
  readonly title?: string;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The module matrix (true = dark), row by row; used by the renderer and by tests that decode it. */
export function qrModules(text: string): boolean[][] {
  const { modules } = qrcode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => modules.get(row, col) === 1),
  );
}

export function renderQrSvg(text: string, options: QrOptions = {}): string {
  const { margin = 4, dark = '#000', light = '#fff', title } = options;
  const rows = qrModules(text);
  const size = rows.length + 2 * margin;
  let path = '';
  rows.forEach((cells, y) => {
    // One rectangle per horizontal run of dark modules keeps the path short.
    for (let x = 0; x < cells.length; x++) {
      if (!cells[x]) continue;
      const start = x;
      while (cells[x + 1]) x++;
      path += `M${start + margin} ${y + margin}h${x - start + 1}v1h${start - x - 1}z`;
    }
  });
  const label = title === undefined ? '' : `<title>${escapeXml(title)}</title>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `${label}<rect width="${size}" height="${size}" fill="${escapeXml(light)}"/>` +
    `<path fill="${escapeXml(dark)}" d="${path}"/></svg>`
  );
}
