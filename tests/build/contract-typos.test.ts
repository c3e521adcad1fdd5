/**
 * The screens' data-* vocabulary is typed (src/simulator/ui/contract.ts): a misspelt event,
 * target or condition in a screen fails `astro check` with the file and the word, instead of
 * building a button that silently does nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempSite, type TempSite } from '../support/temp-site';

const CLIENT_AREA = 'src/components/simulator/ClientArea.astro';
const PHONE = 'src/components/simulator/Phone.astro';

describe('astro check over screens with misspelt contract names', () => {
  let site: TempSite;
  let result: { status: number | null; output: string };

  beforeAll(() => {
    site = makeTempSite();
    site.edit(CLIENT_AREA, (text) =>
      text
        .replace("{...send('twofa.enable')}", "{...send('twofa.enabel')}")
        .replace("{...target('enable-open')}", "{...target('enable-opn')}")
        .replace("{...form('login')}", "{...form('logn')}"),
    );
    site.edit(PHONE, (text) => text.replace("{...when('installed')}", "{...when('instaled')}"));
    result = site.run(process.execPath, [
      'node_modules/astro/bin/astro.mjs',
      'check',
      '--config',
      'astro.temp.config.mjs',
    ]);
  }, 240_000);
  afterAll(() => site?.remove());

  it('fails', () => {
    expect(result.status).not.toBe(0);
  });

  it.each([
    [CLIENT_AREA, 'twofa.enabel'],
    [CLIENT_AREA, 'enable-opn'],
    [CLIENT_AREA, 'logn'],
    [PHONE, 'instaled'],
  ])('names %s and the misspelt "%s"', (file, word) => {
    const report = result.output.split('\n').filter((line) => line.includes(word));
    expect(report.join('\n')).toContain(`"${word}"`);
    expect(result.output).toContain(file);
  });
});
