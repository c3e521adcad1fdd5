/** What the collector removes from a reader's comment before it is stored (collector/src/redact.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKERS, redact } from '../../collector/src/redact';

describe('redaction of comments', () => {
  it.each([
    ['a 6-digit code', 'my code 492039 is refused', `my code ${MARKERS.code} is refused`],
    ['a code typed as 3 + 3', 'tried 492 039 and 492-039', `tried ${MARKERS.code} and ${MARKERS.code}`],
    ['a code in full-width digits', 'code ４９２０３９', `code ${MARKERS.code}`],
    ['a backup code in groups', 'backup a1b2 c3d4 e5f6 a7b8 failed', `backup ${MARKERS.backupCode} failed`],
    ['a backup code with dashes, upper case', 'A1B2-C3D4-E5F6-A7B8', MARKERS.backupCode],
    ['a backup code in one piece', 'a1b2c3d4e5f6a7b8.', `${MARKERS.backupCode}.`],
    ['a Base32 key in groups', 'key: JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP', `key: ${MARKERS.key}`],
    ['a Base32 key in one piece', 'JBSWY3DPEHPK3PXPJBSWY3DP', MARKERS.key],
    ['a key after four-letter words', 'this that JBSW Y3DP EHPK 3PXP ok', `this that ${MARKERS.key} ok`],
    ['a key before a short word', 'AAAAAAAAAAAAAAAO ok', `${MARKERS.key} ok`],
    ['a lower-case Base32 key with digits', 'jbswy3dpehpk3pxp', MARKERS.key],
    ['an e-mail address', 'write to jo.smith+help@mail.example.co.uk please', `write to ${MARKERS.email} please`],
    ['a card number with spaces', 'card 4111 1111 1111 1111 was charged', `card ${MARKERS.card} was charged`],
    ['a card number with dashes, Luhn-invalid', '1234-5678-9012-3456', MARKERS.card],
    ['a 13-digit card number', '4222222222222', MARKERS.card],
    ['several at once', 'code 111222, mail a@b.io', `code ${MARKERS.code}, mail ${MARKERS.email}`],
  ])('replaces %s', (_, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['ordinary words', 'The steps do not match what I see on Security Settings'],
    ['a long word', 'misunderstandings and internationalization'],
    ['short numbers', 'step 3 of 7 took 45 seconds in 2026'],
    ['a phone number is not a code', 'call +1 555 010 0199'],
    ['a 5-digit and a 7-digit number', '12345 and 1234567'],
    ['sentences of four-letter words', 'this page says that your code will work'],
  ])('leaves %s alone', (_, input) => {
    expect(redact(input)).toBe(input);
  });

  const digits = (length: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
  const words = fc
    .array(fc.constantFrom('my', 'code', 'is', 'refused', 'again', 'today', 'why'), { maxLength: 4 })
    .map((list) => list.join(' '));

  it('no 6-digit code survives, wherever it stands in a sentence', () => {
    fc.assert(
      fc.property(words, digits(6), words, (before, code, after) => {
        const text = `${before} ${code} ${after}`;
        expect(redact(text)).not.toContain(code);
      }),
    );
  });

  it('no backup code survives, however it is grouped', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(hex, fc.constantFrom('', ' ', '-'), (code, separator) => {
        const typed = code.match(/.{4}/g)!.join(separator);
        const result = redact(`backup ${typed} no`);
        expect(result).not.toContain(typed);
        expect(result.replace(/\[[a-z ]+removed\]/g, '')).not.toMatch(/[0-9a-f]{4}/i);
      }),
    );
  });

  it('no Base32 key of 16 to 32 characters survives, in groups or not', () => {
    const base32 = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
      minLength: 16,
      maxLength: 32,
    });
    fc.assert(
      fc.property(base32, fc.boolean(), (key, grouped) => {
        const typed = grouped ? key.match(/.{1,4}/g)!.join(' ') : key;
        // All-hex keys (A-F, 2-7) are also backup codes by shape: either marker will do.
        const result = redact(`the key ${typed} ok`);
        expect(result).not.toContain(typed);
        expect(result).toMatch(/^the key \[(key|backup code) removed\]/);
      }),
    );
  });

  it('no card number of 13 to 19 digits survives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 19 }), fc.constantFrom('', ' ', '-'), (length, separator) => {
        const number = '4'.padEnd(length, '1');
        const typed = number.match(/.{1,4}/g)!.join(separator);
        expect(redact(`card ${typed}`)).toBe(`card ${MARKERS.card}`);
      }),
    );
  });
});
