/**
 * A writer's frontmatter mistakes fail a real `astro build` with a message that names the
 * file, the field and the fix (the schema's own unit tests cover every message; these prove
 * the build really stops on them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempSite, type TempSite } from '../support/temp-site';

const FILE = 'content/articles/check-invoices.mdx';

describe('a build with bad frontmatter', () => {
  let site: TempSite;
  let result: { status: number | null; output: string };

  beforeAll(() => {
    site = makeTempSite();
    site.edit(FILE, (text) =>
      text.replace(/^category: billing$/m, 'categroy: billing').replace(/^related: \[/m, 'related: [no-such-article, '),
    );
    result = site.build();
  }, 120_000);
  afterAll(() => site?.remove());

  it('fails', () => {
    expect(result.status).not.toBe(0);
  });

  it('names the file', () => {
    expect(result.output).toContain('check-invoices');
    expect(result.output).toContain(FILE);
  });

  it('explains the misspelled key, the missing field and the unknown related slug', () => {
    expect(result.output).toContain('unknown frontmatter field "categroy"');
    expect(result.output).toContain('category is missing: use one of account-security');
    expect(result.output).toContain('related article "no-such-article" does not exist');
  });
});
