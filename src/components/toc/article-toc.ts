/**
 * <article-toc>: marks, in "On this page", the section the reader is in (aria-current="true").
 * The current section is the last one whose heading has passed a line 40% down the window. An
 * IntersectionObserver tells when a heading crosses that line (no scroll listener); then the
 * headings are measured once (the observer's first report, after the first layout). Without JavaScript the contents work the same, unmarked.
 */
const LINE = 0.4;

class ArticleToc extends HTMLElement {
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const sections = links
      .map((link) => ({ link, heading: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
      .filter((section): section is { link: HTMLAnchorElement; heading: HTMLElement } => section.heading !== null);
    if (sections.length === 0) return;
    const mark = () => {
      const line = window.innerHeight * LINE;
      const current = sections.filter(({ heading }) => heading.getBoundingClientRect().top <= line).at(-1);
      for (const { link } of sections) {
        if (link === current?.link) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      }
    };
    this.#observer = new IntersectionObserver(mark, { rootMargin: `0px 0px -${100 - LINE * 100}% 0px` });
    // No first mark() here: measuring while the page is still parsing forces a layout (a 116 ms
    // task at 4x CPU slowdown); the observer reports every heading once right after layout.
    for (const { heading } of sections) this.#observer.observe(heading);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }
}

if (!customElements.get('article-toc')) customElements.define('article-toc', ArticleToc);
