/** "On this page" (src/lib/toc.ts): which articles get contents, and how headings nest. */
import { describe, expect, it } from 'vitest';
import { MIN_SECTIONS, tableOfContents, type Heading } from '../../src/lib/toc';

const h = (depth: number, text: string): Heading => ({ depth, text, slug: text.toLowerCase().replace(/\W+/g, '-') });

describe('tableOfContents', () => {
  it(`needs at least ${MIN_SECTIONS} sections`, () => {
    expect(tableOfContents([h(2, 'One'), h(2, 'Two')])).toBeNull();
    expect(tableOfContents([h(2, 'One'), h(3, 'One a'), h(3, 'One b'), h(2, 'Two')])).toBeNull();
    expect(tableOfContents([h(2, 'One'), h(2, 'Two'), h(2, 'Three')])?.map((entry) => entry.text)).toEqual([
      'One',
      'Two',
      'Three',
    ]);
  });

  it('lists each ### under its ##, and leaves out other levels and an ### before the first ##', () => {
    const toc = tableOfContents([
      h(1, 'Title'),
      h(3, 'Orphan'),
      h(2, 'One'),
      h(3, 'One a'),
      h(4, 'Deep'),
      h(2, 'Two'),
      h(2, 'Three'),
      h(3, 'Three a'),
    ]);
    expect(toc).toEqual([
      { slug: 'one', text: 'One', children: [{ slug: 'one-a', text: 'One a' }] },
      { slug: 'two', text: 'Two', children: [] },
      { slug: 'three', text: 'Three', children: [{ slug: 'three-a', text: 'Three a' }] },
    ]);
  });
});
