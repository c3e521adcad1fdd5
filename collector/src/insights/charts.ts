/**
 * The dashboard's charts: Observable Plot, rendered to SVG on the server through linkedom's
 * DOM, so the page needs no charting script. Readable without colour: one ink (currentColor),
 * lengths plus the numbers written next to each bar, and every chart has a table with the same
 * figures beside it. Plot's own <style> element is dropped (the page's CSP allows no inline
 * style; insights.css carries the same rules).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ArticleRow, FunnelStep } from './report.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function toSvg(chart: Element, label: string): string {
  chart.querySelectorAll('style').forEach((style) => style.remove());
  chart.removeAttribute('style');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
  chart.classList.add('chart');
  return chart.outerHTML;
}

const rowHeight = 26;

/** Helpful ratio per article, as horizontal bars with "82% of 17" written beside each. */
export function ratioChart(
  rows: readonly ArticleRow[],
  text: { label: string; axis: string; of: (ratio: number, votes: number) => string },
): string {
  const data = rows.filter((row) => row.ratio !== null);
  if (data.length === 0) return '';
  const chart = Plot.plot({
    document,
    width: 720,
    height: 40 + data.length * rowHeight,
    marginLeft: 260,
    marginRight: 90,
    x: { domain: [0, 100], label: text.axis, grid: true },
    y: {
      domain: data.map((row) => row.title),
      label: null,
      tickFormat: (title: string) => (title.length > 42 ? `${title.slice(0, 41)}…` : title),
    },
    marks: [
      Plot.barX(data, { x: (row: ArticleRow) => (row.ratio ?? 0) * 100, y: 'title', className: 'bar' }),
      Plot.text(data, {
        x: (row: ArticleRow) => (row.ratio ?? 0) * 100,
        y: 'title',
        text: (row: ArticleRow) => text.of(row.ratio ?? 0, row.votes),
        textAnchor: 'start',
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  return toSvg(chart, text.label);
}

/** A simulator's funnel: sessions that reached each step, with what happened written beside. */
export function funnelChart(
  steps: readonly FunnelStep[],
  text: { label: string; axis: string; stepName: (step: string) => string; note: (step: FunnelStep) => string },
): string {
  if (steps.length === 0) return '';
  const data = steps.map((step) => ({ ...step, name: text.stepName(step.step) }));
  const top = Math.max(2, Math.ceil(Math.max(...data.map((step) => step.reached)) * 1.6));
  const every = Math.max(1, Math.ceil(top / 8));
  const chart = Plot.plot({
    document,
    width: 720,
    height: 40 + data.length * rowHeight,
    marginLeft: 230,
    marginRight: 20,
    // Room on the right for the notes; whole-number ticks (these are counts of sessions).
    x: {
      label: text.axis,
      grid: true,
      domain: [0, top],
      ticks: Array.from({ length: Math.floor(top / every) + 1 }, (_, i) => i * every),
      tickFormat: 'd',
    },
    y: { domain: data.map((step) => step.name), label: null },
    marks: [
      Plot.barX(data, { x: 'reached', y: 'name', className: 'bar' }),
      Plot.text(data, {
        x: 'reached',
        y: 'name',
        text: (step: FunnelStep) => text.note(step),
        textAnchor: 'start',
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  return toSvg(chart, text.label);
}
