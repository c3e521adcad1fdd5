/**
 * "On this page": which articles get contents, and what they list. The rule, documented for
 * writers in CONTRIBUTING.md: an article with at least `MIN_SECTIONS` sections (`##` headings)
 * gets contents listing its `##` and, under each, its `###` headings. Shorter articles are read
 * at a glance and get none.
 */
export const MIN_SECTIONS = 3;

/** A heading as Astro's `render()` gives it (`headings`). */
export interface Heading {
  readonly depth: number;
  readonly slug: string;
  readonly text: string;
}

export interface TocEntry {
  readonly slug: string;
  readonly text: string;
  readonly children: readonly { readonly slug: string; readonly text: string }[];
}

/** The contents of an article, or null when it has fewer than `MIN_SECTIONS` sections. */
export function tableOfContents(headings: readonly Heading[]): TocEntry[] | null {
  const entries: { slug: string; text: string; children: { slug: string; text: string }[] }[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth === 2) entries.push({ slug, text, children: [] });
    // An ### before the first ## has no section to sit under: it is left out.
    else if (depth === 3) entries.at(-1)?.children.push({ slug, text });
  }
  return entries.length >= MIN_SECTIONS ? entries : null;
}
