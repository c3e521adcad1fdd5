/**
 * The numbers behind the dashboard, from the database, for one period: per article the votes
 * and helpful ratio, the reasons and latest comments, and per simulator its funnel (how many
 * sessions reached each step, where the unfinished ones stopped, which refusals they met and
 * how long they stayed). Pure over the database rows, so tests and the CSV export share it.
 */
import type { Articles } from '../articles.ts';
import type { FeedbackDatabase, SessionRow } from '../db.ts';

export const PERIODS = { '7': 7, '30': 30, all: null } as const;
export type Period = keyof typeof PERIODS;
export const DEFAULT_PERIOD: Period = '30';
const DAY_MS = 24 * 60 * 60 * 1000;
const LATEST_COMMENTS = 20;

export function parsePeriod(value: string | undefined | null): Period | null {
  if (value === undefined || value === null || value === '') return DEFAULT_PERIOD;
  return value in PERIODS ? (value as Period) : null;
}

export interface ArticleRow {
  slug: string;
  title: string;
  votes: number;
  helpful: number;
  notHelpful: number;
  /** Helpful votes / votes, 0-1; null without votes. */
  ratio: number | null;
}

export interface FunnelStep {
  step: string;
  /** Sessions that reached this step at least once. */
  reached: number;
  /** Unfinished sessions whose last client-area step this was (phone steps: null). */
  gaveUp: number | null;
  refusals: Record<string, number>;
  /** Median over sessions of the seconds spent on this step; null when none was timed. */
  medianSeconds: number | null;
}

export interface SimulatorFunnel {
  key: string;
  article: string;
  title: string;
  simulator: string;
  label: string | null;
  start: string;
  mode: string;
  sessions: number;
  completed: number;
  steps: FunnelStep[];
}

export interface Report {
  period: Period;
  since: number | null;
  articles: ArticleRow[];
  reasons: { slug: string; title: string; reason: string; count: number }[];
  comments: { slug: string; title: string; reason: string | null; comment: string; date: string }[];
  simulators: SimulatorFunnel[];
  csp: { directive: string; blocked: string; count: number; last: string }[];
}

export const isPhoneStep = (step: string) => step.startsWith('phone:');

export function buildReport(db: FeedbackDatabase, articles: Articles, period: Period, now: number): Report {
  const days = PERIODS[period];
  const since = days === null ? undefined : now - days * DAY_MS;
  const title = (slug: string) => articles.get(slug)?.title ?? slug;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    period,
    since: since ?? null,
    articles: db
      .counts(since)
      .map(({ article, votes, helpful }) => ({
        slug: article,
        title: title(article),
        votes,
        helpful,
        notHelpful: votes - helpful,
        ratio: votes === 0 ? null : helpful / votes,
      }))
      .sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title)),
    reasons: db
      .reasons(since)
      .map(({ article, reason, count }) => ({ slug: article, title: title(article), reason, count })),
    comments: db.comments(since, LATEST_COMMENTS).map(({ article, reason, comment, updatedAt }) => ({
      slug: article,
      title: title(article),
      reason,
      comment,
      date: iso(updatedAt),
    })),
    simulators: funnels(db.sessions(since), title),
    csp: db
      .cspReports(since)
      .map(({ directive, blocked, count, lastAt }) => ({ directive, blocked, count, last: iso(lastAt) })),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

export function funnels(sessions: readonly SessionRow[], title: (slug: string) => string): SimulatorFunnel[] {
  const groups = new Map<string, SessionRow[]>();
  for (const session of sessions) {
    const key = `${session.article}/${session.simulator}/${session.start}/${session.mode}`;
    groups.set(key, [...(groups.get(key) ?? []), session]);
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const first = group[0]!;
      const stats = new Map<
        string,
        { reached: number; positions: number; gaveUp: number; refusals: Record<string, number>; seconds: number[] }
      >();
      const stat = (step: string) => {
        let entry = stats.get(step);
        if (!entry) stats.set(step, (entry = { reached: 0, positions: 0, gaveUp: 0, refusals: {}, seconds: [] }));
        return entry;
      };
      for (const session of group) {
        const seen = new Map<string, number>();
        const seconds = new Map<string, number>();
        for (const { step, seconds: spent } of session.steps) {
          if (!seen.has(step)) seen.set(step, seen.size);
          if (spent !== null) seconds.set(step, (seconds.get(step) ?? 0) + spent);
        }
        for (const [step, position] of seen) {
          const entry = stat(step);
          entry.reached += 1;
          entry.positions += position;
          const spent = seconds.get(step);
          if (spent !== undefined) entry.seconds.push(spent);
        }
        for (const { step, kind } of session.refusals) {
          const entry = stat(step);
          entry.refusals[kind] = (entry.refusals[kind] ?? 0) + 1;
        }
        if (!session.completed) {
          const last = session.steps.filter(({ step }) => !isPhoneStep(step)).at(-1);
          if (last) stat(last.step).gaveUp += 1;
        }
      }
      // Steps in the order readers meet them: by their average position in a session.
      const steps = [...stats.entries()]
        .map(([step, entry]) => ({
          step,
          order: entry.reached === 0 ? Number.MAX_SAFE_INTEGER : entry.positions / entry.reached,
          reached: entry.reached,
          gaveUp: isPhoneStep(step) ? null : entry.gaveUp,
          refusals: entry.refusals,
          medianSeconds: median(entry.seconds),
        }))
        .sort((a, b) => a.order - b.order || a.step.localeCompare(b.step))
        .map(({ order: _order, ...step }) => step);
      return {
        key,
        article: first.article,
        title: title(first.article),
        simulator: first.simulator,
        label: group.findLast((session) => session.label)?.label ?? null,
        start: first.start,
        mode: first.mode,
        sessions: group.length,
        completed: group.filter((session) => session.completed).length,
        steps,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title) || a.simulator.localeCompare(b.simulator, 'en', { numeric: true }));
}
