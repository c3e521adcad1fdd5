#!/usr/bin/env node
// @ts-check
/**
 * Creates a new article with valid frontmatter and an example of each writer component:
 *
 *   npm run new:article -- "How to download an invoice"
 *
 * writes content/articles/download-an-invoice.mdx (the title in lower-case-kebab form, without a
 * leading "how to"). It refuses a file that already exists, and an empty or over-long title.
 * The article starts as a draft (`draft: true`), with TODO placeholders to replace: the build
 * stops on a published article that still has one.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import categories from '../src/data/categories.json' with { type: 'json' };

const ARTICLES_DIR = fileURLToPath(new URL('../content/articles/', import.meta.url));

/**
 * "How to Download an Invoice (PDF)" -> "download-an-invoice-pdf".
 * @param {string} title
 */
export function slugFromTitle(title) {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^how-to(?:-|$)/, '');
}

/** YYYY-MM-DD in the writer's own time zone. */
export function localDate(date = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A YAML scalar: plain when that is safe, otherwise double-quoted (JSON strings are valid YAML). */
function yamlText(/** @type {string} */ text) {
  return /^[A-Za-z0-9(][^:#"'\n]*$/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

/**
 * The new file's text.
 * @param {{ title: string, today: string, tags?: readonly string[] }} options `tags`: the tags
 *   other articles use, listed in a comment so the writer reuses their spelling.
 */
export function articleTemplate({ title, today, tags = [] }) {
  const [first, ...others] = categories;
  if (!first) throw new Error('src/data/categories.json lists no category.');
  const otherIds = others.map((category) => category.id).join(', ');
  const tagHint = tags.length > 0 ? ` Tags in use: ${tags.join(', ')}.` : '';
  return `---
title: ${yamlText(title)}
# One or two sentences (40-200 characters) that say what the article helps the reader do.
description: TODO Say in one or two sentences what this article helps the reader to do.
# The one category this article belongs to: ${first.id} (${first.name}), or ${otherIds}.
category: ${first.id}
# 1-8 short topic labels; reuse the spelling other articles use.${tagHint}
tags: [TODO]
# File names (without .mdx) of up to 6 articles to list under "Related Articles".
related: []
updated: ${today}
# A draft is left out of the built site. Set draft: false to publish it once every placeholder is replaced.
draft: true
---

import { Steps, Step, Note, Tip, Warning, Kbd, Figure } from '../../src/components/writer';

{/* TODO: replace the examples below with your article. Delete the components you do not use. CONTRIBUTING.md explains each one. */}

Say in a sentence or two what the reader can do once they have followed this article.

## Do the task

<Steps>
  <Step>Log in to the client area. For help, see [How to log in to the client area](/articles/log-in-to-the-client-area/).</Step>
  <Step>In the top menu, click **Billing**, then **My Invoices**.</Step>
  <Step>Press <Kbd keys="Ctrl+F" /> and type the invoice number to find it on the page.</Step>
</Steps>

<Note>Something the reader should know while they follow the steps.</Note>

<Tip>A shortcut the reader may like, but can skip.</Tip>

<Warning title="Before you delete anything">Something that can go wrong or cannot be undone.</Warning>

{/* A screenshot: put the image file in public/images/ and say what it shows in alt.
<Figure src="/images/my-invoices.png" alt="The My Invoices page, with a Download button next to each invoice" caption="Your invoices, newest first" />
*/}

{/* The simulator or a live figure instead of a screenshot: see "The simulator and live figures" in CONTRIBUTING.md. */}
`;
}

/** The tags the existing articles use, sorted, each spelling once. */
function tagsInUse(/** @type {string} */ dir) {
  const tags = new Set();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.mdx'))) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(`${dir}/${name}`, 'utf8'))?.[1];
    try {
      const data = /** @type {{ tags?: unknown } | null} */ (load(frontmatter ?? ''));
      if (Array.isArray(data?.tags)) for (const tag of data.tags) if (typeof tag === 'string') tags.add(tag);
    } catch {
      // A file with broken frontmatter: the build reports it; its tags are not needed here.
    }
  }
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/**
 * Writes the article; returns its path or throws an Error whose message tells the writer what to do.
 * @param {{ title: string, dir?: string, today?: string }} options
 */
export function createArticle({ title, dir = ARTICLES_DIR, today = localDate() }) {
  const clean = title.trim().replace(/\s+/g, ' ');
  if (clean === '')
    throw new Error('Give the article a title, for example: npm run new:article -- "How to download an invoice"');
  if (clean.length < 10 || clean.length > 120)
    throw new Error(
      `The title has ${clean.length} characters: use 10 to 120, for example "How to download an invoice".`,
    );
  const slug = slugFromTitle(clean);
  if (slug === '')
    throw new Error(
      `"${clean}" has no letters or digits to make a file name from: use words, for example "How to download an invoice".`,
    );
  const file = `${dir.replace(/\/$/, '')}/${slug}.mdx`;
  if (existsSync(file))
    throw new Error(`content/articles/${slug}.mdx already exists. Edit that file, or choose a different title.`);
  writeFileSync(file, articleTemplate({ title: clean, today, tags: tagsInUse(dir) }), { flag: 'wx' });
  return { slug, file: `content/articles/${slug}.mdx` };
}

function main() {
  const title = process.argv.slice(2).join(' ');
  try {
    const { slug, file } = createArticle({ title });
    console.log(`Created ${file} (a draft: draft: true)

Next:
  1. Open ${file} and replace every TODO: the description, the tags, the text.
  2. Run \`npm run dev\` and open http://127.0.0.1:4321/articles/${slug}/ to preview it.
  3. When no TODO is left, set draft: false and run \`npm run build\`: it checks the
     frontmatter, links, images and titles, and tells you what to fix.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
