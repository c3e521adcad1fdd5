/**
 * Key URIs (Google Authenticator "Key Uri Format"):
 * `otpauth://totp/<Issuer>:<account>?secret=<BASE32>&issuer=<Issuer>`.
 *
 * Issuer and account are percent-encoded as UTF-8 (so ':', '%', spaces, emoji and right-to-left
 * text survive), and the separator is the only literal ':' in the label, so parsing splits there
 * before decoding. Google Authenticator ignores `algorithm` and `period`, so neither is written.
 */
import { checkSetupKey } from './base32';

export interface KeyUri {
  readonly issuer: string;
  readonly accountName: string;
  readonly secret: string;
}

/** Lone surrogates cannot be percent-encoded; they become U+FFFD instead of throwing. */
const encode = (text: string) => encodeURIComponent(text.toWellFormed());

export function buildOtpauthUri({ issuer, accountName, secret }: KeyUri): string {
  const label = issuer === '' ? encode(accountName) : `${encode(issuer)}:${encode(accountName)}`;
  const issuerParam = issuer === '' ? '' : `&issuer=${encode(issuer)}`;
  return `otpauth://totp/${label}?secret=${secret}${issuerParam}`;
}

export type UriProblem = 'not-otpauth' | 'not-totp' | 'bad-encoding' | 'no-account' | 'bad-secret' | 'unsupported';

export type UriParse =
  | { readonly ok: true; readonly key: KeyUri }
  | { readonly ok: false; readonly problem: UriProblem; readonly message: string };

const refuse = (problem: UriProblem, message: string): UriParse => ({ ok: false, problem, message });

/**
 * The only values the engine computes codes with. A URI may state them (`algorithm=SHA1`,
 * `digits=6`, `period=30`); any other value is refused rather than silently ignored, because the
 * codes would not match what its issuer expects.
 */
const ONLY: Readonly<Record<string, string>> = { algorithm: 'sha1', digits: '6', period: '30' };
const NOT_A_KEY = 'Not a valid authenticator key:';

/** Reads a scanned text; anything that is not a valid TOTP key URI is refused with a reason. */
export function parseOtpauthUri(text: string): UriParse {
  const match = /^otpauth:\/\/([^/?#]*)\/([^?#]*)(?:\?([^#]*))?/i.exec(String(text ?? '').trim());
  if (!match) return refuse('not-otpauth', `${NOT_A_KEY} it does not start with otpauth://.`);
  const [, type = '', rawLabel = '', query = ''] = match;
  if (type.toLowerCase() !== 'totp') {
    return refuse('not-totp', `${NOT_A_KEY} "${type}" is not a time-based (totp) key.`);
  }
  try {
    const params = new Map<string, string>();
    for (const pair of query.split('&')) {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (name !== '')
        params.set(decodeURIComponent(name).toLowerCase(), decodeURIComponent(value.replace(/\+/g, ' ')));
    }
    const separator = rawLabel.indexOf(':');
    const prefix = separator < 0 ? null : decodeURIComponent(rawLabel.slice(0, separator));
    let accountName = decodeURIComponent(separator < 0 ? rawLabel : rawLabel.slice(separator + 1));
    const issuer = params.get('issuer') ?? prefix ?? '';
    // Some generators encode the separator too ("Issuer%3Aaccount"): drop the issuer prefix then.
    if (prefix === null && issuer !== '' && accountName.startsWith(`${issuer}:`)) {
      accountName = accountName.slice(issuer.length + 1);
    }
    if (accountName === '') return refuse('no-account', `${NOT_A_KEY} no account name.`);
    const secret = checkSetupKey(params.get('secret') ?? '');
    if (!secret.ok) return refuse('bad-secret', `${NOT_A_KEY} ${secret.message}`);
    const unsupported = Object.entries(ONLY).find(([name, only]) => {
      const value = params.get(name);
      return value !== undefined && value.trim().toLowerCase() !== only;
    })?.[0];
    if (unsupported !== undefined) {
      return refuse('unsupported', `${NOT_A_KEY} ${unsupported} is not SHA-1, 6 digits, 30 s.`);
    }
    return { ok: true, key: { issuer, accountName, secret: secret.key } };
  } catch {
    return refuse('bad-encoding', `${NOT_A_KEY} broken %-encoding.`);
  }
}
