/**
 * Content checks the schema cannot make, because they look across articles or into the body:
 * links to pages that do not exist, links from a published article to a draft, images without
 * alt text, and two articles with the same title.
 *
 * Pure functions over the files' text: no Astro, no file system. The content-checks integration
 * (src/integrations/content-checks.ts) reads the files and fails the build with
 * `formatProblems()`. Every problem names the file and line, says what is wrong and how to fix it,
 * in words for the writer who made the mistake.
 */
import { load } from 'js-yaml';
import { tagSlug } from '../lib/taxonomy';

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
  /** How to fix it, as a sentence. */
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
  /** The body with code and MDX comments blanked out (same length, same line breaks). */
  body: string;
  /** Line number of the body's first line in the file. */
  bodyLine: number;
}

/** Runs every check over the articles; problems are sorted by file and line. */
export function checkArticles(files: readonly SourceFile[], facts: SiteFacts): Problem[] {
  const articles = files.map(parseArticle);
  const problems = [...duplicateTitles(articles), ...articles.flatMap((article) => [...brokenLinks(article, articles, facts), ...imagesWithoutAlt(article)])];
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One readable block: a heading line, then `file:line  message. Fix: fix` per problem. */
export function formatProblems(problems: readonly Problem[]): string {
  const heading = `The content check found ${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in the articles:`;
  return [heading, '', ...problems.map((p) => `${p.file}:${p.line}  ${p.message}. Fix: ${p.fix}`)].join('\n');
}

/** Lines that still carry the scaffold's TODO placeholders (reported as warnings, not failures). */
export function findTodos(file: SourceFile): Problem[] {
  const problems: Problem[] = [];
  file.source.split('\n').forEach((text, index) => {
    if (/\bTODO\b/.test(text)) {
      problems.push({ file: file.file, line: index + 1, message: 'still has a TODO placeholder', fix: 'replace the placeholder with your own text, then delete the TODO.' });
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------

function parseArticle({ file, source }: SourceFile): ParsedArticle {
  const slug = file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  const yaml = match?.[1] ?? '';
  let data: Record<string, unknown> = {};
  try {
    const loaded = load(yaml);
    if (loaded && typeof loaded === 'object') data = loaded as Record<string, unknown>;
  } catch {
    // Broken YAML: the schema reports it with its own message; check the body anyway.
  }
  const titleIndex = yaml.split('\n').findIndex((line) => /^title\s*:/.test(line));
  const frontmatterLines = match ? match[0].split('\n').length - 1 : 0;
  const body = match ? source.slice(match[0].length) : source;
  return {
    file,
    slug,
    title: typeof data['title'] === 'string' ? data['title'] : undefined,
    titleLine: titleIndex >= 0 ? titleIndex + 2 : 1,
    draft: data['draft'] === true,
    tags: Array.isArray(data['tags']) ? data['tags'].filter((tag): tag is string => typeof tag === 'string') : [],
    body: blankOutCode(body),
    bodyLine: frontmatterLines + 1,
  };
}

/**
 * Replaces fenced code blocks, inline code and MDX comments with spaces, keeping line breaks,
 * so that an example link or image shown as code is not checked and line numbers stay right.
 */
export function blankOutCode(body: string): string {
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
  return lines
    .join('\n')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/(`+)[^\n]*?\1/g, blank);
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
  for (const m of body.matchAll(/(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)/g)) found.push({ url: m[1] ?? '', offset: m.index });
  for (const m of body.matchAll(/^[ \t]*\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)/gm)) found.push({ url: m[1] ?? '', offset: m.index });
  for (const m of body.matchAll(/\bhref\s*=\s*\{?\s*["']([^"']*)["']/g)) found.push({ url: m[1] ?? '', offset: m.index });
  return found;
}

function brokenLinks(article: ParsedArticle, all: readonly ParsedArticle[], facts: SiteFacts): Problem[] {
  const published = all.filter((other) => !other.draft);
  // A draft may link to other drafts and their tags: it is not built, and they may go live together.
  const visible = article.draft ? all : published;
  const drafts = new Map(all.filter((other) => other.draft).map((other) => [other.slug, other]));
  const pages = new Set([
    ...FIXED_PAGES,
    ...(facts.publicFiles ?? []),
    ...visible.map((other) => `/articles/${other.slug}/`),
    ...facts.categoryIds.map((id) => `/categories/${id}/`),
    ...visible.flatMap((other) => other.tags.map((tag) => `/tags/${tagSlug(tag)}/`)),
  ]);
  const exists = (path: string) => pages.has(path) || KNOWN_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix));

  const problems: Problem[] = [];
  for (const { url, offset } of linksIn(article.body)) {
    const at = { file: article.file, line: lineOf(article, offset) };
    if (url === '') {
      problems.push({ ...at, message: 'a link has no address', fix: 'put the address between the round brackets, for example /articles/log-in-to-the-client-area/.' });
      continue;
    }
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) continue; // another site, mailto:, or an anchor on this page
    const path = url.replace(/[?#].*$/, '');
    if (!path.startsWith('/')) {
      const slug = /^(?:\.\.?\/)*([a-z0-9-]+)(?:\.mdx?|\/)?$/.exec(path)?.[1];
      const suggestion = slug && all.some((other) => other.slug === slug) ? `/articles/${slug}/` : '/articles/<file name without .mdx>/';
      problems.push({ ...at, message: `link "${url}" is not a site address`, fix: `start it with a slash, for example ${suggestion}.` });
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
      problems.push({ ...at, message: `link "${url}" has no slash at the end`, fix: `write ${path}/ (every page address ends with a slash).` });
      continue;
    }
    problems.push({ ...at, message: `link to ${path} goes to a page that does not exist`, fix: fixForMissing(path, [...pages]) });
  }
  return problems;
}

function fixForMissing(path: string, pages: readonly string[]): string {
  const kind = /^\/(articles|categories|tags)\//.exec(path)?.[1];
  const candidates = pages.filter((page) => kind === undefined || page.startsWith(`/${kind}/`));
  const closest = candidates
    .map((page) => ({ page, distance: editDistance(page, path.endsWith('/') ? path : `${path}/`) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const guess = closest && closest.distance <= Math.max(3, Math.floor(path.length / 5)) ? `Did you mean ${closest.page}? ` : '';
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

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
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
    const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^}]*))\s*\})/.exec(attributes);
    const value = alt ? (alt.slice(1).find((group) => group !== undefined) ?? '') : undefined;
    if (value !== undefined && value.trim() !== '') continue;
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/.exec(attributes)?.slice(1).find((group) => group !== undefined);
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
