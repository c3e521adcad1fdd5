/** A wrong <Simulator> prop in an article stops a real build with a message a writer can act on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempSite, type TempSite } from '../support/temp-site';

describe('a build with <Simulator start="enabel">', () => {
  let site: TempSite;
  let result: { status: number | null; output: string };

  beforeAll(() => {
    site = makeTempSite();
    site.edit('content/articles/enable-two-factor-authentication.mdx', (text) =>
      text.replace('<Simulator mode="guided"', '<Simulator start="enabel" mode="guided"'),
    );
    result = site.build();
  }, 120_000);
  afterAll(() => site?.remove());

  it('fails, naming the value, the allowed values and the page', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      '<Simulator> got start="enabel": start must be one of "login", "security-question"',
    );
    expect(result.output).toContain('enable-two-factor-authentication');
  });
});
