/**
 * Predicates over a drill's state, for objectives: each reads the engine's views, the fake
 * server's state and the attempt's timeline, never which buttons were pressed.
 */
import type { DrillState, RefusalKind, SuccessKind } from './types';

/** The key 2FA is on with (null while it is off). */
const enrolledSecret = (s: DrillState): string | null => s.server.twoFactor?.secret ?? null;

/** The customer is signed in to the client area. */
export const signedIn = (s: DrillState): boolean => s.server.session === 'signed-in';

/** 2FA is on, and the phone holds an entry with the key it was turned on with. */
export function enabledOnPhone(s: DrillState): boolean {
  const secret = enrolledSecret(s);
  return secret !== null && s.phone.accounts.some((account) => account.secret === secret);
}

/** 2FA is on and every entry on the phone has its key: no outdated look-alike is left. */
export function onlyCurrentEntries(s: DrillState): boolean {
  const secret = enrolledSecret(s);
  return secret !== null && s.phone.accounts.length > 0 && s.phone.accounts.every((a) => a.secret === secret);
}

/** The phone has an entry typed by hand (no issuer: "Enter a setup key") with the key being set up or in use. */
export function typedEntryMatches(s: DrillState): boolean {
  const secret = s.server.pending?.secret ?? enrolledSecret(s);
  return secret !== null && s.phone.accounts.some((a) => a.issuer === '' && a.secret === secret);
}

/** 2FA is on and the customer closed the window showing the backup code (it was saved). */
export const backupCodeSaved = (s: DrillState): boolean => s.server.twoFactor !== null && s.view.backupCode === null;

/** The phone's clock is within a few seconds of true time. */
export const phoneClockRight = (s: DrillState): boolean => Math.abs(s.phone.clockOffsetMs) < 5_000;

export const refused = (s: DrillState, ...kinds: RefusalKind[]): boolean =>
  s.events.some((e) => e.type === 'refusal' && kinds.includes(e.kind));

export const succeeded = (s: DrillState, kind: SuccessKind): boolean =>
  s.events.some((e) => e.type === 'result' && e.kind === kind);

/** Index of the first accepted `kind` at or after `from`, or -1. */
function indexOf(s: DrillState, kind: SuccessKind, from = 0): number {
  return s.events.findIndex((e, index) => index >= from && e.type === 'result' && e.kind === kind);
}

/** The client area accepted these, in this order (others may come between). */
export function succeededInOrder(s: DrillState, ...kinds: SuccessKind[]): boolean {
  let from = 0;
  for (const kind of kinds) {
    const index = indexOf(s, kind, from);
    if (index === -1) return false;
    from = index + 1;
  }
  return true;
}

/** The trainee picked the right option of this question (at some point). */
export const answered = (s: DrillState, question: string): boolean =>
  s.events.some((e) => e.type === 'choice' && e.question === question && e.correct);
