/**
 * Plain-words explanations of a refusal, for the trainer's "under the hood" view. The client area
 * itself only says "incorrect"; this says why, from the refusal's window delta and what the
 * simulation knows about the phone's clock.
 */
import { PERIOD_SECONDS } from '../otp/totp';
import { MAX_FAILURES_LIMIT } from './data';
import type { Refusal } from './server';

export interface ExplainContext {
  /** The phone's clock error in ms (positive = ahead), when known and not zero. */
  readonly phoneClockOffsetMs?: number;
  /** Windows the server accepts either side (default 1). */
  readonly window?: number;
  /** Failures in a row after which a form stays locked (default 100, the most SP 800-63B allows). */
  readonly maxFailures?: number;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The form a lock applies to. */
const FORMS: Readonly<Record<NonNullable<Refusal['scope']>, string>> = {
  password: 'password entry (at login and in the disable dialog)',
  'second-factor': 'code entry at login (app code or backup code)',
  enrollment: 'code entry in the enable window',
};

export function explainRefusal(refusal: Refusal, context: ExplainContext = {}): string {
  const window = context.window ?? 1;
  const accepted = `the server accepts windows ${-window}..${signed(window)} (${PERIOD_SECONDS} s each)`;
  const { delta = 0, kind } = refusal;
  const offset = context.phoneClockOffsetMs ?? 0;
  if (kind === 'expired' || kind === 'early') {
    const cause = offset
      ? `The phone's clock is ${Math.round(Math.abs(offset) / 1000)} s ${offset > 0 ? 'ahead' : 'behind'}`
      : `This code is from ${Math.abs(delta * PERIOD_SECONDS)} s ${delta < 0 ? 'ago' : 'in the future'}`;
    const fix = offset ? 'Set the phone’s time automatically and try again.' : 'Type the code the app shows now.';
    return `${cause}, so the code belongs to window ${signed(delta)}; ${accepted}. ${fix}`;
  }
  if (kind === 'reused')
    return `This code was already used. Each code works once (RFC 6238 §5.2): wait for the next one.`;
  if (kind === 'stale-secret') {
    return 'This code comes from the key of an earlier “Enable Two-Factor Authentication” window. Reopening the window made a new key: scan the new QR code and delete the old entry.';
  }
  const form = FORMS[refusal.scope ?? 'second-factor'];
  const limit = context.maxFailures ?? MAX_FAILURES_LIMIT;
  if (refusal.blocked || kind === 'blocked') {
    return `After ${limit} failures in a row since the last success, ${form} stays locked however long one waits (NIST SP 800-63B §5.2.2 allows at most 100). Only support staff can unlock it, after verifying the customer's identity, so over any length of time a guesser gets at most ${limit} tries.`;
  }
  if (refusal.lockedUntil !== undefined || kind === 'locked') {
    return `Too many failures in a row lock ${form} for a while, so nobody can try one guess after another (RFC 4226 §7.3). It unlocks by itself when the countdown ends, but the failures still count: each further lock lasts twice as long, and after ${limit} in a row (NIST SP 800-63B §5.2.2) only support can unlock it. A success resets the count.`;
  }
  if (kind === 'wrong') {
    return `This code matches no window near now for this account's key: it was mistyped or comes from another entry (another key); ${accepted}.`;
  }
  return refusal.message;
}
