/**
 * What people paste into a code field: spaces, dashes, a newline, a tab, a no-break or zero-width
 * space, full-width (１２３) or Arabic-Indic (١٢٣) digits. All become plain ASCII before any
 * check, and a code that still cannot be one is classified instead of reaching otplib (which throws).
 */

/** Whitespace (incl. NBSP), zero-width characters, the BOM and every kind of dash or minus. */
const SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF\u00AD\-\u2010-\u2015\u2212\u30FC\uFF0D]/gu;

/** First code point of each run of ten decimal digits that NFKC does not already fold to ASCII. */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0,
  0x0f20, 0x1040, 0x17e0, 0x1810,
];

export function stripSeparators(text: string): string {
  return text.replace(SEPARATORS, '');
}

/** Folds full-width and other-script digits to ASCII and drops separators. */
export function cleanTyped(raw: string): string {
  const folded = String(raw ?? '')
    .normalize('NFKC')
    .replace(/\p{Nd}/gu, (digit) => {
      const point = digit.codePointAt(0) ?? 0;
      const zero = DIGIT_ZEROS.find((start) => point >= start && point < start + 10);
      return zero === undefined ? digit : String(point - zero);
    });
  return stripSeparators(folded);
}

export type CodeProblem = 'empty' | 'too-short' | 'too-long' | 'letters' | 'looks-like-backup-code';

export type CodeInput =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly problem: CodeProblem; readonly length: number };

/** Normalises what was typed in the 6-digit field and says what is wrong with it, if anything. */
export function normaliseCode(raw: string): CodeInput {
  const code = cleanTyped(raw);
  const length = [...code].length;
  if (length === 0) return { ok: false, problem: 'empty', length };
  if (/^[0-9a-f]{16}$/i.test(code)) return { ok: false, problem: 'looks-like-backup-code', length };
  if (!/^\d+$/.test(code)) return { ok: false, problem: 'letters', length };
  if (length < 6) return { ok: false, problem: 'too-short', length };
  if (length > 6) return { ok: false, problem: 'too-long', length };
  return { ok: true, code };
}
