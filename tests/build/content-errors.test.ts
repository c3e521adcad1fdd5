/**
 * A writer's frontmatter mistakes fail a real `astro build` with one short list, a line per
 * mistake: `file:line  what is wrong. Fix: how`, with a "did you mean" for a misspelt field,
 * category or related article, and a published article that still has the scaffold's TODOs.
 * No Astro stack trace around it. (The schema's and the checks' unit tests cover every
 * message; this proves the build stops on them and prints them so.) One temporary copy of the
 * site with several broken articles, one build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempSite, type TempSite } from '../support/temp-site';

const EMAIL = 'content/articles/check-email-history.mdx';
const INVOICES = 'content/articles/check-invoices.mdx';
const NEW = 'content/articles/pay-an-invoice-by-card.mdx';
const BROKEN_YAML = 'content/articles/log-in-to-the-client-area.mdx';

describe('a build with bad frontmatter in several articles', () => {
  let site: TempSite;
  let result: { status: number | null; output: string };
  const lineOf = (file: string, start: string) =>
    site
      .read(file)
      .split('\n')
      .findIndex((line) => line.startsWith(start)) + 1;

  beforeAll(() => {
    site = makeTempSite();
    site.edit(EMAIL, (text) =>
      text.replace(/^title:/m, 'tittle:').replace(/^related: \[/m, 'related: [check-invoice, '),
    );
    site.edit(INVOICES, (text) => text.replace(/^category: billing$/m, 'category: biling'));
    site.edit(BROKEN_YAML, (text) => text.replace(/^tags: \[(.*)\]$/m, 'tags: [$1'));
    // A new article published with its placeholders still in.
    site.run(process.execPath, ['scripts/new-article.mjs', 'How to pay an invoice by card']);
    site.edit(NEW, (text) => text.replace(/^draft: true$/m, 'draft: false'));
    result = site.build();
  }, 120_000);
  afterAll(() => site?.remove());

  /** The output's line for `file:line`, which must exist. */
  function reported(file: string, line: number): string {
    const prefix = `${file}:${line}  `;
    const found = result.output.split('\n').find((text) => text.startsWith(prefix));
    expect(found, `a line starting with ${prefix} in:\n${result.output}`).toBeDefined();
    return found ?? '';
  }

  it('fails', () => {
    expect(result.status).not.toBe(0);
  });

  it('names the misspelt field, on its line, with the field it looks like (and not "title is missing")', () => {
    expect(reported(EMAIL, 2)).toBe(
      `${EMAIL}:2  unknown frontmatter field "tittle". Fix: did you mean title? The fields are title, description, category, tags, keywords, related, updated and draft (check the spelling).`,
    );
    expect(result.output).not.toContain('title is missing');
  });

  it('suggests the related article and the category that a misspelt slug looks like', () => {
    expect(reported(EMAIL, lineOf(EMAIL, 'related:'))).toContain(
      'related article "check-invoice" does not exist. Fix: did you mean check-invoices? Use the file name (without .mdx)',
    );
    expect(reported(INVOICES, lineOf(INVOICES, 'category:'))).toContain(
      `category "biling" is not one of the help center's categories. Fix: did you mean billing? Use one of account-security`,
    );
  });

  it('says where YAML it cannot read stops', () => {
    expect(result.output).toMatch(
      new RegExp(`^${BROKEN_YAML}:\\d+  the frontmatter cannot be read \\(.+\\)\\. Fix: a value that contains`, 'm'),
    );
  });

  it('stops a published article that still has TODOs, naming each field and line', () => {
    expect(reported(NEW, lineOf(NEW, 'description:'))).toBe(
      `${NEW}:${lineOf(NEW, 'description:')}  description still says "TODO Say in one or two sentences what this …". Fix: replace it with your own text, or set draft: true until no TODO is left.`,
    );
    expect(reported(NEW, lineOf(NEW, 'tags:'))).toContain('tags still says "TODO"');
    expect(reported(NEW, lineOf(NEW, '{/* TODO'))).toContain('the text still says "TODO: replace the examples below');
  });

  it('prints one short list, without a stack trace or Astro error wrapping', () => {
    expect(result.output).toContain('The content check found 7 problems in the articles:');
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.output).not.toMatch(
      /Stack trace|node_modules\/astro|An unhandled error|AstroUserError|InvalidContentEntryDataError/,
    );
    expect(result.output.trim().split('\n').length).toBeLessThan(15);
  });
});
