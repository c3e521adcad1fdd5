/** CONTRIBUTING.md documents what the code accepts: every frontmatter field and every writer component. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeArticleSchema } from '../../src/content/article-schema';

const guide = readFileSync('CONTRIBUTING.md', 'utf8');
const shape = makeArticleSchema(() => []).shape;
const components = ['src/components/writer/index.ts', 'src/components/writer/simulator.ts'].flatMap((barrel) =>
  [...readFileSync(barrel, 'utf8').matchAll(/export \{ default as (\w+) \}/g)].map((match) => match[1]!),
);

describe('CONTRIBUTING.md', () => {
  it.each(Object.entries(shape).map(([field, schema]) => [field, (schema as { description?: string }).description]))(
    'documents the frontmatter field %s with the schema description',
    (field, description) => {
      const row = guide.split('\n').find((line) => new RegExp(`^\\|\\s*\`${field}\`\\s*\\|`).test(line));
      expect(row, `a table row for ${field}`).toBeDefined();
      expect(description).toBeTruthy();
      expect(row).toContain(description);
    },
  );

  it.each(components)('documents the writer component %s with an example', (component) => {
    expect(guide).toMatch(new RegExp(`^#### .*\\b${component}\\b`, 'm'));
    expect(guide).toContain(`<${component}`);
  });
});
