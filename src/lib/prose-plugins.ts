/**
 * What an article's Markdown gets at compile time (Sätteri hast plugins, `markdown.processor` in
 * astro.config.mjs), so that no page renders a component per heading or per link:
 * - `##` and `###` headings get a link to themselves, so a reader can copy the address of a
 *   section. A plain link: it works without JavaScript. Its accessible name is "Link to section:
 *   <heading>", from its hidden label and the heading itself (aria-labelledby), so each one is
 *   unique without copying the heading's text.
 * - links carry their full address in `data-print-url`, which the print stylesheet writes after
 *   them (global.css), so a printed article says where each link goes. Links within the page
 *   (#...) get none: on paper they point nowhere; nor does a link whose text is its address.
 *
 * Both in one pass over the document (each plugin is a pass of its own in Sätteri). A heading
 * needs its id before its anchor can point at it, and Astro gives ids only after every plugin of
 * the site's own has run; so this pass gives them first, with the same slugger (github-slugger,
 * a repeated heading gets `-1`, `-2`), and Astro's own pass keeps an id that is there and lists
 * the same headings, with those ids, for the contents.
 */
import { satteriCollectHastText } from '@astrojs/markdown-satteri';
import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastNode, type HastVisitorContext } from 'satteri';
import site from '../data/site.json' with { type: 'json' };
import { t } from '../i18n';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The wrapper and anchor around a heading with this id (global.css styles them). */
export function anchorMarkup(level: 2 | 3, id: string): string {
  const safe = escapeHtml(id);
  return (
    `<div class="heading-anchored heading-anchored-${level}">` +
    `<a class="heading-anchor" href="#${safe}" aria-labelledby="${safe}--link ${safe}" data-pagefind-ignore="all">` +
    `<span aria-hidden="true">#</span><span id="${safe}--link" hidden>${escapeHtml(t('article.sectionLink'))}</span>` +
    `</a></div>`
  );
}

/** The address a printed link shows, or undefined for a link within the page or one that is not an address. */
export function printUrl(address: string | undefined): string | undefined {
  if (!address || address.startsWith('#')) return undefined;
  if (address.startsWith('mailto:') || address.startsWith('tel:')) return address.replace(/^\w+:/, '');
  try {
    return new URL(address, `${site.siteUrl}/`).href;
  } catch {
    return undefined;
  }
}

/** A heading's text as Astro slugs it: `{frontmatter.x}` expressions read from the frontmatter. */
function headingText(node: HastNode, ctx: HastVisitorContext): string {
  const text = ctx.textContent(node);
  if (!text.includes('frontmatter')) return text;
  const astro = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  return satteriCollectHastText(node, astro?.frontmatter ?? {});
}

/** Ids and section links on headings, print addresses on links: one per document (its slugger counts repeats). */
export const prosePlugin = () => {
  const slugger = new GithubSlugger();
  return defineHastPlugin({
    name: 'prose',
    element: [
      {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          // An id already there is kept, as Astro's own pass keeps it.
          let id = node.properties['id'];
          if (typeof id !== 'string') {
            id = slugger.slug(headingText(node, ctx));
            ctx.setProperty(node, 'id', id);
          }
          if ((node.tagName === 'h2' || node.tagName === 'h3') && id !== '')
            ctx.wrapNode(node, { raw: anchorMarkup(node.tagName === 'h2' ? 2 : 3, id) });
        },
      },
      {
        filter: ['a'],
        visit(node, ctx) {
          const href = node.properties['href'];
          if (typeof href !== 'string' || ctx.textContent(node).trim() === href) return;
          const url = printUrl(href);
          if (url !== undefined) ctx.setProperty(node, 'dataPrintUrl', url);
        },
      },
    ],
  });
};

export const prosePlugins = [prosePlugin];
