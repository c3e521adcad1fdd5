/**
 * The collector's database: the one module that owns SQL. SQLite through `node:sqlite` (built
 * into Node 24, nothing to compile), in WAL mode, in `<data folder>/feedback.db`.
 *
 * Durability: every write is one transaction committed before the HTTP answer goes out, and WAL
 * with `synchronous = NORMAL` keeps every committed transaction across a crash of the process
 * (SIGKILL included: tests/collector/durability.test.ts). Only a crash of the whole machine or a
 * power cut can lose the last few commits; `FEEDBACK_DB_SYNC=full` closes that too, at the
 * price of an fsync per write.
 *
 * What is stored (and what is not): votes keyed by article and a random id the reader's device
 * made for that article; the reason and the comment with secrets already replaced (redact.ts);
 * simulator sessions as steps, refusal kinds and rounded seconds. Never an address, a cookie or
 * anything the reader typed into a simulator.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';

/** Applied in order, once each; `PRAGMA user_version` counts those applied. Append, never edit. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE votes (
     article TEXT NOT NULL,
     voter TEXT NOT NULL,
     helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
     reason TEXT,
     comment TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (article, voter)
   ) WITHOUT ROWID;
   CREATE INDEX votes_by_time ON votes (updated_at);
   CREATE TABLE sim_sessions (
     id TEXT PRIMARY KEY,
     article TEXT NOT NULL,
     simulator TEXT NOT NULL,
     label TEXT,
     start TEXT NOT NULL,
     mode TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     completed_at INTEGER
   );
   CREATE INDEX sim_sessions_by_time ON sim_sessions (started_at);
   CREATE TABLE sim_steps (
     session_id TEXT NOT NULL REFERENCES sim_sessions (id),
     seq INTEGER NOT NULL,
     step TEXT NOT NULL,
     seconds INTEGER,
     PRIMARY KEY (session_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE sim_refusals (
     session_id TEXT NOT NULL REFERENCES sim_sessions (id),
     seq INTEGER NOT NULL,
     step TEXT NOT NULL,
     kind TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE csp_reports (
     received_at INTEGER NOT NULL,
     directive TEXT NOT NULL,
     blocked TEXT NOT NULL
   );
   CREATE INDEX csp_reports_by_time ON csp_reports (received_at);`,
];

export const DATABASE_FILE = 'feedback.db';

export interface VoteInput {
  article: string;
  voter: string;
  helpful: boolean;
  reason: string | null;
  comment: string | null;
}

export interface SessionInput {
  id: string;
  article: string;
  simulator: string;
  label: string | null;
  start: string;
  mode: string;
  completed: boolean;
  steps: readonly { seq: number; step: string; seconds: number | null }[];
  refusals: readonly { seq: number; step: string; kind: string }[];
}

export interface ArticleCount {
  article: string;
  votes: number;
  helpful: number;
}

export interface ReasonCount {
  article: string;
  reason: string;
  count: number;
}

export interface CommentRow {
  article: string;
  reason: string | null;
  comment: string;
  updatedAt: number;
}

export interface SessionRow {
  id: string;
  article: string;
  simulator: string;
  label: string | null;
  start: string;
  mode: string;
  completed: boolean;
  steps: { step: string; seconds: number | null }[];
  refusals: { step: string; kind: string }[];
}

export interface CspCount {
  directive: string;
  blocked: string;
  count: number;
  lastAt: number;
}

export interface FeedbackDatabase {
  /** Records or changes a reader's vote; returns the article's totals after it. */
  saveVote(vote: VoteInput, now: number): ArticleCount;
  /** Adds what a page sent about its simulators (resent batches change nothing twice). */
  saveSessions(sessions: readonly SessionInput[], now: number): void;
  saveCspReport(report: { directive: string; blocked: string }, now: number): void;
  counts(since?: number): ArticleCount[];
  countFor(article: string): ArticleCount;
  reasons(since?: number): ReasonCount[];
  comments(since: number | undefined, limit: number): CommentRow[];
  sessions(since?: number): SessionRow[];
  cspReports(since?: number): CspCount[];
  /** Every stored (article, voter) pair: for tests that check nothing acknowledged was lost. */
  voteKeys(): { article: string; voter: string }[];
  close(): void;
}

export function openDatabase(
  dataDir: string,
  options: { sync?: 'normal' | 'full'; readOnly?: boolean } = {},
): FeedbackDatabase {
  if (!options.readOnly) mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: options.readOnly ?? false });
  db.exec('PRAGMA busy_timeout = 5000');
  if (!options.readOnly) {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${options.sync === 'full' ? 'FULL' : 'NORMAL'}`);
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
  }

  const since = (value: number | undefined) => value ?? 0;
  const one = <T>(sql: string) => db.prepare(sql) as unknown as { get(...params: SQLInputValue[]): T };
  const many = <T>(sql: string) => db.prepare(sql) as unknown as { all(...params: SQLInputValue[]): T[] };
  const run = (sql: string) => db.prepare(sql);

  // Prepared lazily: a read-only handle on a database that was never migrated has no tables.
  const statements = () => ({
    upsertVote: run(
      `INSERT INTO votes (article, voter, helpful, reason, comment, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article, voter) DO UPDATE SET
         helpful = excluded.helpful, reason = excluded.reason, comment = excluded.comment,
         updated_at = excluded.updated_at`,
    ),
    countFor: one<ArticleCount>(
      `SELECT ? AS article, COUNT(*) AS votes, COALESCE(SUM(helpful), 0) AS helpful FROM votes WHERE article = ?`,
    ),
    insertSession: run(
      `INSERT INTO sim_sessions (id, article, simulator, label, start, mode, started_at, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (id) DO NOTHING`,
    ),
    sessionOwner: one<{ article: string; simulator: string } | undefined>(
      `SELECT article, simulator FROM sim_sessions WHERE id = ?`,
    ),
    completeSession: run(`UPDATE sim_sessions SET completed_at = COALESCE(completed_at, ?) WHERE id = ?`),
    upsertStep: run(
      `INSERT INTO sim_steps (session_id, seq, step, seconds) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, seq) DO UPDATE SET seconds = COALESCE(excluded.seconds, seconds)`,
    ),
    insertRefusal: run(
      `INSERT INTO sim_refusals (session_id, seq, step, kind) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, seq) DO NOTHING`,
    ),
    insertCsp: run(`INSERT INTO csp_reports (received_at, directive, blocked) VALUES (?, ?, ?)`),
  });
  let prepared: ReturnType<typeof statements> | null = null;
  const st = () => (prepared ??= statements());

  function transaction<T>(work: () => T): T {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  return {
    saveVote(vote, now) {
      return transaction(() => {
        st().upsertVote.run(vote.article, vote.voter, vote.helpful ? 1 : 0, vote.reason, vote.comment, now, now);
        return st().countFor.get(vote.article, vote.article);
      });
    },
    saveSessions(sessions, now) {
      transaction(() => {
        for (const session of sessions) {
          st().insertSession.run(
            session.id,
            session.article,
            session.simulator,
            session.label,
            session.start,
            session.mode,
            now,
          );
          // A session id belongs to the page that made it: a batch naming it for another
          // article or simulator is ignored rather than mixed in.
          const owner = st().sessionOwner.get(session.id);
          if (!owner || owner.article !== session.article || owner.simulator !== session.simulator) continue;
          for (const step of session.steps) st().upsertStep.run(session.id, step.seq, step.step, step.seconds);
          for (const refusal of session.refusals)
            st().insertRefusal.run(session.id, refusal.seq, refusal.step, refusal.kind);
          if (session.completed) st().completeSession.run(now, session.id);
        }
      });
    },
    saveCspReport(report, now) {
      st().insertCsp.run(now, report.directive, report.blocked);
    },
    counts(from) {
      return many<ArticleCount>(
        `SELECT article, COUNT(*) AS votes, COALESCE(SUM(helpful), 0) AS helpful
         FROM votes WHERE updated_at >= ? GROUP BY article ORDER BY article`,
      ).all(since(from));
    },
    countFor(article) {
      return st().countFor.get(article, article);
    },
    reasons(from) {
      return many<ReasonCount>(
        `SELECT article, reason, COUNT(*) AS count FROM votes
         WHERE helpful = 0 AND reason IS NOT NULL AND updated_at >= ?
         GROUP BY article, reason ORDER BY article, count DESC, reason`,
      ).all(since(from));
    },
    comments(from, limit) {
      return many<CommentRow>(
        `SELECT article, reason, comment, updated_at AS updatedAt FROM votes
         WHERE comment IS NOT NULL AND updated_at >= ?
         ORDER BY updated_at DESC, article LIMIT ?`,
      ).all(since(from), limit);
    },
    sessions(from) {
      const rows = many<Omit<SessionRow, 'steps' | 'refusals' | 'completed'> & { completed: number }>(
        `SELECT id, article, simulator, label, start, mode, completed_at IS NOT NULL AS completed
         FROM sim_sessions WHERE started_at >= ? ORDER BY started_at, id`,
      ).all(since(from));
      const steps = many<{ session_id: string; step: string; seconds: number | null }>(
        `SELECT s.session_id, s.step, s.seconds FROM sim_steps s
         JOIN sim_sessions x ON x.id = s.session_id WHERE x.started_at >= ? ORDER BY s.session_id, s.seq`,
      ).all(since(from));
      const refusals = many<{ session_id: string; step: string; kind: string }>(
        `SELECT r.session_id, r.step, r.kind FROM sim_refusals r
         JOIN sim_sessions x ON x.id = r.session_id WHERE x.started_at >= ? ORDER BY r.session_id, r.seq`,
      ).all(since(from));
      const byId = new Map<string, SessionRow>(
        rows.map((row) => [row.id, { ...row, completed: row.completed === 1, steps: [], refusals: [] }]),
      );
      for (const { session_id, ...step } of steps) byId.get(session_id)?.steps.push(step);
      for (const { session_id, ...refusal } of refusals) byId.get(session_id)?.refusals.push(refusal);
      return [...byId.values()];
    },
    cspReports(from) {
      return many<CspCount>(
        `SELECT directive, blocked, COUNT(*) AS count, MAX(received_at) AS lastAt FROM csp_reports
         WHERE received_at >= ? GROUP BY directive, blocked ORDER BY count DESC, directive, blocked`,
      ).all(since(from));
    },
    voteKeys() {
      return many<{ article: string; voter: string }>(`SELECT article, voter FROM votes ORDER BY article, voter`).all();
    },
    close() {
      db.close();
    },
  };
}

function migrate(db: DatabaseSync): void {
  const { user_version: applied } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let index = applied; index < MIGRATIONS.length; index++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[index]!);
      db.exec(`PRAGMA user_version = ${index + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
