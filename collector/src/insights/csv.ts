/**
 * CSV export of each dashboard table (RFC 4180: CRLF, quotes doubled). A cell that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe: comments are readers' words and must never execute on a support lead's machine.
 */
import { refusalList, reasonName, simulatorLabel, stepName, t, type TableName } from './page.ts';
import type { Report } from './report.ts';

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const toCsv = (rows: readonly Cell[][]) => rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';

/** The table as CSV, or null when `table` (or the simulator) is not one the report has. */
export function tableCsv(report: Report, table: TableName, simulator?: string): string | null {
  const col = (name: string) => t(`insights.col.${name}`);
  switch (table) {
    case 'articles':
      return toCsv([
        ['slug', col('article'), col('votes'), col('helpful'), col('notHelpful'), col('ratio')],
        ...report.articles.map((row) => [
          row.slug,
          row.title,
          row.votes,
          row.helpful,
          row.notHelpful,
          row.ratio === null ? null : Math.round(row.ratio * 1000) / 1000,
        ]),
      ]);
    case 'reasons':
      return toCsv([
        ['slug', col('article'), 'reason', col('reason'), col('count')],
        ...report.reasons.map((row) => [row.slug, row.title, row.reason, reasonName(row.reason), row.count]),
      ]);
    case 'comments':
      return toCsv([
        [col('date'), 'slug', col('article'), col('reason'), col('comment')],
        ...report.comments.map((row) => [row.date, row.slug, row.title, reasonName(row.reason), row.comment]),
      ]);
    case 'funnel': {
      const funnel = report.simulators.find((candidate) => candidate.key === simulator);
      if (!funnel) return null;
      return toCsv([
        [
          'slug',
          'simulator',
          'label',
          'start',
          'mode',
          'step',
          col('step'),
          col('reached'),
          col('gaveUp'),
          col('refusals'),
          'median seconds',
        ],
        ...funnel.steps.map((step) => [
          funnel.article,
          funnel.simulator,
          simulatorLabel(funnel),
          funnel.start,
          funnel.mode,
          step.step,
          stepName(step.step),
          step.reached,
          step.gaveUp,
          refusalList(step.refusals),
          step.medianSeconds,
        ]),
      ]);
    }
    case 'csp':
      return toCsv([
        [col('directive'), col('blocked'), col('count'), col('last')],
        ...report.csp.map((row) => [row.directive, row.blocked, row.count, row.last]),
      ]);
  }
}
