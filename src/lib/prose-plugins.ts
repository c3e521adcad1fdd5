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
 * Astro gives headings their ids after every plugin of the site's own has run; its own id plugin
 * (`satteriHeadingIdsPlugin`) runs first here, so the anchors can point at those same ids (Astro's
 * pass then keeps them, and lists the same headings for the contents).
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { defineHastPlugin } from 'satteri';
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

export const headingAnchors = defineHastPlugin({
  name: 'heading-anchors',
  element: {
    filter: ['h2', 'h3'],
    visit(node, ctx) {
      const id = node.properties['id'];
      if (typeof id !== 'string' || id === '') return;
      ctx.wrapNode(node, { raw: anchorMarkup(node.tagName === 'h2' ? 2 : 3, id) });
    },
  },
});

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

export const printUrls = defineHastPlugin({
  name: 'print-urls',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const href = node.properties['href'];
      if (typeof href !== 'string' || ctx.textContent(node).trim() === href) return;
      const url = printUrl(href);
      if (url !== undefined) ctx.setProperty(node, 'dataPrintUrl', url);
    },
  },
});

/** In order: ids first, so that the anchors can use them. */
export const prosePlugins = [satteriHeadingIdsPlugin(), headingAnchors, printUrls];
