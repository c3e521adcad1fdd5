/**
 * A writer's first minutes: `npm run new:article` scaffolds a draft, which builds but stays off
 * the site; once its TODOs are replaced and it is published it shows every writer component
 * and appears in its category; running it again with the same title is refused. The build, and
 * the search index after it (the command `npm run build` runs), print no warning. Also checks
 * what the article page carries for search engines and, with an editBaseUrl set, the "Edit this
 * article" link. One temporary copy of the site, one build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/lib/taxonomy';
import { makeTempSite, type TempSite } from '../support/temp-site';

const TITLE = 'How to download an invoice as a PDF';
const SLUG = 'download-an-invoice-as-a-pdf';
const FILE = `content/articles/${SLUG}.mdx`;
const DRAFT_TITLE = 'How to change the invoice currency';
const DRAFT = 'content/articles/change-the-invoice-currency.mdx';
const DESCRIPTION = 'Find an invoice in the client area and save it as a PDF file to keep or print.';
const EDIT_BASE = 'https://git.example.com/help-center/edit/main/';
const PACKAGE = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('a new article from `npm run new:article`', () => {
  let site: TempSite;
  let created: { status: number | null; output: string };
  let again: { status: number | null; output: string };
  let build: { status: number | null; output: string };
  let search: { status: number | null; output: string };
  const page = (path: string) => readFileSync(join(site.dir, 'dist', path, 'index.html'), 'utf8');

  beforeAll(() => {
    site = makeTempSite();
    created = site.run(process.execPath, ['scripts/new-article.mjs', TITLE]);
    again = site.run(process.execPath, ['scripts/new-article.mjs', TITLE]);
    site.run(process.execPath, ['scripts/new-article.mjs', DRAFT_TITLE]); // left as it is: a draft with its TODOs
    site.edit('src/data/site.json', (text) => text.replace('"editBaseUrl": ""', `"editBaseUrl": "${EDIT_BASE}"`));
    // The writer replaces every TODO and publishes. The scaffold leaves its Figure example in a
    // comment (there is no image yet): add a real one.
    site.edit(
      FILE,
      (text) =>
        `${text
          .replace(/^description: TODO.*$/m, `description: ${DESCRIPTION}`)
          .replace(/^tags: \[TODO\]$/m, 'tags: [Billing, Invoices]')
          .replace(/^\{\/\* TODO.*\*\/\}\n/m, '')
          .replace(
            /^draft: true$/m,
            'draft: false',
          )}\n<Figure src="/favicon.svg" alt="The help center logo" caption="Our logo" width={64} height={64} />\n`,
    );
    build = site.build();
    // The search index, as `npm run build` makes it after `astro build`.
    const pagefind = PACKAGE.scripts['build']
      ?.split('&&')
      .map((step) => step.trim())
      .find((step) => step.startsWith('pagefind '));
    search = site.run('sh', ['-c', `node_modules/.bin/${pagefind}`]);
  }, 120_000);
  afterAll(() => site?.remove());

  it('is created under content/articles/ as a draft, with the next steps printed', () => {
    expect(created.status).toBe(0);
    expect(created.output).toContain(`Created ${FILE} (a draft: draft: true)`);
    expect(created.output).toContain('When no TODO is left, set draft: false');
    expect(existsSync(join(site.dir, FILE))).toBe(true);
    expect(site.read(DRAFT)).toMatch(/^updated: \d{4}-\d{2}-\d{2}$/m);
    expect(site.read(DRAFT)).toMatch(/^draft: true$/m);
  });

  it('is refused a second time, without touching the file', () => {
    expect(again.status).toBe(1);
    expect(again.output).toContain(`${FILE} already exists. Edit that file, or choose a different title.`);
  });

  it('builds, leaving the draft out and saying so', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(
      `${DRAFT} is a draft (draft: true): it is not on the built site, and still has 3 TODOs.`,
    );
    expect(existsSync(join(site.dir, 'dist/articles/change-the-invoice-currency'))).toBe(false);
  });

  it('prints no warning, from the build or the search index', () => {
    expect(search.status, search.output).toBe(0);
    for (const output of [build.output, search.output]) {
      expect(output).not.toMatch(/\bWARN|warning/i);
      expect(output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    }
    expect(search.output).not.toContain('without an <html> element');
    expect(search.output).toMatch(/Indexed \d+ pages/);
  });

  it('appears in its category', () => {
    const category = CATEGORIES[0]!;
    expect(page(`categories/${category.id}`)).toContain(`<a href="/articles/${SLUG}/">${TITLE}</a>`);
  });

  it('renders every writer component in its example', () => {
    const html = page(`articles/${SLUG}`);
    expect(html.match(/<li class="step">/g)).toHaveLength(3);
    expect(html).toMatch(/<ol class="steps">/);
    for (const variant of ['note', 'tip', 'warning'])
      expect(html).toMatch(new RegExp(`<div class="callout callout-${variant}" role="note">`));
    expect(html).toContain('<p class="callout-title">Before you delete anything</p>');
    expect(html).toMatch(/<kbd class="kbd-combo"><kbd>Ctrl<\/kbd>\+<kbd>F<\/kbd><\/kbd>/);
    expect(html).toContain(
      '<figure class="figure"><img src="/favicon.svg" alt="The help center logo" width="64" height="64" loading="lazy" decoding="async"><figcaption>Our logo</figcaption></figure>',
    );
  });

  it('has Open Graph tags, the last-updated date and an edit link to its file', () => {
    const html = page(`articles/${SLUG}`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain(`<meta property="og:title" content="${TITLE}">`);
    expect(html).toContain(`<meta property="og:description" content="${DESCRIPTION}">`);
    expect(html).toContain(`<meta property="og:url" content="https://help.example.com/articles/${SLUG}/">`);
    expect(html).toMatch(/<meta property="article:modified_time" content="\d{4}-\d{2}-\d{2}T00:00:00.000Z">/);
    expect(html).toMatch(/Last updated: <time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(html).toContain(`<a class="edit-link" href="${EDIT_BASE}${FILE}">Edit this article</a>`);
  });
});
