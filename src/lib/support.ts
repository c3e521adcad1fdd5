/**
 * The support routes the site's owner sets in src/data/site.json (`support`): a ticket page, an
 * e-mail address and a phone number, each optional. "Still need help?" lists those set, and is
 * left out when none is. A wrong value stops the build with a message that says what to write.
 */
import { z } from 'astro/zod';
import site from '../data/site.json' with { type: 'json' };

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const supportSchema = z.strictObject(
  {
    ticketUrl: optional(
      z.url({
        protocol: /^https?$/,
        error:
          'support.ticketUrl must be the full address of the page where customers open a ticket, starting with https://.',
      }),
    ),
    email: optional(z.email({ error: 'support.email must be an e-mail address, for example support@example.com.' })),
    phone: optional(
      z
        .string({ error: 'support.phone must be text, for example "+1 555 010 0199".' })
        .regex(/^\+?[0-9][0-9 ().-]{4,30}$/, {
          error:
            'support.phone must be a phone number of digits, spaces, dashes and brackets, for example "+1 555 010 0199".',
        }),
    ),
    hours: optional(z.string().max(120, { error: 'support.hours is too long: keep it under 120 characters.' })),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field in support (src/data/site.json): ${issue.keys.join(', ')}. The fields are ticketUrl, email, phone and hours.`
        : undefined,
  },
);

export interface SupportRoutes {
  ticketUrl?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  /** `tel:` address of the phone number: digits and a leading +. */
  phoneHref?: string | undefined;
  hours?: string | undefined;
}

export function parseSupport(value: unknown): SupportRoutes | null {
  const result = supportSchema.safeParse(value ?? {});
  if (!result.success)
    throw new Error(`src/data/site.json: ${result.error.issues.map((issue) => issue.message).join(' ')}`);
  const routes = result.data;
  if (!routes.ticketUrl && !routes.email && !routes.phone) return null;
  return { ...routes, phoneHref: routes.phone ? `tel:${routes.phone.replace(/[^0-9+]/g, '')}` : undefined };
}

let configured: { routes: SupportRoutes | null } | undefined;

/**
 * The configured routes, or null when the owner set none (the block is then left out). Checked
 * once per build, not once per page that shows them.
 */
export function supportRoutes(): SupportRoutes | null {
  configured ??= { routes: parseSupport((site as { support?: unknown }).support) };
  return configured.routes;
}
