/**
 * The backup code (a NIST SP 800-63B "look-up secret"): 16 hex characters from the injected
 * RandomSource (a CSPRNG by default), shown as four groups of four, stored only as a salted
 * HMAC-SHA-256, compared ignoring case, spaces and dashes, and usable once.
 */
import { NobleCryptoPlugin } from 'otplib';
import type { RandomSource } from '../env';
import { groupInFours } from './base32';
import { cleanTyped } from './normalise';

const noble = /* @__PURE__ */ new NobleCryptoPlugin();
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

export function generateBackupCode(random: RandomSource): string {
  return toHex(random.bytes(8));
}

/** "a1b2 c3d4 e5f6 a7b8", grouped like the setup key. */
export function formatBackupCode(code: string): string {
  return groupInFours(code);
}

export type BackupProblem = 'empty' | 'looks-like-app-code' | 'not-hex' | 'wrong-length';

export type BackupInput =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly problem: BackupProblem; readonly length: number };

export function normaliseBackupCode(raw: string): BackupInput {
  const code = cleanTyped(raw).toLowerCase();
  const length = [...code].length;
  if (length === 0) return { ok: false, problem: 'empty', length };
  if (/^\d{6}$/.test(code)) return { ok: false, problem: 'looks-like-app-code', length };
  if (!/^[0-9a-f]+$/.test(code)) return { ok: false, problem: 'not-hex', length };
  if (length !== 16) return { ok: false, problem: 'wrong-length', length };
  return { ok: true, code };
}

/** A value kept only as a salted hash (the backup code, the security answer). */
export interface Hashed {
  readonly salt: string;
  readonly hash: string;
}

const digest = (value: string, salt: string) => noble.hmac('sha256', fromHex(salt), new TextEncoder().encode(value));

export function hashValue(value: string, random: RandomSource): Hashed {
  const salt = toHex(random.bytes(16));
  return { salt, hash: toHex(digest(value, salt)) };
}

/** Constant-time comparison of a (normalised) value with a stored hash. */
export function matchesHash(value: string, stored: Hashed): boolean {
  return noble.constantTimeEqual(digest(value, stored.salt), fromHex(stored.hash));
}
