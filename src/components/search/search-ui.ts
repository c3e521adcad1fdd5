/**
 * The live part of <site-search>, loaded on first focus: runs queries against Pagefind's index
 * and shows the results under the box.
 *
 * Pagefind's script is fetched from this site through a URL in a variable, so the bundler leaves
 * it alone. Keyboard: Down arrow from the box goes to the results, Up/Down move between them,
 * Enter opens one (it is a link), Escape closes the results and returns to the box. The number
 * of results is announced through the box's status region.
 */
interface Fragment {
  url: string;
  meta: { title?: string };
  excerpt: string;
}
interface Pagefind {
  options(options: { excerptLength?: number; ranking?: { metaWeights?: Record<string, number> } }): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    delayMs?: number,
  ): Promise<{ results: { data(): Promise<Fragment> }[] } | null>;
}

export interface SearchUi {
  /** Searches for what is in the box, after `delayMs` without typing. */
  run(delayMs: number): Promise<void>;
}

/** The header's list floats over the page: a few results, then Enter opens the results page with all of them. */
const MAX_FLOATING_RESULTS = 8;

/**
 * Pagefind searches metadata too. A match in the title counts 5 times a match in the text (its
 * default); the writer's `keywords` (synonyms such as "MFA" for 2FA, in a <meta> of the article)
 * count as much, so an article is found first by the words its writer chose for it.
 */
const META_WEIGHTS = { title: 5, keywords: 5 };

/** Pagefind's excerpt is escaped text with <mark> around matches: rebuild it from text nodes and marks only. */
export function excerptNodes(html: string): Node[] {
  return [...new DOMParser().parseFromString(html, 'text/html').body.childNodes].map((node) => {
    const text = node.textContent ?? '';
    if (node.nodeName !== 'MARK') return document.createTextNode(text);
    const mark = document.createElement('mark');
    mark.textContent = text;
    return mark;
  });
}

export function upgrade(box: HTMLElement): SearchUi {
  const data = box.dataset;
  const input = box.querySelector('input')!;
  const status = box.querySelector('[role=status]')!;
  const list = box.querySelector('ul')!;
  const floating = box.hasAttribute('data-floating');
  const fromAddress = box.hasAttribute('data-from-address');
  const links = () => [...list.querySelectorAll('a')];
  const say = (template = '', count = 0) => {
    status.textContent = template.replace('{count}', String(count)).replace('{query}', input.value.trim());
  };
  const close = () => {
    list.hidden = true;
    if (floating) say(); // leave nothing floating over the page
  };

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ data['index']!).then(async (module: Pagefind) => {
      await module.options({ excerptLength: 20, ranking: { metaWeights: META_WEIGHTS } });
      return module;
    }));

  const run = async (delayMs: number) => {
    const query = input.value.trim();
    // The results page keeps its query in the address, so that it can be reloaded, shared or bookmarked.
    if (fromAddress) {
      const address = new URL(location.href);
      if (query) address.searchParams.set('q', query);
      else address.searchParams.delete('q');
      if (address.href !== location.href) history.replaceState(history.state, '', address);
    }
    if (!query) {
      list.replaceChildren();
      close();
      say();
      return;
    }
    try {
      const found = await (await load()).debouncedSearch(query, {}, delayMs);
      if (!found) return; // a newer query replaced this one
      const items = await Promise.all(
        found.results.slice(0, floating ? MAX_FLOATING_RESULTS : undefined).map((result) => result.data()),
      );
      if (query !== input.value.trim()) return;
      list.replaceChildren(
        ...items.map((item) => {
          const li = document.createElement('li');
          const link = document.createElement('a');
          const excerpt = document.createElement('p');
          link.href = item.url;
          link.textContent = item.meta.title ?? item.url;
          excerpt.append(...excerptNodes(item.excerpt));
          li.append(link, excerpt);
          return li;
        }),
      );
      list.hidden = items.length === 0;
      const count = found.results.length;
      say(count === 0 ? data['none'] : count === 1 ? data['one'] : data['other'], count);
    } catch {
      pagefind = undefined; // try again with the next query
      say(data['unavailable']);
    }
  };

  input.addEventListener('input', () => void run(250));
  input.addEventListener('focus', () => {
    if (links().length > 0) list.hidden = false;
  });
  box.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const move = (index: number) => (index < 0 ? input : all[Math.min(index, all.length - 1)])?.focus();
    if (event.key === 'Escape') {
      if (list.hidden && event.target === input) return; // let the browser clear the box
      input.focus(); // before close(): focusing the box shows the results again
      close();
    } else if (event.key === 'ArrowDown' && all.length > 0) {
      list.hidden = false;
      move(at + 1);
    } else if (event.key === 'ArrowUp' && at >= 0) {
      move(at - 1);
    } else {
      return;
    }
    event.preventDefault();
  });
  if (floating) {
    // The header's results float over the page: hide them when the reader moves on. A click on a
    // result may not focus it (Safari), so a focus loss to nowhere is left to the click handler.
    const outside = (target: EventTarget | null) => target instanceof Node && !box.contains(target);
    box.addEventListener('focusout', (event) => outside(event.relatedTarget) && close());
    document.addEventListener('click', (event) => outside(event.target) && close());
  }

  const asked = new URLSearchParams(location.search).get('q');
  if (fromAddress && asked && !input.value) input.value = asked;
  if (input.value.trim()) void run(0);
  else void load().catch(() => (pagefind = undefined)); // warm up while the reader types
  return { run };
}
