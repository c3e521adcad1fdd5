/**
 * The RFC test vectors, as data. Every table test of the engine's HOTP/TOTP reads them from here.
 *
 * RFC 4226 Appendix D: HOTP, HMAC-SHA-1, secret = ASCII "12345678901234567890", counters 0-9,
 * with the intermediate HMAC and dynamic-truncation values (§5.3, §5.4).
 * RFC 6238 Appendix B: TOTP, 8 digits, X = 30, T0 = 0. The SHA-256 and SHA-512 rows reproduce only
 * with the 32- and 64-byte seeds (the reference code's seeds), not the 20-byte one.
 */

const ascii = (text: string) => new TextEncoder().encode(text);

export const RFC4226_SECRET = ascii('12345678901234567890');

export interface HotpVector {
  readonly counter: number;
  readonly hmacHex: string;
  readonly truncatedHex: string;
  readonly truncatedDecimal: number;
  readonly hotp: string;
}

export const RFC4226_APPENDIX_D: readonly HotpVector[] = [
  {
    counter: 0,
    hmacHex: 'cc93cf18508d94934c64b65d8ba7667fb7cde4b0',
    truncatedHex: '4c93cf18',
    truncatedDecimal: 1284755224,
    hotp: '755224',
  },
  {
    counter: 1,
    hmacHex: '75a48a19d4cbe100644e8ac1397eea747a2d33ab',
    truncatedHex: '41397eea',
    truncatedDecimal: 1094287082,
    hotp: '287082',
  },
  {
    counter: 2,
    hmacHex: '0bacb7fa082fef30782211938bc1c5e70416ff44',
    truncatedHex: '082fef30',
    truncatedDecimal: 137359152,
    hotp: '359152',
  },
  {
    counter: 3,
    hmacHex: '66c28227d03a2d5529262ff016a1e6ef76557ece',
    truncatedHex: '66ef7655',
    truncatedDecimal: 1726969429,
    hotp: '969429',
  },
  {
    counter: 4,
    hmacHex: 'a904c900a64b35909874b33e61c5938a8e15ed1c',
    truncatedHex: '61c5938a',
    truncatedDecimal: 1640338314,
    hotp: '338314',
  },
  {
    counter: 5,
    hmacHex: 'a37e783d7b7233c083d4f62926c7a25f238d0316',
    truncatedHex: '33c083d4',
    truncatedDecimal: 868254676,
    hotp: '254676',
  },
  {
    counter: 6,
    hmacHex: 'bc9cd28561042c83f219324d3c607256c03272ae',
    truncatedHex: '7256c032',
    truncatedDecimal: 1918287922,
    hotp: '287922',
  },
  {
    counter: 7,
    hmacHex: 'a4fb960c0bc06e1eabb804e5b397cdc4b45596fa',
    truncatedHex: '04e5b397',
    truncatedDecimal: 82162583,
    hotp: '162583',
  },
  {
    counter: 8,
    hmacHex: '1b3c89f65e6c9e883012052823443f048b4332db',
    truncatedHex: '2823443f',
    truncatedDecimal: 673399871,
    hotp: '399871',
  },
  {
    counter: 9,
    hmacHex: '1637409809a679dc698207310c8c7fc07290d9e5',
    truncatedHex: '2679dc69',
    truncatedDecimal: 645520489,
    hotp: '520489',
  },
];

export type RfcAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** RFC 6238 Appendix B's seeds: 20, 32 and 64 ASCII bytes. */
export const RFC6238_SEEDS: Readonly<Record<RfcAlgorithm, Uint8Array>> = {
  sha1: ascii('12345678901234567890'),
  sha256: ascii('12345678901234567890123456789012'),
  sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

export interface TotpVector {
  readonly seconds: number;
  /** T = floor(seconds / 30), in hex as the RFC prints it. */
  readonly timeStepHex: string;
  readonly algorithm: RfcAlgorithm;
  readonly totp: string;
}

const rows: ReadonlyArray<readonly [number, string, string, string, string]> = [
  // seconds, T (hex), SHA-1, SHA-256, SHA-512
  [59, '0000000000000001', '94287082', '46119246', '90693936'],
  [1111111109, '00000000023523EC', '07081804', '68084774', '25091201'],
  [1111111111, '00000000023523ED', '14050471', '67062674', '99943326'],
  [1234567890, '000000000273EF07', '89005924', '91819424', '93441116'],
  [2000000000, '0000000003F940AA', '69279037', '90698825', '38618901'],
  [20000000000, '0000000027BC86AA', '65353130', '77737706', '47863826'],
];

export const RFC6238_APPENDIX_B: readonly TotpVector[] = rows.flatMap(
  ([seconds, timeStepHex, sha1, sha256, sha512]) => [
    { seconds, timeStepHex, algorithm: 'sha1' as const, totp: sha1 },
    { seconds, timeStepHex, algorithm: 'sha256' as const, totp: sha256 },
    { seconds, timeStepHex, algorithm: 'sha512' as const, totp: sha512 },
  ],
);

export const RFC6238_DIGITS = 8;
