/**
 * Runs the content checks (src/content/checks.ts) over content/articles/:
 * - `astro build`: any problem fails the build with one message listing every problem;
 *   leftover TODO placeholders are warnings.
 * - `astro dev`: problems are warnings (again on every save of an article), so the preview keeps
 *   running while the writer fixes them.
 * The schema (src/content/article-schema.ts) has already checked each file's frontmatter by then.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { CATEGORIES } from '../lib/taxonomy';
import { checkArticles, findTodos, formatProblems, type SourceFile } from '../content/checks';

const ARTICLES_DIR = 'content/articles';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

function readSite(root: string): { articles: SourceFile[]; publicFiles: string[] } {
  const toPosix = (path: string) => path.split(sep).join('/');
  const articles = filesUnder(join(root, ARTICLES_DIR))
    .filter((path) => path.endsWith('.mdx'))
    .sort()
    .map((path) => ({ file: toPosix(relative(root, path)), source: readFileSync(path, 'utf8') }));
  const publicDir = join(root, 'public');
  const publicFiles = filesUnder(publicDir).map((path) => `/${toPosix(relative(publicDir, path))}`);
  return { articles, publicFiles };
}

function run(root: string, logger: AstroIntegrationLogger, failOnProblems: boolean): void {
  const { articles, publicFiles } = readSite(root);
  const problems = checkArticles(articles, { categoryIds: CATEGORIES.map((category) => category.id), publicFiles });
  for (const todo of articles.flatMap(findTodos))
    logger.warn(`${todo.file}:${todo.line}  ${todo.message}. ${todo.fix}`);
  if (problems.length === 0) {
    logger.info(`${articles.length} articles checked: links, images and titles are fine.`);
    return;
  }
  const report = formatProblems(problems);
  if (!failOnProblems) {
    logger.warn(report);
    return;
  }
  const error = new AstroError(
    report,
    'Fix each line above in the file it names, then run the build again. CONTRIBUTING.md lists every check.',
  );
  error.stack = ''; // The stack would point into this file; the report already points at the writer's lines.
  throw error;
}

export default function contentChecks(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'content-checks',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        run(root, logger, false);
        // Check again whenever an article is saved, so the writer sees problems while previewing.
        const articles = join(root, ARTICLES_DIR);
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(articles) && path.endsWith('.mdx')) run(root, logger, false);
        });
      },
      'astro:build:start': ({ logger }) => run(root, logger, true),
    },
  };
}
