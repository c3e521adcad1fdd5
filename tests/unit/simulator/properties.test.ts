/**
 * Properties checked with fast-check. Runs use a fixed seed, so a failure is reproducible and the
 * (one in a million) chance of a random 6-digit collision cannot make the suite flaky.
 */
import fc from 'fast-check';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../../src/simulator/client-area/data';
import { createClientArea } from '../../../src/simulator/client-area/server';
import { seededRandom } from '../../../src/simulator/env';
import { normaliseCode } from '../../../src/simulator/otp/normalise';
import { checkSetupKey } from '../../../src/simulator/otp/base32';
import { buildOtpauthUri, parseOtpauthUri } from '../../../src/simulator/otp/otpauth';
import { renderQrSvg } from '../../../src/simulator/otp/qr';
import { codeAt } from '../../../src/simulator/phone/phone';
import { fakeClock, T0 } from './support';

const params = { seed: 20261128, numRuns: 200 };
const { email, password } = DEMO_CUSTOMER;
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A client area where 2FA was enabled long before `now`, waiting for the second factor. */
function awaitingSecondFactor(now: number) {
  const clock = fakeClock(now - 3_600_000);
  const area = createClientArea({ clock, random: seededRandom('p'), settings: { requireSecurityQuestion: false } });
  area.login(email, password, true);
  area.beginEnrollment();
  const secret = area.state.pending?.secret ?? '';
  area.confirmEnrollment(codeAt({ secret }, clock.now()).code);
  area.signOut();
  clock.set(now);
  area.login(email, password, true);
  return { area, secret };
}

const serverTime = fc.integer({ min: T0, max: T0 + 86_400_000 });

describe('clock offsets', () => {
  it('a phone code is accepted for any clock offset within one window (|offset| ≤ 30 s)', () => {
    fc.assert(
      fc.property(serverTime, fc.integer({ min: -30_000, max: 30_000 }), (now, offset) => {
        const { area, secret } = awaitingSecondFactor(now);
        const result = area.verifySecondFactor(codeAt({ secret }, now + offset).code);
        expect(result).toMatchObject({ ok: true, kind: 'signed-in' });
      }),
      params,
    );
  });

  it('a phone code is refused, as expired or early with its window, for any offset of two windows or more', () => {
    const offset = fc.oneof(fc.integer({ min: 60_000, max: 600_000 }), fc.integer({ min: -600_000, max: -60_000 }));
    fc.assert(
      fc.property(serverTime, offset, (now, skew) => {
        const { area, secret } = awaitingSecondFactor(now);
        const result = area.verifySecondFactor(codeAt({ secret }, now + skew).code);
        const delta = Math.floor((now + skew) / 30_000) - Math.floor(now / 30_000);
        expect(result).toMatchObject({ ok: false, kind: skew > 0 ? 'early' : 'expired', delta });
        expect(area.state.session).toBe('second-factor');
      }),
      params,
    );
  });
});

describe('backup code', () => {
  const separator = fc.option(fc.constantFrom(' ', '-', '  ', '\t', '\u00A0', '\u200B', ' - '), { nil: '' });
  /** How to type a code: each character's case flipped at will, separators before and after any character. */
  const typing = fc.record({
    upper: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    gaps: fc.array(separator, { minLength: 17, maxLength: 17 }),
  });
  const typed = (code: string, { upper, gaps }: { upper: boolean[]; gaps: string[] }) =>
    [...code].map((char, i) => `${gaps[i]}${upper[i] ? char.toUpperCase() : char}`).join('') + gaps[16];

  it('is accepted once whatever its case and spacing, then refused whatever its case and spacing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), typing, typing, (seed, first, second) => {
        const clock = fakeClock();
        const area = createClientArea({
          clock,
          random: seededRandom(seed),
          settings: { requireSecurityQuestion: false },
        });
        area.login(email, password, true);
        area.beginEnrollment();
        const enabled = area.confirmEnrollment(codeAt({ secret: area.state.pending?.secret ?? '' }, clock.now()).code);
        const code = enabled.ok ? (enabled.backupCode ?? '') : '';
        area.signOut();
        area.login(email, password, true);
        expect(area.loginWithBackupCode(typed(code, first))).toMatchObject({ ok: true, kind: 'backup-login' });
        area.signOut();
        area.login(email, password, true);
        expect(area.loginWithBackupCode(typed(code, second))).toMatchObject({ ok: false, kind: 'wrong' });
      }),
      { ...params, numRuns: 100 },
    );
  });
});

describe('otpauth URI and QR payload', () => {
  const wellFormed = (text: string) => text.toWellFormed() === text;
  const label = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter(wellFormed);
  const issuer = fc.oneof(fc.constant(''), fc.constantFrom('Example Hosting', 'A:B', '100%', '🔐 Host'), label);

  it('any issuer and account label round-trip through the otpauth URI', () => {
    fc.assert(
      fc.property(issuer, label, (iss, accountName) => {
        const uri = buildOtpauthUri({ issuer: iss, accountName, secret: SECRET });
        expect(uri).toMatch(/^otpauth:\/\/totp\/[\x21-\x7e]+$/);
        expect(parseOtpauthUri(uri)).toEqual({ ok: true, key: { issuer: iss, accountName, secret: SECRET } });
      }),
      { ...params, numRuns: 500 },
    );
  });

  it('any account label round-trips through the QR code: decoded with jsQR, the payload parses back', () => {
    fc.assert(
      fc.property(label, (accountName) => {
        const uri = buildOtpauthUri({ issuer: 'Example Hosting', accountName, secret: SECRET });
        const decoded = decodeSvgQr(renderQrSvg(uri));
        expect(decoded).toBe(uri);
        expect(parseOtpauthUri(decoded ?? '')).toMatchObject({ ok: true, key: { accountName } });
      }),
      { ...params, numRuns: 40 },
    );
  });

  it('building a URI from any string (even lone surrogates) never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(() => buildOtpauthUri({ issuer: text, accountName: text, secret: SECRET })).not.toThrow();
      }),
      params,
    );
  });
});

describe('never throws on input', () => {
  it('parsers and the server accept any string without throwing', () => {
    const area = awaitingSecondFactor(T0).area;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(() => {
          parseOtpauthUri(text);
          parseOtpauthUri(`otpauth://totp/${text}?secret=${text}`);
          normaliseCode(text);
          checkSetupKey(text);
          area.verifySecondFactor(text);
          area.loginWithBackupCode(text);
        }).not.toThrow();
      }),
      params,
    );
  });
});

/** Rasterises our SVG (runs of dark modules) at 4 px a module and decodes it like a camera would. */
function decodeSvgQr(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < Number(w) * scale; dx++) {
        const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  const result = jsQR(pixels, width, width);
  return result ? new TextDecoder().decode(Uint8Array.from(result.binaryData)) : null;
}
