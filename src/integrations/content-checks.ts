/**
 * Runs the content checks over content/articles/: each file's frontmatter against the schema
 * (src/content/frontmatter.ts), then links, images, titles and leftover TODOs across the
 * articles (src/content/checks.ts).
 * - `astro build`: before Astro loads the collection, so that every mistake is listed at once,
 *   as `file:line  what is wrong. Fix: how`, and nothing else; any problem stops the build.
 * - `astro dev`: problems are warnings (again on every save of an article), so the preview keeps
 *   running while the writer fixes them; an article whose frontmatter is wrong shows the mistake
 *   on its page (src/integrations/article-errors.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { CATEGORIES } from '../lib/taxonomy';
import {
  checkArticles,
  draftsIn,
  formatProblems,
  sortProblems,
  type Problem,
  type SourceFile,
} from '../content/checks';
import { checkFrontmatter } from '../content/frontmatter';

export const ARTICLES_DIR = 'content/articles';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

const toPosix = (path: string) => path.split(sep).join('/');

/** The article files, as `content/articles/<slug>.mdx` paths with their text. */
export function readArticles(root: string): SourceFile[] {
  return filesUnder(join(root, ARTICLES_DIR))
    .filter((path) => path.endsWith('.mdx'))
    .sort()
    .map((path) => ({ file: toPosix(relative(root, path)), source: readFileSync(path, 'utf8') }));
}

/** The slug (collection id) of an article file: its path under content/articles/ without .mdx. */
export const slugOf = (file: string) => file.slice(ARTICLES_DIR.length + 1).replace(/\.mdx$/, '');

/** Every problem in the site's articles, sorted by file and line. */
export function contentProblems(root: string, articles = readArticles(root)): Problem[] {
  const publicDir = join(root, 'public');
  const publicFiles = filesUnder(publicDir).map((path) => `/${toPosix(relative(publicDir, path))}`);
  return sortProblems([
    ...checkFrontmatter(
      articles,
      articles.map((article) => slugOf(article.file)),
    ),
    ...checkArticles(articles, { categoryIds: CATEGORIES.map((category) => category.id), publicFiles }),
  ]);
}

function warnInDev(root: string, logger: AstroIntegrationLogger): void {
  const problems = contentProblems(root);
  if (problems.length > 0) logger.warn(`${formatProblems(problems)}\n\nThe build will stop on these: fix each line.`);
}

function checkBeforeBuild(root: string, logger: AstroIntegrationLogger): void {
  const articles = readArticles(root);
  for (const { file, todos } of draftsIn(articles))
    logger.info(
      `${file} is a draft (draft: true): it is not on the built site${todos > 0 ? `, and still has ${todos === 1 ? '1 TODO' : `${todos} TODOs`}` : ''}.`,
    );
  const problems = contentProblems(root, articles);
  if (problems.length === 0) {
    logger.info(`${articles.length} articles checked: frontmatter, links, images and titles are fine.`);
    return;
  }
  logger.error(
    `${formatProblems(problems)}\n\nFix each line in the file it names, then run the build again. CONTRIBUTING.md ("What the build checks") explains every check.`,
  );
  // A thrown error would come wrapped in Astro's "An unhandled error occurred while running the
  // hook" and its own error format; the list above is all the writer needs. Nothing has started
  // yet (no server, no files written), so stop here.
  process.exit(1);
}

export default function contentChecks(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'content-checks',
    hooks: {
      'astro:config:setup': ({ config, command, addMiddleware, logger }) => {
        root = fileURLToPath(config.root);
        if (command === 'build') checkBeforeBuild(root, logger);
        if (command === 'dev')
          addMiddleware({ entrypoint: new URL('./article-errors.ts', import.meta.url), order: 'pre' });
      },
      'astro:server:setup': ({ server, logger }) => {
        warnInDev(root, logger);
        // Check again whenever an article is saved, so the writer sees problems while previewing.
        const articles = join(root, ARTICLES_DIR);
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(articles) && path.endsWith('.mdx')) warnInDev(root, logger);
        });
      },
    },
  };
}
