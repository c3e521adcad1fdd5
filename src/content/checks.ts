/**
 * Content checks the schema cannot make, because they look across articles or into the body:
 * links to pages that do not exist, links from a published article to a draft, images without
 * alt text, two articles with the same title, and a published article that still has the
 * new-article scaffold's TODO placeholders.
 *
 * Pure functions over the files' text: no Astro, no file system. The content-checks integration
 * (src/integrations/content-checks.ts) reads the files and fails the build with
 * `formatProblems()`. Every problem names the file and line, says what is wrong and how to fix it,
 * in words for the writer who made the mistake.
 */
import { distance } from 'fastest-levenshtein';
import { tagSlug } from '../lib/taxonomy';
import { cached } from '../lib/cached';
import { readFrontmatter } from './frontmatter';

export interface SourceFile {
  /** Path from the project root, for example `content/articles/check-invoices.mdx`. */
  file: string;
  source: string;
}

export interface Problem {
  file: string;
  /** 1-based line in the file (frontmatter included). */
  line: number;
  /** The frontmatter field at fault, when there is one. */
  field?: string;
  /** What is wrong, as a sentence without the final full stop. */
  message: string;
  /** How to fix it, as a sentence ('' when the message says it all). */
  fix: string;
}

export interface SiteFacts {
  categoryIds: readonly string[];
  /** Files in public/, as site paths (`/favicon.svg`); links to them are fine. */
  publicFiles?: readonly string[];
}

/** Pages that exist outside the articles, categories and tags. Anything under a prefix is known too. */
const FIXED_PAGES = ['/', '/tags/', '/search/'];
const KNOWN_PREFIXES = ['/training/'];

interface ParsedArticle {
  file: string;
  slug: string;
  title: string | undefined;
  titleLine: number;
  draft: boolean;
  tags: string[];
  /** The frontmatter's fields, and the line of each. */
  data: Record<string, unknown>;
  keyLines: ReadonlyMap<string, number>;
  /** The body as written. */
  source: string;
  /** The body with code and MDX comments blanked out (same length, same line breaks). */
  body: string;
  /** Line number of the body's first line in the file. */
  bodyLine: number;
}

/** Runs every check over the articles; problems are sorted by file and line. */
export function checkArticles(files: readonly SourceFile[], facts: SiteFacts): Problem[] {
  const articles = files.map(parseArticle);
  const site = siteIndex(articles, facts);
  const problems = [
    ...duplicateTitles(articles),
    ...articles.flatMap((article) => [
      ...brokenLinks(article, site),
      ...imagesWithoutAlt(article),
      ...(article.draft ? [] : todosIn(article)),
    ]),
  ];
  return sortProblems(problems);
}

/** By file, then line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One readable block: a heading line, then `file:line  message. Fix: fix` per problem. */
export function formatProblems(
  problems: readonly Problem[],
  heading = `The content check found ${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in the articles:`,
): string {
  return [
    heading,
    '',
    ...problems.map((p) => `${p.file}:${p.line}  ${p.message}.${p.fix ? ` Fix: ${p.fix}` : ''}`),
  ].join('\n');
}

/** The drafts (not on the built site) and how many TODO placeholders each still has. */
export function draftsIn(files: readonly SourceFile[]): { file: string; todos: number }[] {
  return files
    .map(parseArticle)
    .filter((article) => article.draft)
    .map((article) => ({ file: article.file, todos: todosIn(article).length }));
}

// ---------------------------------------------------------------------------------------------

/** Each file parsed once, for the drafts and for the checks alike. */
const parsed = new WeakMap<SourceFile, ParsedArticle>();

function parseArticle(file: SourceFile): ParsedArticle {
  return cached(parsed, file, readArticle);
}

function readArticle(file: SourceFile): ParsedArticle {
  const slug = file.file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
  // Broken YAML: checkFrontmatter reports it; check the body anyway.
  const { data = {}, keyLines, body, bodyLine } = readFrontmatter(file);
  return {
    file: file.file,
    slug,
    title: typeof data['title'] === 'string' ? data['title'] : undefined,
    titleLine: keyLines.get('title') ?? 1,
    draft: data['draft'] === true,
    tags: Array.isArray(data['tags']) ? data['tags'].filter((tag): tag is string => typeof tag === 'string') : [],
    data,
    keyLines,
    source: body,
    body: blankOutCode(body),
    bodyLine,
  };
}

/**
 * Replaces fenced code blocks, inline code and MDX comments with spaces, keeping line breaks,
 * so that an example link or image shown as code is not checked and line numbers stay right.
 * `keepComments`: leave MDX comments (`{/* ... *\/}`) as they are.
 */
export function blankOutCode(body: string, { keepComments = false } = {}): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      lines[i] = blank(line);
    } else if (marker) {
      fence = marker;
      lines[i] = blank(line);
    }
  }
  const withoutComments = keepComments ? lines.join('\n') : lines.join('\n').replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
  return withoutComments.replace(/(`+)[^\n]*?\1/g, blank);
}

const TODO = /\bTODO\b/;
const TODO_FIX = 'replace it with your own text, or set draft: true until no TODO is left.';

/** "TODO Say in one or two…": the start of a placeholder, for the message. */
function excerpt(text: string): string {
  const clean = text
    .replace(/^\{\/\*|\*\/\}$/g, '')
    .trim()
    .replace(/\s+/g, ' ');
  const from = clean.slice(Math.max(0, clean.search(TODO)));
  if (from.length <= 50) return from;
  const cut = from.slice(0, 50);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : 50).replace(/[\s.,:;]+$/, '')} …`;
}

/**
 * The scaffold's TODO placeholders left in an article: in a frontmatter value (comments do not
 * count) or anywhere in the body outside code, MDX comments included. A problem in a published
 * article, which would go live with them; a draft may keep them while the writer works.
 */
function todosIn(article: ParsedArticle): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(article.data)) {
    const texts = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
    const todo = texts.find((text) => TODO.test(text));
    if (todo === undefined) continue;
    problems.push({
      file: article.file,
      line: article.keyLines.get(field) ?? 1,
      field,
      message: `${field} still says "${excerpt(todo)}"`,
      fix: TODO_FIX,
    });
  }
  const original = article.source.split('\n');
  blankOutCode(article.source, { keepComments: true })
    .split('\n')
    .forEach((line, index) => {
      if (!TODO.test(line)) return;
      problems.push({
        file: article.file,
        line: article.bodyLine + index,
        message: `the text still says "${excerpt(original[index] ?? line)}"`,
        fix: TODO_FIX,
      });
    });
  return problems;
}

function lineOf(article: ParsedArticle, offset: number): number {
  return article.bodyLine + (article.body.slice(0, offset).match(/\n/g)?.length ?? 0);
}

function duplicateTitles(articles: readonly ParsedArticle[]): Problem[] {
  const firstByTitle = new Map<string, ParsedArticle>();
  const problems: Problem[] = [];
  for (const article of [...articles].sort((a, b) => a.file.localeCompare(b.file))) {
    if (!article.title) continue;
    const key = article.title.trim().replace(/\s+/g, ' ').toLowerCase();
    const first = firstByTitle.get(key);
    if (!first) {
      firstByTitle.set(key, article);
      continue;
    }
    problems.push({
      file: article.file,
      line: article.titleLine,
      field: 'title',
      message: `title "${article.title.trim()}" is also the title of ${first.file}`,
      fix: 'give each article its own title, so readers can tell them apart in search results and links.',
    });
  }
  return problems;
}

/** Every link in the body: Markdown `[text](url)`, reference definitions `[id]: url`, and `href="url"`. */
function linksIn(body: string): { url: string; offset: number }[] {
  const found: { url: string; offset: number }[] = [];
  for (const m of body.matchAll(/(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)/g))
    found.push({ url: m[1] ?? '', offset: m.index });
  for (const m of body.matchAll(/^[ \t]*\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)/gm))
    found.push({ url: m[1] ?? '', offset: m.index });
  for (const m of body.matchAll(/\bhref\s*=\s*\{?\s*["']([^"']*)["']/g))
    found.push({ url: m[1] ?? '', offset: m.index });
  return found;
}

/** The pages a link may go to, built once for all the articles. */
interface SiteIndex {
  all: readonly ParsedArticle[];
  /** The site addresses that exist: for a published article, and for a draft (which may also link to drafts). */
  pagesForPublished: ReadonlySet<string>;
  pagesForDraft: ReadonlySet<string>;
  drafts: ReadonlyMap<string, ParsedArticle>;
}

function siteIndex(all: readonly ParsedArticle[], facts: SiteFacts): SiteIndex {
  const pagesOf = (visible: readonly ParsedArticle[]) =>
    new Set([
      ...FIXED_PAGES,
      ...(facts.publicFiles ?? []),
      ...visible.map((other) => `/articles/${other.slug}/`),
      ...facts.categoryIds.map((id) => `/categories/${id}/`),
      ...visible.flatMap((other) => other.tags.map((tag) => `/tags/${tagSlug(tag)}/`)),
    ]);
  return {
    all,
    pagesForPublished: pagesOf(all.filter((other) => !other.draft)),
    // A draft may link to other drafts and their tags: it is not built, and they may go live together.
    pagesForDraft: pagesOf(all),
    drafts: new Map(all.filter((other) => other.draft).map((other) => [other.slug, other])),
  };
}

function brokenLinks(article: ParsedArticle, { all, pagesForPublished, pagesForDraft, drafts }: SiteIndex): Problem[] {
  const pages = article.draft ? pagesForDraft : pagesForPublished;
  const exists = (path: string) =>
    pages.has(path) || KNOWN_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix));

  const problems: Problem[] = [];
  for (const { url, offset } of linksIn(article.body)) {
    const at = { file: article.file, line: lineOf(article, offset) };
    if (url === '') {
      problems.push({
        ...at,
        message: 'a link has no address',
        fix: 'put the address between the round brackets, for example /articles/log-in-to-the-client-area/.',
      });
      continue;
    }
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) continue; // another site, mailto:, or an anchor on this page
    const path = url.replace(/[?#].*$/, '');
    if (!path.startsWith('/')) {
      const slug = /^(?:\.\.?\/)*([a-z0-9-]+)(?:\.mdx?|\/)?$/.exec(path)?.[1];
      const suggestion =
        slug && all.some((other) => other.slug === slug) ? `/articles/${slug}/` : '/articles/<file name without .mdx>/';
      problems.push({
        ...at,
        message: `link "${url}" is not a site address`,
        fix: `start it with a slash, for example ${suggestion}.`,
      });
      continue;
    }
    if (exists(path)) continue;
    const draft = /^\/articles\/([^/]+)\/?$/.exec(path)?.[1];
    if (draft && !article.draft && drafts.has(draft)) {
      problems.push({
        ...at,
        message: `link to ${path} goes to a draft (${drafts.get(draft)?.file} has draft: true), which is not published`,
        fix: 'publish that article first (set draft: false), or remove the link until it is published.',
      });
      continue;
    }
    if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path) && exists(`${path}/`)) {
      problems.push({
        ...at,
        message: `link "${url}" has no slash at the end`,
        fix: `write ${path}/ (every page address ends with a slash).`,
      });
      continue;
    }
    problems.push({
      ...at,
      message: `link to ${path} goes to a page that does not exist`,
      fix: fixForMissing(path, [...pages]),
    });
  }
  return problems;
}

function fixForMissing(path: string, pages: readonly string[]): string {
  const kind = /^\/(articles|categories|tags)\//.exec(path)?.[1];
  const candidates = pages.filter((page) => kind === undefined || page.startsWith(`/${kind}/`));
  const closest = candidates
    .map((page) => ({ page, distance: distance(page, path.endsWith('/') ? path : `${path}/`) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const guess =
    closest && closest.distance <= Math.max(3, Math.floor(path.length / 5)) ? `Did you mean ${closest.page}? ` : '';
  const where =
    kind === 'articles'
      ? 'An article address is /articles/ and the file name without .mdx, for example /articles/check-invoices/.'
      : kind === 'categories'
        ? 'Category addresses use the ids in src/data/categories.json, for example /categories/billing/.'
        : kind === 'tags'
          ? 'A tag page exists only for tags that a published article uses; see /tags/ for the list.'
          : 'Link to an article (/articles/<file name>/), a category (/categories/<id>/) or a tag (/tags/<tag>/).';
  return `${guess}${where}`;
}

function imagesWithoutAlt(article: ParsedArticle): Problem[] {
  const problems: Problem[] = [];
  for (const m of article.body.matchAll(/!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)/g)) {
    if ((m[1] ?? '').trim() !== '') continue;
    problems.push({
      file: article.file,
      line: lineOf(article, m.index),
      message: `image ${m[2] || '(no address)'} has no alt text`,
      fix: 'describe what the image shows between the square brackets, for example "The My Invoices page with the Download button".',
    });
  }
  for (const m of article.body.matchAll(/<(Figure|img)\b((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*)>/g)) {
    const [, tag, attributes = ''] = m;
    const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^}]*))\s*\})/.exec(
      attributes,
    );
    const value = alt ? (alt.slice(1).find((group) => group !== undefined) ?? '') : undefined;
    if (value !== undefined && value.trim() !== '') continue;
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/
      .exec(attributes)
      ?.slice(1)
      .find((group) => group !== undefined);
    problems.push({
      file: article.file,
      line: lineOf(article, m.index),
      message: `<${tag}${src ? ` src=${JSON.stringify(src)}` : ''}> has ${value === undefined ? 'no alt text' : 'an empty alt text'}`,
      fix:
        tag === 'img'
          ? 'use the Figure component with alt text, for example <Figure src="/images/invoices.png" alt="The My Invoices page" />.'
          : 'add alt="…" that says what the image shows, for example alt="The My Invoices page with the Download button".',
    });
  }
  return problems;
}
