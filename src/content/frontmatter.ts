/**
 * Each article's frontmatter against the schema (src/content/article-schema.ts), with the line
 * of each mistake: `content/articles/x.mdx:2  unknown frontmatter field "tittle": did you mean
 * title? ...`.
 *
 * Astro checks the same schema when it loads the collection, but reports the first broken file
 * only, without lines, inside its own stack trace. The content-checks integration runs this
 * first, over every file, so a build stops with one short list the writer can work through.
 * Pure functions over the files' text, like checks.ts.
 */
import { load } from 'js-yaml';
import type { z } from 'astro/zod';
import { cached } from '../lib/cached';
import { makeArticleSchema, unknownFieldMessage } from './article-schema';
import { didYouMean } from './did-you-mean';
import type { Problem, SourceFile } from './checks';

export interface Frontmatter {
  /** The parsed fields; undefined when the file has no frontmatter or it is not valid YAML. */
  data: Record<string, unknown> | undefined;
  /** The 1-based line in the file of each top-level field. */
  keyLines: ReadonlyMap<string, number>;
  /** The lines of the frontmatter, `---` lines excluded; `lines[0]` is line 2 of the file. */
  lines: readonly string[];
  /** The body: the text after the closing `---`. */
  body: string;
  /** The 1-based line of the body's first line. */
  bodyLine: number;
  /** Why the frontmatter cannot be read, when it cannot. */
  problem?: Problem;
}

const FRONTMATTER = /^\uFEFF?---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Each file's frontmatter, read once however many checks look at it. */
const read = new WeakMap<SourceFile, Frontmatter>();

/** Splits and parses the frontmatter, never throwing. */
export function readFrontmatter(file: SourceFile): Frontmatter {
  return cached(read, file, parseFrontmatter);
}

function parseFrontmatter({ file, source }: SourceFile): Frontmatter {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return {
      data: undefined,
      keyLines: new Map(),
      lines: [],
      body: source,
      bodyLine: 1,
      problem: {
        file,
        line: 1,
        message: 'the file has no frontmatter',
        fix: 'start it with a line ---, then the fields (title, description, category, tags, updated), then another line ---. npm run new:article writes one for you.',
      },
    };
  }
  const yaml = match[1] ?? '';
  const lines = yaml.split(/\r?\n/);
  const keyLines = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = /^([A-Za-z_$][\w$-]*)[ \t]*:/.exec(line)?.[1];
    if (key && !keyLines.has(key)) keyLines.set(key, index + 2);
  });
  const frontmatter = { keyLines, lines, body: source.slice(match[0].length), bodyLine: match[0].split('\n').length };
  try {
    const loaded = load(yaml);
    const data =
      loaded && typeof loaded === 'object' && !Array.isArray(loaded) ? (loaded as Record<string, unknown>) : {};
    return { ...frontmatter, data };
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line?: number } };
    return {
      ...frontmatter,
      data: undefined,
      problem: {
        file,
        line: (mark?.line ?? 0) + 2,
        message: `the frontmatter cannot be read (${reason ?? 'not valid YAML'})`,
        fix: 'a value that contains ": " or starts with [, {, ", \' or * needs quotes around all of it, for example title: "How to: pay an invoice".',
      },
    };
  }
}

/** The line of `path` (a field, or a field and an item of its list) in the file. */
function lineOf(frontmatter: Frontmatter, path: readonly PropertyKey[]): number {
  const [key, index] = path;
  const keyLine = typeof key === 'string' ? frontmatter.keyLines.get(key) : undefined;
  if (keyLine === undefined) return 1;
  if (typeof index !== 'number') return keyLine;
  // A list written one item a line (`- item`): the item's own line.
  let seen = -1;
  for (let i = keyLine - 1; i < frontmatter.lines.length; i++) {
    const line = frontmatter.lines[i] ?? '';
    if (/^\S/.test(line)) break;
    if (/^\s*-\s/.test(line) && ++seen === index) return i + 2;
  }
  return keyLine;
}

/**
 * Every frontmatter mistake in `files`, each with its file, line and field. `knownSlugs`: the
 * articles that exist (for `related`).
 */
export function checkFrontmatter(files: readonly SourceFile[], knownSlugs: readonly string[]): Problem[] {
  const schema = makeArticleSchema(() => knownSlugs);
  return files.flatMap((file) => {
    const frontmatter = readFrontmatter(file);
    if (frontmatter.problem || !frontmatter.data) return frontmatter.problem ? [frontmatter.problem] : [];
    const result = schema.safeParse(frontmatter.data);
    return result.success
      ? []
      : issuesToProblems(file.file, frontmatter, result.error.issues).sort((a, b) => a.line - b.line);
  });
}

function issuesToProblems(file: string, frontmatter: Frontmatter, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const unknownKeys = issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  const fields = Object.keys(makeArticleSchema(() => []).shape);
  // "tittle" is unknown and "title" is missing: one mistake, reported once, at the misspelt line.
  const coveredByTypo = new Set(unknownKeys.map((key) => didYouMean(key, fields)));
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({
          file,
          line: lineOf(frontmatter, [key]),
          field: key,
          ...splitMessage(unknownFieldMessage(key)),
        });
      continue;
    }
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    if (field && frontmatter.data?.[field] === undefined && coveredByTypo.has(field)) continue;
    problems.push({
      file,
      line: lineOf(frontmatter, issue.path),
      ...(field ? { field } : {}),
      ...splitMessage(issue.message),
    });
  }
  return problems;
}

/**
 * The schema's `what is wrong: how to fix it.` as the two parts of a Problem. The first ": "
 * outside double quotes divides them (a quoted value may contain one).
 */
export function splitMessage(text: string): { message: string; fix: string } {
  const match = /^((?:[^"]|"(?:[^"\\]|\\.)*")*?): ([\s\S]*)$/.exec(text);
  return match ? { message: match[1] ?? text, fix: match[2] ?? '' } : { message: text.replace(/\.$/, ''), fix: '' };
}
