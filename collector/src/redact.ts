/**
 * Replaces what looks like a secret in a reader's comment with a marker, before the comment is
 * stored. Readers are asked not to type codes or passwords, and some will anyway: a 2FA code, a
 * backup code, the setup key, an e-mail address or a card number never reaches the disk.
 *
 * The patterns err on the side of removing: any run of 13-19 digits is taken for a card number
 * (with or without a valid Luhn check digit), any 6 digits standing alone for a code. Passwords
 * cannot be recognised by their shape; the form's note is the only protection there.
 */

export const MARKERS = {
  email: '[email removed]',
  card: '[card number removed]',
  backupCode: '[backup code removed]',
  key: '[key removed]',
  code: '[code removed]',
} as const;

// Digits not glued (directly or through one space or dash) to more digits on either side.
const ALONE_BEFORE = String.raw`(?<!\d[ \-]?)`;
const ALONE_AFTER = String.raw`(?![ \-]?\d)`;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 13-19 digits, with single spaces or dashes anywhere between them.
const CARD = new RegExp(`${ALONE_BEFORE}\\d(?:[ \\-]?\\d){12,18}${ALONE_AFTER}`, 'g');
// 16 hex characters, alone or as four groups of four (the simulator shows "a1b2 c3d4 e5f6 a7b8").
const BACKUP_CODE = /(?<![\p{L}\p{N}])[0-9a-f]{4}(?:[ -]?[0-9a-f]{4}){3}(?![\p{L}\p{N}])/giu;
// A Base32 key: 16 or more of A-Z and 2-7, grouped in fours or not, in capitals as the client
// area shows it; in lower case only with a digit in it, so that long ordinary words stay.
const base32 = (letters: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${letters}{4}(?:[ -]?${letters}{4}){3,}(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])${letters}{16,}(?![\\p{L}\\p{N}])`,
    'gu',
  );
const BASE32_UPPER = base32('[A-Z2-7]');
const BASE32_LOWER = base32('[a-z2-7]');
// Six digits alone, or as 3 + 3 with a space or dash ("123 456").
const CODE = new RegExp(`${ALONE_BEFORE}\\d{3}[ \\-]?\\d{3}${ALONE_AFTER}`, 'g');

export function redact(text: string): string {
  // Full-width and other compatibility digits and letters read as ASCII ones first (NFKC).
  return text
    .normalize('NFKC')
    .replace(EMAIL, MARKERS.email)
    .replace(CARD, MARKERS.card)
    .replace(BACKUP_CODE, MARKERS.backupCode)
    .replace(BASE32_UPPER, MARKERS.key)
    .replace(BASE32_LOWER, (match) => (/[2-7]/.test(match) ? MARKERS.key : match))
    .replace(CODE, MARKERS.code);
}
