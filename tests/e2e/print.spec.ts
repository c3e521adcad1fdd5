/**
 * An article printed (print media emulated): a clean document. What a reader must not find on
 * paper (header, search, contents, heading links, vote, the simulator's screens and controls)
 * is hidden; the article, its live figures and the simulator's step list are there, and each
 * link to another page is followed by its full address.
 */
import { test, expect } from './fixtures';
import { simulator } from './simulator-helpers';

const ARTICLE = '/articles/enable-two-factor-authentication/';

test('the 2FA article prints as a document: text, figures and step list, no controls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(ARTICLE);
  // The simulator running (its script loaded) before printing, as a reader would have it.
  const sim = await simulator(page);
  await expect(sim.getByRole('button', { name: 'Pause the codes' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Turn on 2FA' })).toBeVisible();
  for (const hidden of [
    page.getByRole('banner'),
    page.getByRole('search'),
    page.getByRole('navigation', { name: 'Main' }),
    page.getByRole('navigation', { name: 'On this page' }),
    page.getByRole('link', { name: /^Link to section:/ }).first(),
    page.getByRole('button', { name: 'Yes' }),
    page.getByRole('contentinfo'),
    sim.getByRole('button', { name: 'Pause the codes' }),
    sim.getByRole('button', { name: 'Start over' }),
    sim.getByRole('region', { name: 'Phone' }),
    sim.getByRole('button', { name: 'Login', exact: true }),
  ])
    await expect(hidden).toBeHidden();

  // The step list instead of the live simulator, introduced for paper.
  await expect(
    sim.getByText('On the web page, a practice client area and phone take you through these steps:'),
  ).toBeVisible();
  await expect(sim.getByRole('listitem').filter({ hasText: 'Tick I' }).first()).toBeVisible();
  await expect(sim.getByText('needs JavaScript')).toBeHidden();
  // The live figures stay, with their captions.
  const figures = page.getByRole('figure');
  await expect(figures.first()).toBeVisible();
  await expect(figures.first()).toContainText('Click here to Enable');

  // Link addresses after links to other pages; none after a link whose text is its address, or within the page.
  const after = (name: string | RegExp) =>
    page
      .getByRole('article')
      .getByRole('link', { name })
      .first()
      .evaluate((link) => getComputedStyle(link, '::after').content);
  expect(await after('How to set or change your security question')).toBe(
    '" (https://help.example.com/articles/set-a-security-question/)"',
  );
  expect(await after('https://clientarea.example.com/')).toBe('none');
});

test('on paper the article takes the page’s width, with no contents column beside it (screenshot attached)', async ({
  page,
}, testInfo) => {
  await page.goto(ARTICLE);
  await page.emulateMedia({ media: 'print' });
  const shot = await page.screenshot({ fullPage: true });
  await testInfo.attach('print', { body: shot, contentType: 'image/png' });
  // On paper the text uses the whole width: nothing sits beside it.
  const text = (await page.getByRole('article').boundingBox())!;
  expect(text.width).toBeGreaterThan(1000);
});
