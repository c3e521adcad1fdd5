/**
 * The /insights/ page: a shell that asks for the access token, and the report fragment the
 * page's script fetches with that token (Authorization: Bearer) and puts in place. The same
 * fragment is rendered into the shell when the form is posted without JavaScript.
 *
 * Everything interpolated goes through hono/html, which escapes it (comments are readers'
 * words); charts are SVG strings from charts.ts. No inline script or style anywhere: the page
 * runs under a CSP of 'self' only (app.ts).
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import strings from '../../../src/i18n/en.json' with { type: 'json' };
import site from '../../../src/data/site.json' with { type: 'json' };
import { PERIODS, type FunnelStep, type Period, type Report, type SimulatorFunnel } from './report.ts';

// Observable Plot and its DOM are about a third of the collector's memory: they are loaded with
// the first report (loadCharts), not at start, so a collector that only takes votes never has them.
let charts: typeof import('./charts.ts') | null = null;
export async function loadCharts(): Promise<void> {
  charts ??= await import('./charts.ts');
}
const chart = () => {
  if (!charts) throw new Error('loadCharts() must run before a report is rendered');
  return charts;
};

/** hono/html's result as a string (it is a Promise only with async parts, which we never use). */
function sync(value: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (value instanceof Promise) throw new Error('an async part in an insights template');
  return value.toString();
}

type Strings = Record<string, string>;
const S = strings as Strings;

/** A string from en.json with {placeholders} filled; a missing key is a bug, shown as the key. */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const template = S[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export const stepName = (step: string) => S[`insights.step.${step}`] ?? step;
export const refusalName = (kind: string) => S[`insights.refusal.${kind}`] ?? kind;
export const reasonName = (reason: string | null) => (reason === null ? '' : (S[`helpful.reason.${reason}`] ?? reason));
export const periodName = (period: Period) => t(`insights.period.${period}`);
const number = (value: number) => value.toLocaleString('en');
const percent = (ratio: number | null) => (ratio === null ? '' : `${Math.round(ratio * 100)}%`);
export const refusalList = (refusals: Record<string, number>) =>
  Object.entries(refusals)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, count]) => `${refusalName(kind)} ×${count}`)
    .join(', ');
export const simulatorLabel = (funnel: SimulatorFunnel) => funnel.label ?? `${funnel.simulator} (${funnel.start})`;

/** The CSV tables, by the name the export URL uses. */
export type TableName = 'articles' | 'reasons' | 'comments' | 'funnel' | 'csp';

function csvButton(table: TableName, name: string, simulator?: string): HtmlEscapedString {
  return html`<p class="csv">
    <button type="button" class="button" data-csv="${table}" data-simulator="${simulator ?? ''}" hidden>
      ${t('insights.csv', { table: name })}
    </button>
  </p>` as HtmlEscapedString;
}

function empty(): HtmlEscapedString {
  return html`<p class="muted">${t('insights.empty')}</p>` as HtmlEscapedString;
}

function articlesSection(report: Report) {
  const rows = report.articles;
  return html`<section aria-labelledby="articles-heading">
    <h2 id="articles-heading">${t('insights.articles.heading')}</h2>
    ${
      rows.length === 0
        ? empty()
        : html`${raw(
              chart().ratioChart(rows, {
                label: t('insights.articles.chart'),
                axis: t('insights.articles.axis'),
                of: (ratio, votes) =>
                  t('insights.articles.of', { percent: Math.round(ratio * 100), votes: number(votes) }),
              }),
            )}
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  ${t('insights.articles.heading')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('insights.col.article')}</th>
                    <th scope="col" class="num">${t('insights.col.votes')}</th>
                    <th scope="col" class="num">${t('insights.col.helpful')}</th>
                    <th scope="col" class="num">${t('insights.col.notHelpful')}</th>
                    <th scope="col" class="num">${t('insights.col.ratio')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (row) =>
                      html`<tr>
                        <th scope="row">${row.title}</th>
                        <td class="num">${number(row.votes)}</td>
                        <td class="num">${number(row.helpful)}</td>
                        <td class="num">${number(row.notHelpful)}</td>
                        <td class="num">${percent(row.ratio)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${csvButton('articles', t('insights.articles.table'))}`
    }
  </section>`;
}

function reasonsSection(report: Report) {
  return html`<section aria-labelledby="reasons-heading">
    <h2 id="reasons-heading">${t('insights.reasons.heading')}</h2>
    ${
      report.reasons.length === 0
        ? empty()
        : html`<div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  ${t('insights.reasons.heading')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('insights.col.article')}</th>
                    <th scope="col">${t('insights.col.reason')}</th>
                    <th scope="col" class="num">${t('insights.col.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${report.reasons.map(
                    (row) =>
                      html`<tr>
                        <td>${row.title}</td>
                        <td>${reasonName(row.reason)}</td>
                        <td class="num">${number(row.count)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${csvButton('reasons', t('insights.reasons.table'))}`
    }
  </section>`;
}

function commentsSection(report: Report) {
  return html`<section aria-labelledby="comments-heading">
    <h2 id="comments-heading">${t('insights.comments.heading')}</h2>
    <p class="muted">${t('insights.comments.note')}</p>
    ${
      report.comments.length === 0
        ? empty()
        : html`<div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  ${t('insights.comments.heading')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('insights.col.date')}</th>
                    <th scope="col">${t('insights.col.article')}</th>
                    <th scope="col">${t('insights.col.reason')}</th>
                    <th scope="col">${t('insights.col.comment')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${report.comments.map(
                    (row) =>
                      html`<tr>
                        <td><time datetime="${row.date}">${row.date.slice(0, 16).replace('T', ' ')}</time></td>
                        <td>${row.title}</td>
                        <td>${reasonName(row.reason)}</td>
                        <td class="comment">${row.comment}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${csvButton('comments', t('insights.comments.table'))}`
    }
  </section>`;
}

export function funnelNote(step: FunnelStep): string {
  const parts = [t('insights.funnel.reached', { count: number(step.reached) })];
  if (step.gaveUp) parts.push(t('insights.funnel.gaveUp', { count: number(step.gaveUp) }));
  const refusals = refusalList(step.refusals);
  if (refusals) parts.push(t('insights.funnel.refused', { list: refusals }));
  return parts.join(' · ');
}

function simulatorSection(funnel: SimulatorFunnel, index: number) {
  const label = simulatorLabel(funnel);
  const id = `simulator-${index}-heading`;
  return html`<section aria-labelledby="${id}" class="simulator">
    <h3 id="${id}">${t('insights.simulator.heading', { title: funnel.title, label })}</h3>
    <p class="muted">
      ${t('insights.simulator.summary', {
        sessions: number(funnel.sessions),
        completed: number(funnel.completed),
        start: funnel.start,
        mode: funnel.mode,
        simulator: funnel.simulator,
      })}
    </p>
    ${raw(
      chart().funnelChart(funnel.steps, {
        label: t('insights.funnel.chart', { label }),
        axis: t('insights.funnel.axis'),
        stepName,
        note: funnelNote,
      }),
    )}
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">
          ${t('insights.simulator.heading', { title: funnel.title, label })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('insights.col.step')}</th>
            <th scope="col" class="num">${t('insights.col.reached')}</th>
            <th scope="col" class="num">${t('insights.col.gaveUp')}</th>
            <th scope="col">${t('insights.col.refusals')}</th>
            <th scope="col" class="num">${t('insights.col.medianTime')}</th>
          </tr>
        </thead>
        <tbody>
          ${funnel.steps.map(
            (step) =>
              html`<tr>
                <th scope="row">${stepName(step.step)}</th>
                <td class="num">${number(step.reached)}</td>
                <td class="num">${step.gaveUp === null ? '' : number(step.gaveUp)}</td>
                <td>${refusalList(step.refusals) || t('insights.none')}</td>
                <td class="num">
                  ${step.medianSeconds === null ? '' : t('insights.seconds', { seconds: step.medianSeconds })}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${csvButton('funnel', t('insights.simulator.table', { label }), funnel.key)}
  </section>`;
}

function cspSection(report: Report) {
  return html`<section aria-labelledby="csp-heading">
    <h2 id="csp-heading">${t('insights.csp.heading')}</h2>
    ${
      report.csp.length === 0
        ? empty()
        : html`<div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  ${t('insights.csp.heading')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('insights.col.directive')}</th>
                    <th scope="col">${t('insights.col.blocked')}</th>
                    <th scope="col" class="num">${t('insights.col.count')}</th>
                    <th scope="col">${t('insights.col.last')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${report.csp.map(
                    (row) =>
                      html`<tr>
                        <td>${row.directive}</td>
                        <td>${row.blocked}</td>
                        <td class="num">${number(row.count)}</td>
                        <td>${row.last.slice(0, 16).replace('T', ' ')}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${csvButton('csp', t('insights.csp.table'))}`
    }
  </section>`;
}

/** The report: what the page shows once the token was accepted (after `await loadCharts()`). */
export function reportFragment(report: Report): string {
  return sync(
    html`<div class="report" data-period="${report.period}">
      <p class="showing" tabindex="-1">${t('insights.showing', { period: periodName(report.period) })}</p>
      ${articlesSection(report)} ${reasonsSection(report)} ${commentsSection(report)}
      <section aria-labelledby="simulators-heading">
        <h2 id="simulators-heading">${t('insights.simulators.heading')}</h2>
        ${report.simulators.length === 0 ? empty() : report.simulators.map(simulatorSection)}
      </section>
      ${cspSection(report)}
    </div>`,
  );
}

/** The whole page; `report` and `error` only when the token form was posted without JavaScript. */
export function insightsPage(options: { report?: string; error?: string; period?: Period } = {}): string {
  const selected = options.period ?? '30';
  return `<!doctype html>${sync(
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="color-scheme" content="light dark" />
        <title>${t('insights.title')} | ${site.siteName}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/insights/assets/insights.css" />
        <script type="module" src="/insights/assets/insights.js"></script>
      </head>
      <body>
        <a class="skip-link" href="#main">${t('site.skipToContent')}</a>
        <header class="site-header"><p class="site-name">${site.siteName}</p></header>
        <main id="main" tabindex="-1">
          <h1>${t('insights.title')}</h1>
          <p class="lead">${t('insights.lead')}</p>
          <form id="insights-form" method="post" action="/insights/" novalidate>
            <div class="field">
              <label for="insights-token">${t('insights.token.label')}</label>
              <input
                id="insights-token"
                name="token"
                type="password"
                autocomplete="current-password"
                spellcheck="false"
                aria-describedby="insights-token-hint"
                required
              />
              <p id="insights-token-hint" class="hint">${t('insights.token.hint')}</p>
            </div>
            <fieldset>
              <legend>${t('insights.period.legend')}</legend>
              ${Object.keys(PERIODS).map(
                (period) =>
                  html`<label class="choice">
                    <input type="radio" name="period" value="${period}" ${selected === period ? raw('checked') : ''} />
                    ${periodName(period as Period)}
                  </label>`,
              )}
            </fieldset>
            <button type="submit" class="button primary">${t('insights.show')}</button>
            <p id="insights-error" class="error" role="alert">${options.error ?? ''}</p>
          </form>
          <div
            id="insights-report"
            data-strings="${JSON.stringify({
              refused: t('insights.refused'),
              missing: t('insights.missing'),
              failed: t('insights.failed'),
            })}"
          >
            ${raw(options.report ?? '')}
          </div>
        </main>
      </body>
    </html>`,
  )}`;
}
