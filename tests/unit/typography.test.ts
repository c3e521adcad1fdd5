/**
 * Typographic quotes and apostrophes (’ “ ”) in every string a reader sees that is written
 * outside the articles' prose (Astro's smart punctuation handles that at build time, and the
 * browser test in tests/e2e/typography.spec.ts checks the built pages): the UI strings, the site
 * data, the training drills, and the articles' frontmatter and component texts (captions,
 * labels, alt text). The one exception is the client area's own labels, quoted verbatim as
 * the product shows them ("I'm not a robot"; src/simulator/client-area/messages.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRILLS } from '../../src/training/drills/index';
import { articlesOnDisk } from '../support/articles-on-disk';
import { straightQuotes, VERBATIM } from '../support/typography';

/** Every string in a value, with where it is: "choices.0.options.1.text". */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}.${index}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => strings(item, path ? `${path}.${key}` : key));
  return [];
}

const offending = (entries: [string, string][]) =>
  entries.filter(([, text]) => straightQuotes(text).length > 0).map(([where, text]) => `${where}: ${text}`);

describe('typographic quotes', () => {
  it('knows the client area’s verbatim labels with a straight quote', () => {
    expect(VERBATIM).toContain("I'm not a robot");
    expect(straightQuotes("Tick I'm not a robot and click Login.")).toEqual([]);
    expect(straightQuotes("It's here")).toEqual(["'"]);
  });

  it('in the UI strings (src/i18n/en.json)', () => {
    expect(offending(strings(JSON.parse(readFileSync('src/i18n/en.json', 'utf8'))))).toEqual([]);
  });

  it('in the site data (src/data/*.json)', () => {
    const files = readdirSync('src/data').filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(offending(strings(JSON.parse(readFileSync(`src/data/${file}`, 'utf8')), file))).toEqual([]);
  });

  it('in the training drills', () => {
    expect(offending(DRILLS.flatMap((drill) => strings(drill, drill.id)))).toEqual([]);
  });

  it('in the articles’ frontmatter and component texts', () => {
    const found = articlesOnDisk().flatMap(({ file, frontmatter, body }) => [
      ...offending(strings(frontmatter, file)),
      ...offending(
        [...body.matchAll(/\b(caption|label|alt|title)="([^"]*)"/g)].map(
          (match) => [`${file} ${match[1]}`, match[2]!] as [string, string],
        ),
      ),
    ]);
    expect(found).toEqual([]);
  });
});
