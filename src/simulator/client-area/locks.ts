/**
 * How a lock looks on screen, from the server's state and the clock: which form's lock a screen
 * shows, and the refusal's words now (a live countdown while the lock lasts, "you can try again"
 * once it has ended), so a screen never shows a lock that is over.
 */
import { MESSAGES, type ThrottleScope } from './messages';
import type { Refusal, ServerState } from './server';

/** The form each screen holds, for the screens that have one that locks. */
const SCREEN_SCOPES: Readonly<Record<string, ThrottleScope>> = {
  login: 'password',
  'second-factor': 'second-factor',
  'backup-login': 'second-factor',
  enable: 'enrollment',
  disable: 'password',
};

/** Until when (ms) the form on `screen` is locked, or null when it is not locked now. */
export function lockShownOn(server: ServerState, screen: string, now: number): number | null {
  const scope = SCREEN_SCOPES[screen];
  const lockedUntil = scope === undefined ? null : server.throttle[scope].lockedUntil;
  return lockedUntil !== null && now < lockedUntil ? lockedUntil : null;
}

/** The refusal's message as it reads at `now`: a lock's countdown moves on, and an ended lock says so. */
export function refusalMessageAt(refusal: Refusal, now: number): string {
  const { lockedUntil, scope } = refusal;
  if (lockedUntil === undefined || scope === undefined) return refusal.message;
  return now < lockedUntil ? MESSAGES.lockedOut(lockedUntil - now, scope) : MESSAGES.unlocked(scope);
}
