import { describe, expect, it } from 'vitest';
import {
  blankOutCode,
  checkArticles,
  draftsIn,
  formatProblems,
  type Problem,
  type SourceFile,
} from '../../src/content/checks';
import { CATEGORIES } from '../../src/lib/taxonomy';
import { articlesOnDisk } from '../support/articles-on-disk';
import { readFileSync } from 'node:fs';

const facts = {
  categoryIds: CATEGORIES.map((category) => category.id),
  publicFiles: ['/favicon.svg', '/images/invoices.png'],
};

function article(slug: string, body: string, frontmatter: Record<string, string> = {}): SourceFile {
  const fields = {
    title: `How to ${slug.replace(/-/g, ' ')}`,
    category: 'billing',
    tags: '[Billing, Client area]',
    draft: 'false',
    ...frontmatter,
  };
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return { file: `content/articles/${slug}.mdx`, source: `---\n${yaml}\n---\n\n${body}\n` };
}

/** Lines 1-6 are the frontmatter (title, category, tags, draft between the --- lines), 7 is blank. */
const BODY_LINE = 8;

const base = [
  article('check-invoices', 'Invoices.'),
  article('old-feature', 'Draft text.', { draft: 'true', tags: '[Secret tag]' }),
];

function problemsFor(body: string, options: { draft?: boolean } = {}): Problem[] {
  const files = [...base, article('new-article', body, options.draft ? { draft: 'true' } : {})];
  return checkArticles(files, facts).filter((problem) => problem.file === 'content/articles/new-article.mdx');
}

describe('the articles on disk', () => {
  it('pass every content check', () => {
    const files = articlesOnDisk().map(({ file }) => ({ file, source: readFileSync(file, 'utf8') }));
    expect(checkArticles(files, facts)).toEqual([]);
  });
});

describe('links in the body', () => {
  it.each([
    ['an existing article', '[Invoices](/articles/check-invoices/)'],
    ['an anchor on an existing article', '[Invoices](/articles/check-invoices/#pay)'],
    ['the home page', '[Home](/)'],
    ['a category', '[Billing](/categories/billing/)'],
    ['a tag of a published article', '[Client area](/tags/client-area/)'],
    ['the tag index', '[All tags](/tags/)'],
    ['the training pages, which may not exist yet', '[Practise](/training/2fa/)'],
    ['a file in public/', '[Logo](/favicon.svg)'],
    ['another site', '[Client area](https://clientarea.example.com/)'],
    ['an e-mail address', '[Support](mailto:support@example.com)'],
    ['an anchor on this page', '[Below](#below)'],
    ['a reference definition', '[Invoices][inv]\n\n[inv]: /articles/check-invoices/'],
    ['an href in JSX', '<a href="/articles/check-invoices/">Invoices</a>'],
    ['a link shown as code', '`[x](/articles/nope/)`\n\n```md\n[x](/articles/nope/)\n```'],
    ['a link in an MDX comment', '{/* [x](/articles/nope/) */}'],
  ])('accepts a link to %s', (_, body) => {
    expect(problemsFor(body)).toEqual([]);
  });

  it.each([
    [
      'an article that does not exist',
      'Text.\n\n[Nope](/articles/no-such-article/)',
      BODY_LINE + 2,
      /link to \/articles\/no-such-article\/ goes to a page that does not exist/,
      /file name without \.mdx/,
    ],
    [
      'a misspelled article, with a suggestion',
      '[Invoices](/articles/check-invoice/)',
      BODY_LINE,
      /does not exist/,
      /Did you mean \/articles\/check-invoices\/\?/,
    ],
    [
      'a category that does not exist',
      '[Security](/categories/security/)',
      BODY_LINE,
      /\/categories\/security\/ goes to a page that does not exist/,
      /src\/data\/categories\.json/,
    ],
    [
      'a tag no published article uses',
      '[Tag](/tags/secret-tag/)',
      BODY_LINE,
      /\/tags\/secret-tag\/ goes to a page that does not exist/,
      /tags that a published article uses/,
    ],
    [
      'a page that does not exist',
      '[About](/about/)',
      BODY_LINE,
      /\/about\/ goes to a page that does not exist/,
      /Link to an article/,
    ],
    [
      'an article without the final slash',
      '[Invoices](/articles/check-invoices)',
      BODY_LINE,
      /has no slash at the end/,
      /write \/articles\/check-invoices\//,
    ],
    [
      'a file name instead of an address',
      '[Invoices](check-invoices.mdx)',
      BODY_LINE,
      /link "check-invoices.mdx" is not a site address/,
      /\/articles\/check-invoices\//,
    ],
    [
      'a relative address',
      '[Invoices](../check-invoices/)',
      BODY_LINE,
      /is not a site address/,
      /start it with a slash/,
    ],
    ['an empty address', '[Invoices]()', BODY_LINE, /a link has no address/, /round brackets/],
    [
      'a missing article in JSX',
      '<a href="/articles/gone/">Gone</a>',
      BODY_LINE,
      /\/articles\/gone\/ goes to a page that does not exist/,
      /./,
    ],
    [
      'a missing article in a reference definition',
      '[Gone][g]\n\n[g]: /articles/gone/',
      BODY_LINE + 2,
      /\/articles\/gone\/ goes to a page that does not exist/,
      /./,
    ],
  ])('rejects a link to %s, naming the line and the fix', (_, body, line, message, fix) => {
    const problems = problemsFor(body);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line });
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.fix).toMatch(fix);
  });

  it('rejects a link from a published article to a draft', () => {
    const [problem, ...rest] = problemsFor('See [the old feature](/articles/old-feature/).');
    expect(rest).toEqual([]);
    expect(problem?.message).toMatch(
      /goes to a draft \(content\/articles\/old-feature\.mdx has draft: true\), which is not published/,
    );
    expect(problem?.fix).toMatch(/set draft: false/);
  });

  it('lets a draft link to another draft and its tags', () => {
    expect(problemsFor('[Old](/articles/old-feature/) [Tag](/tags/secret-tag/)', { draft: true })).toEqual([]);
  });

  it('still checks the links of a draft against pages that do not exist at all', () => {
    expect(problemsFor('[Nope](/articles/nope/)', { draft: true })).toHaveLength(1);
  });
});

describe('images', () => {
  it.each([
    ['a Markdown image with alt text', '![The My Invoices page](/images/invoices.png)'],
    ['a Figure with alt text', '<Figure src="/images/invoices.png" alt="The My Invoices page" />'],
    ['a Figure with alt in braces', '<Figure src="/images/invoices.png" alt={"The My Invoices page"} />'],
    ['an image shown as code', '`![](/images/invoices.png)`'],
  ])('accepts %s', (_, body) => {
    expect(problemsFor(body)).toEqual([]);
  });

  it.each([
    [
      'a Markdown image with empty alt',
      'Intro.\n\n![](/images/invoices.png)',
      BODY_LINE + 2,
      /image \/images\/invoices\.png has no alt text/,
      /square brackets/,
    ],
    ['a Markdown image with blank alt', '![  ](/images/invoices.png)', BODY_LINE, /has no alt text/, /square brackets/],
    [
      'a Figure without alt',
      '<Figure src="/images/invoices.png" />',
      BODY_LINE,
      /<Figure src="\/images\/invoices\.png"> has no alt text/,
      /add alt=/,
    ],
    [
      'a Figure with empty alt',
      '<Figure\n  src="/images/invoices.png"\n  alt=""\n/>',
      BODY_LINE,
      /<Figure src="\/images\/invoices\.png"> has an empty alt text/,
      /add alt=/,
    ],
    [
      'a Figure with empty alt in braces',
      '<Figure src="/images/invoices.png" alt={""} />',
      BODY_LINE,
      /has an empty alt text/,
      /add alt=/,
    ],
    [
      'an HTML img without alt',
      '<img src="/images/invoices.png" />',
      BODY_LINE,
      /<img src="\/images\/invoices\.png"> has no alt text/,
      /use the Figure component/,
    ],
  ])('rejects %s, naming the line and the fix', (_, body, line, message, fix) => {
    const problems = problemsFor(body);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line });
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.fix).toMatch(fix);
  });
});

describe('titles', () => {
  it.each([
    ['the same title', 'How to check invoices'],
    ['the same title in other case and spacing', 'How to  CHECK invoices '],
  ])('rejects two articles with %s, on the second file, naming the first', (_, title) => {
    const files = [article('check-invoices', 'Text.'), article('see-invoices', 'Text.', { title })];
    expect(checkArticles(files, facts)).toEqual([
      {
        file: 'content/articles/see-invoices.mdx',
        line: 2,
        field: 'title',
        message: `title "${title.trim()}" is also the title of content/articles/check-invoices.mdx`,
        fix: expect.stringMatching(/give each article its own title/),
      },
    ]);
  });
});

describe('the report', () => {
  it('lists every problem as file:line, the message and the fix', () => {
    const report = formatProblems([
      { file: 'content/articles/a.mdx', line: 12, message: 'image x.png has no alt text', fix: 'describe it.' },
      {
        file: 'content/articles/b.mdx',
        line: 2,
        field: 'title',
        message: 'title "A" is also the title of content/articles/a.mdx',
        fix: 'rename it.',
      },
    ]);
    expect(report.split('\n')).toEqual([
      'The content check found 2 problems in the articles:',
      '',
      'content/articles/a.mdx:12  image x.png has no alt text. Fix: describe it.',
      'content/articles/b.mdx:2  title "A" is also the title of content/articles/a.mdx. Fix: rename it.',
    ]);
  });

  it('leaves out "Fix:" when the message already says how to fix it', () => {
    expect(
      formatProblems([{ file: 'content/articles/a.mdx', line: 3, message: 'say it all', fix: '' }]).split('\n'),
    ).toEqual(['The content check found 1 problem in the articles:', '', 'content/articles/a.mdx:3  say it all.']);
  });
});

describe('TODO placeholders', () => {
  const FIX = 'replace it with your own text, or set draft: true until no TODO is left.';
  const scaffold = (draft: boolean) =>
    article(
      'new-article',
      '{/* TODO: replace the examples below with your article. Delete the rest. */}\n\nSay `TODO` in code.\n\n```\nTODO in a code block\n```\n\nA TODO left here.',
      {
        description: 'TODO Say in one or two sentences what this article helps the reader to do.',
        tags: '[TODO]',
        '# TODO': 'a comment',
        draft: String(draft),
      },
    );

  it('stop a published article: each frontmatter value and body line that still has one, by line', () => {
    const problems = checkArticles([...base, scaffold(false)], facts).filter((problem) =>
      problem.file.endsWith('new-article.mdx'),
    );
    // Lines 2-7: title, category, tags, draft, description, a comment; the body starts on line 10.
    expect(problems).toEqual([
      { file: 'content/articles/new-article.mdx', line: 4, field: 'tags', message: 'tags still says "TODO"', fix: FIX },
      {
        file: 'content/articles/new-article.mdx',
        line: 6,
        field: 'description',
        message: 'description still says "TODO Say in one or two sentences what this …"',
        fix: FIX,
      },
      {
        file: 'content/articles/new-article.mdx',
        line: 10,
        message: 'the text still says "TODO: replace the examples below with your …"',
        fix: FIX,
      },
      {
        file: 'content/articles/new-article.mdx',
        line: 18,
        message: 'the text still says "TODO left here."',
        fix: FIX,
      },
    ]);
  });

  it('are allowed in a draft, which lists how many are left', () => {
    const files = [...base, scaffold(true)];
    expect(checkArticles(files, facts)).toEqual([]);
    expect(draftsIn(files)).toEqual([
      { file: 'content/articles/old-feature.mdx', todos: 0 },
      { file: 'content/articles/new-article.mdx', todos: 4 },
    ]);
  });
});

describe('blankOutCode', () => {
  it('keeps the length and the line breaks, so line numbers stay right', () => {
    const body = 'a `[x](/y)` b\n```\n[x](/y)\n```\n{/* c\n d */}\ne';
    const blanked = blankOutCode(body);
    expect(blanked).toHaveLength(body.length);
    expect(blanked.split('\n')).toHaveLength(body.split('\n').length);
    expect(blanked).not.toContain('[x]');
    expect(blanked.trimEnd().endsWith('e')).toBe(true);
  });
});
