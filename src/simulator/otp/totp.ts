/**
 * The engine's one-time passwords, over otplib 13's synchronous functional API.
 *
 * HOTP (RFC 4226 §5.3): HMAC the 8-byte counter with the secret, dynamic truncation, modulo
 * 10^digits. TOTP (RFC 6238 §4) is HOTP with the counter T = floor((unix time - T0) / X),
 * X = 30 s. The client area and the phone both use these functions, so a phone whose clock is
 * wrong computes the counter of another window, exactly as a real one would.
 */
import { createGuardrails, generateSync, NobleCryptoPlugin } from 'otplib';
import { toOtpEpochSeconds } from '../env';

/** RFC 6238 time step X: every code in the engine, the phone and the page changes on it. */
export const PERIOD_SECONDS = 30;
export const PERIOD_MS = PERIOD_SECONDS * 1000;
export const CODE_DIGITS = 6;
/** How many windows either side a refused code is looked up in, to explain the refusal. */
const EXPLAIN_WINDOWS = 20;

export type Algorithm = 'sha1' | 'sha256' | 'sha512';
/** A Base32 key as shown to customers, or raw key bytes (the RFC vectors use ASCII seeds). */
export type Secret = string | Uint8Array;

export interface OtpOptions {
  readonly algorithm?: Algorithm;
  readonly digits?: number;
}

/**
 * otplib refuses keys under 16 bytes; Google Authenticator takes 80-bit (16-character) keys and
 * the reference client area issues them, so the engine accepts 10 bytes and up. New secrets are
 * still 160 bits (RFC 4226 §4 recommends 160).
 */
const guardrails = /* @__PURE__ */ createGuardrails({ MIN_SECRET_BYTES: 10 });
const noble = /* @__PURE__ */ new NobleCryptoPlugin();

const baseOptions = (secret: Secret, options: OtpOptions) => ({
  secret,
  guardrails,
  algorithm: options.algorithm ?? 'sha1',
  digits: options.digits ?? CODE_DIGITS,
});

/** The TOTP time step (RFC 6238 §4.2 "T") at a moment in milliseconds. */
export function timeStepAt(ms: number): number {
  return Math.floor(toOtpEpochSeconds(ms) / PERIOD_SECONDS);
}

/** Seconds until the code shown at `ms` changes (30..1), derived from absolute time. */
export function secondsLeftAt(ms: number): number {
  return PERIOD_SECONDS - (toOtpEpochSeconds(ms) % PERIOD_SECONDS);
}

/** HOTP value for a counter (RFC 4226 §5.3). */
export function hotp(secret: Secret, counter: number, options: OtpOptions = {}): string {
  return generateSync({ ...baseOptions(secret, options), strategy: 'hotp', counter });
}

/** TOTP code at a moment in milliseconds (RFC 6238 §4). */
export function generateCode(secret: Secret, ms: number, options: OtpOptions = {}): string {
  return generateSync({ ...baseOptions(secret, options), epoch: toOtpEpochSeconds(ms) });
}

/** The intermediate values of RFC 4226 §5.3/§5.4, for the "under the hood" view and the vectors. */
export interface HotpSteps {
  readonly hmacHex: string;
  readonly offset: number;
  readonly binCode: number;
  readonly code: string;
}

export function hotpSteps(key: Uint8Array, counter: number, digits = CODE_DIGITS): HotpSteps {
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const mac = noble.hmac('sha1', key, message);
  const offset = (mac[mac.length - 1] ?? 0) & 0xf;
  const binCode = new DataView(mac.buffer, mac.byteOffset).getUint32(offset) & 0x7fffffff;
  return {
    hmacHex: Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join(''),
    offset,
    binCode,
    code: String(binCode % 10 ** digits).padStart(digits, '0'),
  };
}

export type VerifyResult =
  | { readonly valid: true; readonly delta: number; readonly timeStep: number }
  /** The code belongs to an accepted window, but a code of that window or a later one was already used (RFC 6238 §5.2). */
  | { readonly valid: false; readonly reason: 'reused'; readonly delta: number; readonly timeStep: number }
  /** A genuine code from a window outside the accepted range: behind (expired) or ahead (early). */
  | { readonly valid: false; readonly reason: 'expired' | 'early'; readonly delta: number; readonly timeStep: number }
  | { readonly valid: false; readonly reason: 'wrong' | 'malformed' };

export interface VerifyOptions {
  /** Windows accepted either side of the current one (RFC 6238 §5.2 allows one step of delay). */
  readonly window?: number;
  /** Replay protection (RFC 6238 §5.2): codes of this time step and earlier are refused. */
  readonly lastUsedStep?: number | null;
}

/**
 * Checks a 6-digit code against the key at `ms` (RFC 6238 §5.2): the windows current-w..current+w
 * are compared in constant time, nearest first; a refused code is then looked up ±20 windows so
 * the refusal can say why. Never throws: a key or code otplib would reject is `malformed`.
 */
export function verifyCode(secret: Secret, code: string, ms: number, options: VerifyOptions = {}): VerifyResult {
  if (!/^\d{6}$/.test(code)) return { valid: false, reason: 'malformed' };
  const window = Math.max(0, Math.floor(options.window ?? 1));
  const lastUsed = options.lastUsedStep ?? -1;
  const current = timeStepAt(ms);
  try {
    for (let distance = 0; distance <= EXPLAIN_WINDOWS; distance++) {
      for (const delta of distance === 0 ? [0] : [-distance, distance]) {
        const timeStep = current + delta;
        if (timeStep < 0) continue;
        const expected = generateCode(secret, timeStep * PERIOD_SECONDS * 1000);
        if (!noble.constantTimeEqual(expected, code)) continue;
        if (distance > window) return { valid: false, reason: delta < 0 ? 'expired' : 'early', delta, timeStep };
        if (timeStep <= lastUsed) return { valid: false, reason: 'reused', delta, timeStep };
        return { valid: true, delta, timeStep };
      }
    }
    return { valid: false, reason: 'wrong' };
  } catch {
    return { valid: false, reason: 'malformed' };
  }
}
