/**
 * The text of every built page as a reader gets it with JavaScript off: typographic quotes and
 * apostrophes (’ “ ”) everywhere, except in code and in the client area's own screens and labels
 * (quoted as the product shows them); and no words about numbered markers that are not there.
 */
import { test, expect } from './fixtures';
import { builtPages } from '../support/built-pages';
import { straightQuotes } from '../support/typography';

test.use({ javaScriptEnabled: false });

test('every page uses typographic quotes in the text and labels a reader gets', async ({ page }) => {
  test.setTimeout(180_000); // every built page, one after the other
  const found: string[] = [];
  for (const url of builtPages()) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const texts = await page.evaluate(() => {
      // Code is verbatim; the client area's screens (simulator, live figures) use the product's own words.
      const skip = 'code, pre, kbd, script, style, twofa-simulator, .live-figure-frame, [hidden]';
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (!node.parentElement?.closest(skip) && /\S/.test(node.textContent ?? '')) out.push(node.textContent!.trim());
      for (const element of document.body.querySelectorAll('[aria-label], [alt], [title], [placeholder]'))
        if (!element.closest(skip))
          for (const name of ['aria-label', 'alt', 'title', 'placeholder'])
            if (element.hasAttribute(name)) out.push(element.getAttribute(name)!);
      return out;
    });
    for (const text of texts) {
      if (straightQuotes(text).length > 0) found.push(`${url}: ${text}`);
    }
  }
  expect(found).toEqual([]);
});

test('no article talks about markers that are not on the page', async ({ page }) => {
  test.setTimeout(90_000);
  for (const url of builtPages().filter((address) => address.startsWith('/articles/'))) {
    await page.goto(url);
    const article = page.getByRole('article');
    // Words about "the marker(s)" need a visible marker in the same section to refer to.
    const dangling = await article.locator('.prose').evaluate((prose) => {
      const sections: Element[][] = [[]];
      for (const child of prose.children)
        if (child.matches('.heading-anchored, h2')) sections.push([child]);
        else sections.at(-1)!.push(child);
      const visible = (element: Element) => (element as HTMLElement).offsetParent !== null;
      return sections.flatMap((section) => {
        const mentions = section.filter(
          (element) => !element.matches('figure, twofa-simulator') && /\bmarkers?\b/i.test(element.textContent ?? ''),
        );
        const markers = section.flatMap((element) => [...element.querySelectorAll('.sim-marker')]).filter(visible);
        return markers.length === 0 ? mentions.map((element) => element.textContent ?? '') : [];
      });
    });
    expect(dangling, `${url}: text about markers with none in its section`).toEqual([]);
    // Each live figure shows the numbers its caption names.
    for (const figure of await article.getByRole('figure').all()) {
      const caption = await figure.locator('figcaption').innerText();
      const numbers = [...caption.matchAll(/\b(\d+), /g)].map((match) => match[1]!);
      expect(numbers.length, `${url}: “${caption}” names its markers`).toBeGreaterThan(0);
      for (const n of numbers) await expect(figure.getByText(n, { exact: true }), `${url}: marker ${n}`).toBeVisible();
    }
  }
});
