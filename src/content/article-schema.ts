/**
 * The article frontmatter schema: the writers' manual in code.
 *
 * Every field carries a `.describe()` (CONTRIBUTING.md is written from these) and an error
 * message written for the writer who made the mistake: it names the field, what was received
 * and what is expected. Astro adds the file name when it reports a failing entry.
 */
import { z } from 'astro/zod';
import categories from '../data/categories.json' with { type: 'json' };
import { withDidYouMean } from './did-you-mean';

export const CATEGORY_IDS = categories.map((category) => category.id) as [string, ...string[]];

/** Every frontmatter field, in the order the guide and the new-article scaffold list them. */
export const FIELDS = ['title', 'description', 'category', 'tags', 'keywords', 'related', 'updated', 'draft'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "category is missing: ..." or "category "Security" is not ...: ..." */
function problem(field: string, input: unknown, notWhat: string, fix: string): string {
  return input === undefined ? `${field} is missing: ${fix}` : `${field} ${JSON.stringify(input)} ${notWhat}: ${fix}`;
}

/**
 * `unknown frontmatter field "tittle": did you mean title? ...`. `helpfulCount`, a field that
 * was retired, gets its own explanation.
 */
export function unknownFieldMessage(key: string): string {
  if (key === 'helpfulCount')
    return 'helpfulCount is no longer used: "N users found this useful" now counts the votes readers send (the feedback collector). Delete the helpfulCount line.';
  const fields = `${FIELDS.slice(0, -1).join(', ')} and ${FIELDS.at(-1)}`;
  return `unknown frontmatter field "${key}": ${withDidYouMean(`the fields are ${fields} (check the spelling).`, key, FIELDS)}`;
}

/**
 * Builds the schema. `knownSlugs` lists the article slugs that exist, so that `related` can be
 * checked against them (Astro's `reference()` only logs a missing entry, it does not fail).
 */
export function makeArticleSchema(knownSlugs: () => readonly string[]) {
  return z.strictObject(
    {
      title: z
        .string({
          error: (issue) =>
            problem('title', issue.input, 'is not text', 'give the article a title of 10 to 120 characters.'),
        })
        .trim()
        .min(10, {
          error: 'title is too short: use 10 to 120 characters, written as a question or task ("How to ...").',
        })
        .max(120, { error: 'title is too long: keep it under 120 characters.' })
        .describe('The article title, shown as the page heading, in search results and in links. 10-120 characters.'),
      description: z
        .string({
          error: (issue) =>
            problem(
              'description',
              issue.input,
              'is not text',
              'add one or two sentences (40-200 characters) that say what the article helps with.',
            ),
        })
        .trim()
        .min(40, { error: 'description is too short: write one or two sentences of 40 to 200 characters.' })
        .max(200, { error: 'description is too long: keep it under 200 characters; it is shown as an excerpt.' })
        .describe(
          'One or two sentences (40-200 characters) shown under related-article links, in search results and as the meta description.',
        ),
      category: z
        .enum(CATEGORY_IDS, {
          error: (issue) =>
            problem(
              'category',
              issue.input,
              "is not one of the help center's categories",
              withDidYouMean(
                `use one of ${CATEGORY_IDS.join(', ')} (listed in src/data/categories.json).`,
                issue.input,
                CATEGORY_IDS,
              ),
            ),
        })
        .describe(`The one category the article belongs to: ${CATEGORY_IDS.join(', ')}.`),
      tags: z
        .array(
          z
            .string({
              error: (issue) => problem('tag', issue.input, 'is not text', 'put it in quotes, for example "2FA".'),
            })
            .trim()
            .min(2, { error: 'a tag is too short: use 2 to 40 characters.' })
            .max(40, { error: 'a tag is too long: keep tags under 40 characters.' }),
          {
            error: (issue) =>
              problem(
                'tags',
                issue.input,
                'is not a list',
                'write the tags in square brackets, for example [2FA, Security].',
              ),
          },
        )
        .min(1, { error: 'tags is empty: give at least one tag, for example [Security].' })
        .max(8, { error: 'tags has too many entries: use at most 8.' })
        .describe(
          'Short topic labels (1-8). Each tag gets a page listing its articles; reuse the spelling other articles use.',
        ),
      keywords: z
        .array(
          z
            .string({
              error: (issue) => problem('keyword', issue.input, 'is not text', 'put it in quotes, for example "MFA".'),
            })
            .trim()
            .min(2, { error: 'a keyword is too short: use 2 to 60 characters.' })
            .max(60, { error: 'a keyword is too long: keep each keyword under 60 characters.' }),
          {
            error: (issue) =>
              problem(
                'keywords',
                issue.input,
                'is not a list',
                'write them in square brackets, for example [MFA, one-time password].',
              ),
          },
        )
        .max(20, { error: 'keywords has too many entries: use at most 20.' })
        .default([])
        .describe(
          'Words readers may search for that the text lacks: synonyms, abbreviations (up to 20). Not shown; weighted like the title.',
        ),
      related: z
        .array(
          z.string().regex(SLUG, {
            error: (issue) =>
              problem(
                'related entry',
                issue.input,
                'is not an article slug',
                'use the file name without .mdx, in lower-case-kebab form.',
              ),
          }),
          {
            error: (issue) =>
              problem(
                'related',
                issue.input,
                'is not a list',
                'write the file names in square brackets, for example [log-in-to-the-client-area].',
              ),
          },
        )
        .max(6, { error: 'related has too many entries: link at most 6 articles.' })
        .default([])
        .superRefine((slugs, context) => {
          const known = knownSlugs();
          slugs.forEach((slug, index) => {
            if (!known.includes(slug)) {
              context.addIssue({
                code: 'custom',
                path: [index],
                message: `related article "${slug}" does not exist: ${withDidYouMean('use the file name (without .mdx) of an article in content/articles/.', slug, known)}`,
              });
            }
          });
        })
        .describe(
          'Slugs (file names without .mdx) of up to 6 articles listed under "Related Articles". Each must exist.',
        ),
      updated: z
        .date({
          error: (issue) =>
            problem(
              'updated',
              issue.input,
              'is not a date',
              'write it as YYYY-MM-DD without quotes, for example 2026-11-20.',
            ),
        })
        .describe('When the article was last checked against the client area, as YYYY-MM-DD. Shown as "Last updated".'),
      draft: z
        .boolean({
          error: (issue) =>
            problem(
              'draft',
              issue.input,
              'is not true or false',
              'write draft: true while you work on the article, draft: false to publish it.',
            ),
        })
        .default(false)
        .describe(
          'true hides the article from the built site (the preview still shows it). New articles start as drafts.',
        ),
    },
    {
      // One issue lists every unknown key; Astro shows it as one message, so give one line per key.
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? issue.keys.map(unknownFieldMessage).join('\n') : undefined,
    },
  );
}

export type ArticleData = z.output<ReturnType<typeof makeArticleSchema>>;
