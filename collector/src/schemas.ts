/**
 * What each endpoint accepts, as zod schemas with messages written for whoever reads the JSON
 * error (usually a developer wiring up a site). Anything not described here is refused.
 */
import { z } from 'zod';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Step, screen, start and refusal names: the simulator's own lower-case names. */
const NAME = /^[a-z0-9]+(?:[-:][a-z0-9]+)*$/;

/** The follow-up reasons a reader can pick after "No" (the page shows them in these words: en.json). */
export const REASONS = ['steps-differ', 'code-rejected', 'lost-phone', 'other'] as const;
export type Reason = (typeof REASONS)[number];

export const COMMENT_MAX = 1000;
const HTML_TAG = /<\/?[a-z!?][^>]*>/i;

const article = z
  .string({ error: 'article must be the slug of a published article, for example "check-invoices".' })
  .max(120, { error: 'article is too long to be an article slug.' })
  .regex(SLUG, { error: 'article must be the slug of a published article, for example "check-invoices".' });

export const feedbackSchema = z
  .strictObject(
    {
      article,
      voter: z
        .string({ error: 'voter must be the random id this device made for the article (16-64 letters and digits).' })
        .regex(/^[A-Za-z0-9_-]{16,64}$/, {
          error: 'voter must be the random id this device made for the article (16-64 letters and digits).',
        }),
      helpful: z.boolean({ error: 'helpful must be true or false.' }),
      reason: z.enum(REASONS, { error: `reason must be one of ${REASONS.join(', ')}.` }).optional(),
      comment: z
        .string({ error: 'comment must be text.' })
        .max(COMMENT_MAX, { error: `comment is too long: keep it to ${COMMENT_MAX.toLocaleString('en')} characters.` })
        .refine((text) => !HTML_TAG.test(text), { error: 'comment must be plain text: HTML tags are not accepted.' })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.join(', ')}: send only article, voter, helpful, reason and comment.`
          : undefined,
    },
  )
  .refine((vote) => !vote.helpful || (vote.reason === undefined && vote.comment === undefined), {
    error: 'reason and comment go only with a "No" answer (helpful: false).',
  });
export type FeedbackInput = z.output<typeof feedbackSchema>;

const seq = z.int({ error: 'seq must be a whole number.' }).min(0).max(999);
const name = (what: string) =>
  z
    .string({ error: `${what} must be a simulator name, for example "enable".` })
    .max(60, { error: `${what} is too long.` })
    .regex(NAME, { error: `${what} must be a simulator name in lower case, for example "enable".` });

export const eventsSchema = z.strictObject({
  article,
  sessions: z
    .array(
      z.strictObject({
        id: z.string({ error: 'id must be the session id the page made.' }).regex(/^[a-f0-9]{16,64}$/, {
          error: 'id must be the session id the page made (16-64 hex characters).',
        }),
        simulator: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'simulator must be the element id of the simulator.' }),
        label: z.string().max(200, { error: 'label is too long.' }).optional(),
        start: name('start'),
        mode: name('mode'),
        completed: z.boolean({ error: 'completed must be true or false.' }),
        steps: z
          .array(
            z.strictObject({
              seq,
              step: name('step'),
              seconds: z.int({ error: 'seconds must be a whole number.' }).min(0).max(3600).nullable(),
            }),
          )
          .max(200, { error: 'too many steps in one session (200 at most).' }),
        refusals: z
          .array(z.strictObject({ seq, step: name('step'), kind: name('kind') }))
          .max(200, { error: 'too many refusals in one session (200 at most).' }),
      }),
      { error: 'sessions must be a list.' },
    )
    .min(1, { error: 'sessions is empty: send at least one.' })
    .max(20, { error: 'too many sessions in one batch (20 at most).' }),
});
export type EventsInput = z.output<typeof eventsSchema>;

/**
 * A CSP violation report, as the two browser formats send it: `report-uri`
 * (application/csp-report: `{ "csp-report": {...} }`) or `report-to` (application/reports+json:
 * a list of `{ type: "csp-violation", body: {...} }`). Only the directive and the blocked
 * address are read; everything else a browser adds is ignored.
 */
const reportText = z.string().max(2048);
export const cspReportSchema = z.union([
  z.object({
    'csp-report': z.object({
      'effective-directive': reportText.optional(),
      'violated-directive': reportText.optional(),
      'blocked-uri': reportText.optional(),
    }),
  }),
  z
    .array(
      z.object({
        type: z.string().max(64),
        body: z.object({
          effectiveDirective: reportText.optional(),
          blockedURL: reportText.optional(),
        }),
      }),
    )
    .min(1)
    .max(50),
]);

/** The first schema message, as `field: message` when it concerns a field. */
export function firstProblem(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request is not valid.' };
  const field = issue.path.filter((part) => typeof part === 'string').join('.');
  return field ? { message: issue.message, field } : { message: issue.message };
}
