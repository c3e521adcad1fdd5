// @ts-check
/**
 * Synthetic articles for `npm run bench` (scripts/bench.mjs): N valid MDX files that look like
 * real ones to the build. Each has headings, a <Steps> procedure, a Markdown list, a note, links
 * to other articles and related articles; one in ten embeds a <Simulator>. They pass the schema
 * (src/content/article-schema.ts) and the content checks (src/content/checks.ts): a category
 * from src/data/categories.json, unique titles, tags from a small shared pool, and related slugs
 * and links that point only at other synthetic articles (tests/unit/synthetic-articles.test.ts).
 */
import categories from '../../src/data/categories.json' with { type: 'json' };

/**
 * The simulator's named steps, copied from src/simulator/machine/steps.ts (STEPS) because this
 * plain Node script cannot import the engine's TypeScript; tests/unit/synthetic-articles.test.ts
 * fails if the two lists drift apart.
 */
export const SIMULATOR_STARTS = [
  'login',
  'security-question',
  'security-settings',
  'enable',
  'backup-code',
  'login-2fa',
  'backup-login',
  'disable',
];

const TAGS = [
  'Client area',
  'Billing',
  'Domains',
  'Hosting',
  'Email',
  'Security',
  'Passwords',
  'Invoices',
  'DNS',
  'SSL',
  'Backups',
  'Support',
];
const TASKS = ['check', 'change', 'renew', 'update', 'download', 'review', 'set up', 'turn off', 'move', 'find'];
const THINGS = [
  'billing contact',
  'DNS record',
  'mailbox quota',
  'SSL certificate',
  'payment method',
  'backup schedule',
  'support ticket',
  'domain contact',
  'hosting plan',
  'login alert',
];
const LOREM = [
  'The client area keeps every change in the history of your account, so you can see who changed what and when.',
  'Changes take effect at once, but some of them can take up to an hour to show everywhere.',
  'If a button is greyed out, your account may not have the permission it needs; ask the account owner.',
  'You can undo most changes from the same page, as long as you do it within 30 days.',
  'Example Hosting never asks for your password by email or by phone.',
];

/**
 * "bench-0042" for i = 42 (1-based), zero-padded so that files sort in order.
 * @param {number} i
 * @param {number} n how many there are
 */
export const benchSlug = (i, n) => `bench-${String(i).padStart(Math.max(4, String(n).length), '0')}`;

/**
 * The entry at `index`, going round the list.
 * @param {readonly string[]} list
 * @param {number} index
 */
const cycle = (list, index) => list[index % list.length] ?? '';

/**
 * @param {number} count how many articles
 * @returns {{ slug: string, text: string, simulator: boolean }[]}
 */
export function syntheticArticles(count) {
  const articles = [];
  for (let i = 1; i <= count; i++) {
    const slug = benchSlug(i, count);
    const task = cycle(TASKS, i);
    const thing = cycle(THINGS, Math.floor(i / TASKS.length));
    const category = cycle(
      categories.map((c) => c.id),
      i,
    );
    const simulator = i % 10 === 0;
    // Related: up to three neighbours (all exist); none when there is no other article.
    const related = [i - 1, i + 1, i + 7]
      .filter((j) => j >= 1 && j <= count && j !== i)
      .map((j) => benchSlug(j, count));
    const link = related[0];
    const tags = [cycle(TAGS, i), cycle(TAGS, i * 7 + 3)].filter((tag, k, all) => all.indexOf(tag) === k);
    const title = `How to ${task} your ${thing} (guide ${i})`;
    const line = (/** @type {number} */ k) => cycle(LOREM, i + k);
    const start = cycle(SIMULATOR_STARTS, i / 10);
    const text = `---
title: ${JSON.stringify(title)}
description: ${JSON.stringify(`Synthetic benchmark article ${i}: how to ${task} your ${thing} in the Example Hosting client area, step by step.`)}
category: ${category}
tags: [${tags.join(', ')}]
related: [${related.join(', ')}]
updated: 2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}
draft: false
---

import { Steps, Step, Note } from '../../src/components/writer';${simulator ? "\nimport { Simulator } from '../../src/components/writer/simulator';" : ''}

This guide shows how to ${task} your ${thing}. ${line(0)}

## Before you start

You need to be able to log in to the client area.${link ? ` If you have not done this part yet, see [the previous guide](/articles/${link}/).` : ''}

- Your email address and password.
- A few minutes: ${line(1).toLowerCase()}
- The ${thing} you want to ${task}.

## ${task[0]?.toUpperCase()}${task.slice(1)} your ${thing}

<Steps>
  <Step>Log in to the client area.</Step>
  <Step>In the top menu, click **Account**, then **${thing[0]?.toUpperCase()}${thing.slice(1)}**.</Step>
  <Step>Find the ${thing} in the list and click **Manage**.</Step>
  <Step>Make the change and click **Save Changes**.</Step>
</Steps>
${
  simulator
    ? `
## Practise first

Try it on a pretend client area and phone. Nothing you type leaves this page.

<Simulator start="${start}" label="Practise guide ${i}" />
`
    : ''
}
## If something goes wrong

${line(2)} ${line(3)}

<Note>${line(4)}</Note>
`;
    articles.push({ slug, text, simulator });
  }
  return articles;
}
