import { describe, expect, it } from 'vitest';
import { toOtpEpochSeconds } from '../../../src/simulator/env';
import { checkSetupKey, encodeBase32, groupInFours } from '../../../src/simulator/otp/base32';
import { buildOtpauthUri, parseOtpauthUri } from '../../../src/simulator/otp/otpauth';
import { renderQrSvg } from '../../../src/simulator/otp/qr';
import { generateCode, hotp, hotpSteps, secondsLeftAt, timeStepAt, verifyCode } from '../../../src/simulator/otp/totp';
import { RFC4226_APPENDIX_D, RFC4226_SECRET, RFC6238_APPENDIX_B, RFC6238_DIGITS, RFC6238_SEEDS } from './rfc-vectors';
import { T0, windowStart } from './support';

describe('RFC 4226 Appendix D through the engine', () => {
  it.each(RFC4226_APPENDIX_D)('counter $counter gives HOTP $hotp', ({ counter, hotp: expected }) => {
    expect(hotp(RFC4226_SECRET, counter)).toBe(expected);
  });

  it.each(RFC4226_APPENDIX_D)(
    'counter $counter: HMAC and dynamic truncation match the intermediate values',
    (vector) => {
      const steps = hotpSteps(RFC4226_SECRET, vector.counter);
      expect(steps.hmacHex).toBe(vector.hmacHex);
      expect(steps.binCode).toBe(vector.truncatedDecimal);
      expect(steps.binCode.toString(16).padStart(8, '0')).toBe(vector.truncatedHex);
      expect(steps.code).toBe(vector.hotp);
    },
  );

  it('TOTP is HOTP of the time step: generateCode at 30·c s equals hotp(c)', () => {
    for (const { counter, hotp: expected } of RFC4226_APPENDIX_D) {
      expect(generateCode(RFC4226_SECRET, counter * 30_000)).toBe(expected);
    }
  });
});

describe('RFC 6238 Appendix B through the engine', () => {
  it.each(RFC6238_APPENDIX_B)('$seconds s, $algorithm: $totp', ({ seconds, algorithm, totp, timeStepHex }) => {
    const ms = seconds * 1000;
    expect(timeStepAt(ms)).toBe(parseInt(timeStepHex, 16));
    expect(generateCode(RFC6238_SEEDS[algorithm], ms, { algorithm, digits: RFC6238_DIGITS })).toBe(totp);
  });

  it('the SHA-256/512 rows do not reproduce with the 20-byte seed', () => {
    const row = RFC6238_APPENDIX_B.find((v) => v.algorithm === 'sha256' && v.seconds === 59);
    expect(generateCode(RFC6238_SEEDS.sha1, 59_000, { algorithm: 'sha256', digits: 8 })).not.toBe(row?.totp);
  });
});

describe('time', () => {
  it('converts milliseconds to whole seconds in one place, clamping broken clocks to 0', () => {
    expect(toOtpEpochSeconds(59_999)).toBe(59);
    expect(toOtpEpochSeconds(-5)).toBe(0);
    expect(toOtpEpochSeconds(Number.NaN)).toBe(0);
  });

  it('derives seconds left from absolute time', () => {
    expect(secondsLeftAt(windowStart(T0))).toBe(30);
    expect(secondsLeftAt(windowStart(T0) + 29_999)).toBe(1);
    expect(secondsLeftAt(T0)).toBe(20);
  });
});

describe('verifyCode', () => {
  const key = encodeBase32(new Uint8Array(20).fill(7));
  const at = (deltaWindows: number) => generateCode(key, T0 + deltaWindows * 30_000);

  it('accepts the current window and one either side, with the delta', () => {
    expect(verifyCode(key, at(0), T0)).toEqual({ valid: true, delta: 0, timeStep: timeStepAt(T0) });
    expect(verifyCode(key, at(-1), T0)).toMatchObject({ valid: true, delta: -1 });
    expect(verifyCode(key, at(1), T0)).toMatchObject({ valid: true, delta: 1 });
  });

  it('says expired or early for genuine codes outside the window', () => {
    expect(verifyCode(key, at(-2), T0)).toMatchObject({ valid: false, reason: 'expired', delta: -2 });
    expect(verifyCode(key, at(3), T0)).toMatchObject({ valid: false, reason: 'early', delta: 3 });
  });

  it('refuses a code of a time step at or before the last used one (RFC 6238 §5.2)', () => {
    const step = timeStepAt(T0);
    expect(verifyCode(key, at(0), T0, { lastUsedStep: step })).toMatchObject({ valid: false, reason: 'reused' });
    expect(verifyCode(key, at(-1), T0, { lastUsedStep: step })).toMatchObject({ valid: false, reason: 'reused' });
    expect(verifyCode(key, at(1), T0, { lastUsedStep: step })).toMatchObject({ valid: true, delta: 1 });
  });

  it('returns malformed instead of throwing', () => {
    expect(verifyCode(key, '12345', T0)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyCode('AAAA', '123456', T0)).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('setup keys (Base32)', () => {
  it('forgives spaces, dashes, lower case, full-width letters and padding', () => {
    expect(checkSetupKey(' abcd-efgh ijkl mnop====')).toEqual({ ok: true, key: 'ABCDEFGHIJKLMNOP' });
    expect(checkSetupKey('ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰ')).toEqual({ ok: true, key: 'ABCDEFGHIJKLMNOP' });
  });

  it.each([
    ['0', 'letter O'],
    ['1', 'letter I'],
    ['8', 'letter B'],
    ['9', '"9" is not allowed'],
  ])('explains %s', (char, hint) => {
    const result = checkSetupKey(`ABCDEFGH${char}JKLMNOP`);
    expect(result).toMatchObject({ ok: false, problem: 'invalid-character' });
    expect(!result.ok && result.message).toContain(hint);
    expect(!result.ok && result.message).toContain('A–Z and the digits 2–7');
  });

  it('refuses short and impossible lengths', () => {
    expect(checkSetupKey('ABCDEFGH')).toMatchObject({ ok: false, problem: 'too-short' });
    expect(checkSetupKey('ABCDEFGHIJKLMNOPQ')).toMatchObject({ ok: false, problem: 'incomplete' });
    expect(checkSetupKey('A'.repeat(200))).toMatchObject({ ok: false, problem: 'too-long' });
    expect(checkSetupKey('  ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('groups a key in fours', () => {
    expect(groupInFours('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('otpauth URIs', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('builds the documented form with an issuer parameter', () => {
    expect(buildOtpauthUri({ issuer: 'Example Hosting', accountName: 'alex.morgan@example.com', secret })).toBe(
      `otpauth://totp/Example%20Hosting:alex.morgan%40example.com?secret=${secret}&issuer=Example%20Hosting`,
    );
  });

  it('reads URIs from other generators: encoded separator, no issuer parameter, spaces as +', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME%3Ajo?secret=${secret}&issuer=ACME`)).toMatchObject({
      ok: true,
      key: { issuer: 'ACME', accountName: 'jo' },
    });
    expect(parseOtpauthUri(`OTPAUTH://TOTP/ACME:jo?secret=${secret.toLowerCase()}`)).toMatchObject({
      ok: true,
      key: { issuer: 'ACME', accountName: 'jo', secret },
    });
    expect(parseOtpauthUri(`otpauth://totp/jo?secret=${secret}&issuer=A+B`)).toMatchObject({
      ok: true,
      key: { issuer: 'A B' },
    });
  });

  it.each([
    ['https://example.com/', 'not-otpauth'],
    [`otpauth://hotp/A:b?secret=${'A'.repeat(32)}&counter=1`, 'not-totp'],
    ['otpauth://totp/A:b?issuer=A', 'bad-secret'],
    ['otpauth://totp/A:b?secret=01', 'bad-secret'],
    [`otpauth://totp/A:?secret=${'A'.repeat(32)}`, 'no-account'],
    [`otpauth://totp/A:%E0%A4?secret=${'A'.repeat(32)}`, 'bad-encoding'],
    [`otpauth://totp/A:b?secret=${'A'.repeat(32)}&digits=8`, 'unsupported'],
    [`otpauth://totp/A:b?secret=${'A'.repeat(32)}&algorithm=SHA256`, 'unsupported'],
  ])('refuses %s (%s)', (uri, problem) => {
    expect(parseOtpauthUri(uri)).toMatchObject({ ok: false, problem });
  });
});

describe('QR code', () => {
  it('renders dark modules on a light background with a 4-module quiet zone, without style attributes', () => {
    const svg = renderQrSvg('otpauth://totp/A:b?secret=AAAA', { title: 'QR <code>' });
    const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
    expect(size).toBe(29 + 8); // version 3 at level M, plus 2 × 4 modules of quiet zone
    expect(svg).toContain(`<rect width="${size}" height="${size}" fill="#fff"/>`);
    expect(svg).toContain('<title>QR &#60;code&#62;</title>');
    expect(svg).not.toContain('style=');
    const xs = [...svg.matchAll(/M(\d+) (\d+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBe(4);
  });
});
