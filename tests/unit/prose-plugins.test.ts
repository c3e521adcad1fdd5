/**
 * What an article's Markdown gets when it compiles (src/lib/prose-plugins.ts): a section link on
 * each ## and ### heading, pointing at the heading's id (the one Astro then lists for the
 * contents), and the full address on each link for print. Compiled here with Sätteri, the engine Astro runs them in.
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { parseHTML } from 'linkedom';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { prosePlugins } from '../../src/lib/prose-plugins';

/** What Astro hands its Markdown plugins (`ctx.data.astro`). */
const astroData = () => ({
  frontmatter: {},
  headings: [] as { depth: number; slug: string; text: string }[],
  localImagePaths: new Set<string>(),
  remoteImagePaths: new Set<string>(),
});

/** The site's plugins, then Astro's own heading-id pass, in the order Astro runs them. */
const pipeline = [...prosePlugins, satteriHeadingIdsPlugin()];

async function compile(markdown: string): Promise<Document> {
  const { html } = await markdownToHtml(markdown, { hastPlugins: pipeline, data: { astro: astroData() } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('heading anchors', () => {
  it('wraps ## and ### headings with a link to their own id, named "Link to section: <heading>"', async () => {
    const page = await compile('## Before you start\n\nText.\n\n### On a phone\n\n#### Deeper\n');
    const wrappers = [...page.querySelectorAll('.heading-anchored')];
    expect(wrappers.map((wrapper) => wrapper.className)).toEqual([
      'heading-anchored heading-anchored-2',
      'heading-anchored heading-anchored-3',
    ]);
    const [heading, anchor] = [...(wrappers[0]?.children ?? [])];
    expect(heading?.outerHTML).toBe('<h2 id="before-you-start">Before you start</h2>');
    expect(anchor?.getAttribute('href')).toBe('#before-you-start');
    expect(anchor?.getAttribute('aria-labelledby')).toBe('before-you-start--link before-you-start');
    expect(page.getElementById('before-you-start--link')?.textContent).toBe('Link to section:');
    expect(page.getElementById('before-you-start--link')?.hidden).toBe(true);
    expect(anchor?.getAttribute('data-pagefind-ignore')).toBe('all');
    // #### and deeper keep their id and get no anchor.
    expect(page.querySelector('h4')?.parentElement?.className ?? '').not.toContain('heading-anchored');
    expect(page.querySelector('h4')?.id).toBe('deeper');
  });

  it('gives two headings of the same text different ids, and each anchor its own', async () => {
    const page = await compile('## Set up\n\n## Set up\n');
    expect([...page.querySelectorAll('.heading-anchor')].map((a) => a.getAttribute('href'))).toEqual([
      '#set-up',
      '#set-up-1',
    ]);
  });

  it('lists the headings for the contents with the ids the anchors use', async () => {
    const data = { astro: astroData() };
    await markdownToHtml('## One\n\n### One a\n', { hastPlugins: pipeline, data });
    expect(data.astro.headings).toEqual([
      { depth: 2, slug: 'one', text: 'One' },
      { depth: 3, slug: 'one-a', text: 'One a' },
    ]);
  });
});

describe('print addresses', () => {
  it('gives a site link its full address, and mailto: and tel: links the bare address', async () => {
    const page = await compile(
      'See [invoices](/articles/check-invoices/), [mail us](mailto:help@example.com) or [call](tel:+441234).',
    );
    expect([...page.querySelectorAll('a')].map((a) => a.dataset['printUrl'])).toEqual([
      'https://help.example.com/articles/check-invoices/',
      'help@example.com',
      '+441234',
    ]);
  });

  it('leaves out links within the page and links whose text is already the address', async () => {
    const page = await compile('[Back up](#top) and [https://example.com/](https://example.com/)');
    expect([...page.querySelectorAll('a')].map((a) => a.hasAttribute('data-print-url'))).toEqual([false, false]);
  });
});
