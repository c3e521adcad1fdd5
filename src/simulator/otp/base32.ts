/**
 * Setup keys as people type them: Base32 (RFC 4648 §6), alphabet A–Z and 2–7. Spaces, dashes,
 * lower case, full-width letters and '=' padding are forgiven; anything else gets a message that
 * explains the alphabet, including the usual 0→O, 1→I, 8→B mix-ups.
 */
import { ScureBase32Plugin } from 'otplib';
import { stripSeparators } from './normalise';

const ALPHABET = /^[A-Z2-7]*$/;
/** Google Authenticator refuses keys under 16 characters (80 bits). */
export const MIN_KEY_CHARS = 16;
/** 64 bytes, the longest key otplib accepts. */
export const MAX_KEY_CHARS = 103;

const base32 = /* @__PURE__ */ new ScureBase32Plugin();

/** Base32 without padding, as shown in the enable window and put in the otpauth URI. */
export function encodeBase32(bytes: Uint8Array): string {
  return base32.encode(bytes, { padding: false });
}

/** "ABCD EFGH IJKL ..." — the key as the client area shows it, in groups of four. */
export function groupInFours(text: string): string {
  return text.replace(/(.{4})(?=.)/g, '$1 ');
}

export type KeyProblem = 'empty' | 'invalid-character' | 'too-short' | 'too-long' | 'incomplete';

export type KeyCheck =
  | { readonly ok: true; readonly key: string }
  | { readonly ok: false; readonly problem: KeyProblem; readonly message: string };

const ALPHABET_HINT = 'Keys use only the letters A–Z and the digits 2–7 (spaces and lower case are fine).';
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '0': '"0" (zero) is probably the letter O.',
  '1': '"1" (one) is probably the letter I (or L).',
  '8': '"8" is probably the letter B.',
};

/** Validates and normalises a typed setup key (uppercase, no separators, no padding). */
export function checkSetupKey(typed: string): KeyCheck {
  const key = stripSeparators(typed.normalize('NFKC')).toUpperCase().replace(/=+$/, '');
  if (key === '') return { ok: false, problem: 'empty', message: 'Enter the setup key shown in the client area.' };
  const bad = [...key].find((char) => !ALPHABET.test(char));
  if (bad !== undefined) {
    const explained = LOOK_ALIKES[bad] ?? `"${bad}" is not allowed in a key.`;
    return { ok: false, problem: 'invalid-character', message: `${explained} ${ALPHABET_HINT}` };
  }
  const count = `${key.length} character${key.length === 1 ? '' : 's'}`;
  if (key.length < MIN_KEY_CHARS) {
    return {
      ok: false,
      problem: 'too-short',
      message: `Key value is too short: ${count}, at least ${MIN_KEY_CHARS} are needed. Check that you copied all of it.`,
    };
  }
  if (key.length > MAX_KEY_CHARS) {
    return { ok: false, problem: 'too-long', message: `Key value is too long (${count}). Copy only the key.` };
  }
  // RFC 4648 §6: 8 characters carry 5 bytes; a remainder of 1, 3 or 6 characters cannot occur.
  if ([1, 3, 6].includes(key.length % 8)) {
    return {
      ok: false,
      problem: 'incomplete',
      message: `A key of ${count} cannot be complete: a character is missing or extra.`,
    };
  }
  return { ok: true, key };
}
