/**
 * Each mistake the content check looks for fails a real `astro build` on its own, with a line
 * `content/articles/<file>.mdx:<line>  <what is wrong>. Fix: <how>` (the unit tests in
 * tests/unit/content-checks.test.ts cover every variant of each message; these prove the build
 * stops). One temporary copy of the site and one build per mistake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempSite, type TempSite } from '../support/temp-site';

const INVOICES = 'content/articles/check-invoices.mdx';
const EMAIL = 'content/articles/check-email-history.mdx';
const WRITER_IMPORT = "import { Figure, Kbd } from '../../src/components/writer';\n";

interface Mistake {
  name: string;
  /** Changes the copy; returns the file and the lines (1-based) where the mistakes are. */
  make: (site: TempSite) => { file: string; lines: number[] };
  expected: RegExp[];
}

/** Appends `lines` to the end of `file` and returns their line numbers. */
function append(site: TempSite, file: string, lines: string[]): number[] {
  const before = site.read(file).replace(/\n*$/, '\n\n');
  site.write(file, `${before}${lines.join('\n\n')}\n`);
  const all = site.read(file).split('\n');
  return lines.map((line) => all.indexOf(line) + 1);
}

/** Adds an import line right after the frontmatter (the line numbers of appended text are found after). */
function addImport(site: TempSite, file: string, line: string): void {
  site.edit(file, (text) => text.replace(/^(---\n[\s\S]*?\n---\n)/, `$1\n${line}`));
}

const mistakes: Mistake[] = [
  {
    name: 'a link to an article that does not exist',
    make: (site) => ({
      file: INVOICES,
      lines: append(site, INVOICES, ['See [how to pay](/articles/pay-an-invoice/).']),
    }),
    expected: [
      /link to \/articles\/pay-an-invoice\/ goes to a page that does not exist\. Fix: An article address is \/articles\/ and the file name without \.mdx/,
    ],
  },
  {
    name: 'a Markdown image without alt text and a Figure without alt',
    make: (site) => {
      addImport(site, INVOICES, WRITER_IMPORT);
      return { file: INVOICES, lines: append(site, INVOICES, ['![](/favicon.svg)', '<Figure src="/favicon.svg" />']) };
    },
    expected: [
      /image \/favicon\.svg has no alt text\. Fix: describe what the image shows between the square brackets/,
      /<Figure src="\/favicon\.svg"> has no alt text\. Fix: add alt="…" that says what the image shows/,
    ],
  },
  {
    name: 'two articles with the same title',
    make: (site) => {
      const title = /^title: (.*)$/m.exec(site.read(EMAIL))?.[1] ?? '';
      site.edit(INVOICES, (text) => text.replace(/^title: .*$/m, `title: ${title}`));
      return { file: INVOICES, lines: [2] };
    },
    expected: [
      /title "How to .*" is also the title of content\/articles\/check-email-history\.mdx\. Fix: give each article its own title/,
    ],
  },
  {
    name: 'a published article that links to a draft',
    make: (site) => {
      site.edit(EMAIL, (text) => text.replace(/^draft: false$/m, 'draft: true'));
      return {
        file: INVOICES,
        lines: append(site, INVOICES, [
          'Lost an invoice e-mail? See [your email history](/articles/check-email-history/).',
        ]),
      };
    },
    expected: [
      /link to \/articles\/check-email-history\/ goes to a draft \(content\/articles\/check-email-history\.mdx has draft: true\), which is not published\. Fix: publish that article first/,
    ],
  },
];

describe.each(mistakes)('a build with $name', ({ make, expected }) => {
  let site: TempSite;
  let result: { status: number | null; output: string };
  let where: { file: string; lines: number[] };

  beforeAll(() => {
    site = makeTempSite();
    where = make(site);
    result = site.build();
  }, 120_000);
  afterAll(() => site?.remove());

  it('fails', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('The content check found');
  });

  it('names the file and line of each mistake, what is wrong and the fix', () => {
    expect(where.lines.every((line) => line > 0)).toBe(true);
    expected.forEach((message, index) => {
      const prefix = `${where.file}:${where.lines[index]}  `;
      const line = result.output.split('\n').find((text) => text.startsWith(prefix));
      expect(line, `a line starting with ${prefix}`).toBeDefined();
      expect(line).toMatch(message);
    });
  });
});

describe('a build with a bad prop on a writer component', () => {
  let site: TempSite;
  let result: { status: number | null; output: string };

  beforeAll(() => {
    site = makeTempSite();
    addImport(site, INVOICES, WRITER_IMPORT);
    append(site, INVOICES, ['Press <Kbd keys="Ctrl++" /> to zoom in.']);
    result = site.build();
  }, 120_000);
  afterAll(() => site?.remove());

  it('fails with a message naming the component, the prop, the value and what is allowed', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      '<Kbd> got keys="Ctrl++": keys must be the key names to press together, joined with + (write the plus key as Plus). Example: <Kbd keys="Ctrl+C" />',
    );
  });
});
