/**
 * <site-search>, the part that loads with every page, kept to a few hundred bytes: until the
 * reader focuses the box (or a /search/?q= address asks for results), the form stays an ordinary
 * form that opens /search/. Then it loads search-ui.ts (bundled apart by src/lib/runtime-bundles.ts,
 * address in data-ui), which loads Pagefind. Both come from this site, through URLs in variables.
 *
 * Enter opens the results page (/search/?q=...), as the form does without JavaScript, from every
 * box but the results page's own, which shows the results in place (and keeps ?q= up to date).
 */
import type { SearchUi } from './search-ui';

type SearchUiModule = typeof import('./search-ui');

class SiteSearch extends HTMLElement {
  #ui: Promise<SearchUi> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    const ui = () =>
      (this.#ui ??= import(/* @vite-ignore */ this.dataset['ui']!).then(
        (module: SearchUiModule) => module.upgrade(this),
        (error: unknown) => {
          this.#ui = undefined;
          throw error;
        },
      ));
    this.addEventListener('focusin', () => void ui().catch(() => {}));
    form.addEventListener('submit', (event) => {
      if (!this.hasAttribute('data-from-address')) return; // on to /search/?q=
      event.preventDefault();
      ui().then(
        (search) => search.run(0),
        () => form.submit(), // the script could not load: let /search/ explain
      );
    });
    for (const hint of this.querySelectorAll<HTMLElement>('[data-no-script]')) hint.hidden = true;
    if (this.hasAttribute('data-from-address') && new URLSearchParams(location.search).get('q'))
      void ui().catch(() => {});
  }
}

customElements.define('site-search', SiteSearch);
