/**
 * The explanations support staff read in the trainer's "under the hood" view, asserted by what they
 * must tell: which window a refused code came from and why, what the server accepts, what to do.
 */
import { describe, expect, it } from 'vitest';
import { explainRefusal } from '../../../src/simulator/client-area/explain';
import { MESSAGES } from '../../../src/simulator/client-area/messages';
import type { Refusal, RefusalKind } from '../../../src/simulator/client-area/server';

const refusal = (kind: RefusalKind, extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  kind,
  message: `the client area's message for ${kind}`,
  ...extra,
});

describe('a genuine code from the wrong window', () => {
  it.each([
    [-2, 'expired', '60 s ago', 'window -2'],
    [-3, 'expired', '90 s ago', 'window -3'],
    [2, 'early', '60 s in the future', 'window +2'],
    [5, 'early', '150 s in the future', 'window +5'],
  ] as const)('delta %i (%s) says how far off the code is: "%s", "%s"', (delta, kind, when, windowName) => {
    const text = explainRefusal(refusal(kind, { delta }));
    expect(text).toContain(`This code is from ${when}`);
    expect(text).toContain(`belongs to ${windowName};`);
    expect(text).toContain('the server accepts windows -1..+1 (30 s each)');
    expect(text).toContain('Type the code the app shows now.');
    expect(text).not.toContain('phone');
  });

  it.each([
    [75_000, 'early', 2, "The phone's clock is 75 s ahead"],
    [-75_400, 'expired', -3, "The phone's clock is 75 s behind"],
    [-75_600, 'expired', -3, "The phone's clock is 76 s behind"],
  ] as const)('a phone clock off by %i ms is named as the cause, with the fix', (offset, kind, delta, cause) => {
    const text = explainRefusal(refusal(kind, { delta }), { phoneClockOffsetMs: offset });
    expect(text.startsWith(`${cause}, so the code belongs to window ${delta > 0 ? '+' : ''}${delta};`)).toBe(true);
    expect(text).toContain('Set the phone’s time automatically and try again.');
    expect(text).not.toContain('Type the code the app shows now');
  });

  it('states the window the host accepts', () => {
    expect(explainRefusal(refusal('expired', { delta: -3 }), { window: 2 })).toContain(
      'the server accepts windows -2..+2 (30 s each)',
    );
    expect(explainRefusal(refusal('wrong'), { window: 0 })).toContain('the server accepts windows 0..0');
  });
});

describe('other refusals of a code', () => {
  it('a wrong code: mistyped or from another key, and what is accepted', () => {
    const text = explainRefusal(refusal('wrong'));
    expect(text).toContain('matches no window near now');
    expect(text).toMatch(/mistyped/);
    expect(text).toMatch(/another entry \(another key\)/);
    expect(text).toContain('the server accepts windows -1..+1');
  });

  it('a reused code: each code works once (RFC 6238 §5.2), wait for the next', () => {
    const text = explainRefusal(refusal('reused', { delta: 0 }));
    expect(text).toMatch(/already used/);
    expect(text).toContain('RFC 6238 §5.2');
    expect(text).toMatch(/wait for the next one/);
  });

  it("a stale key: the earlier window's key, scan the new QR code and delete the old entry", () => {
    const text = explainRefusal(refusal('stale-secret'));
    expect(text).toMatch(/earlier “Enable Two-Factor Authentication” window/);
    expect(text).toContain('scan the new QR code');
    expect(text).toContain('delete the old entry');
  });
});

describe('locks', () => {
  it.each([
    ['password', 'password entry'],
    ['second-factor', 'code entry at login'],
    ['enrollment', 'code entry in the enable window'],
  ] as const)('a lock of the %s form names it, says it ends by itself, escalates and is capped', (scope, form) => {
    for (const r of [refusal('locked', { scope, lockedUntil: 1 }), refusal('wrong', { scope, lockedUntil: 1 })]) {
      const text = explainRefusal(r);
      expect(text).toContain(`lock ${form}`);
      expect(text).toContain('RFC 4226 §7.3');
      expect(text).toContain('unlocks by itself');
      expect(text).toContain('twice as long');
      expect(text).toContain('after 100 in a row (NIST SP 800-63B §5.2.2)');
      expect(text).toContain('A success resets the count.');
    }
  });

  it('a block says nothing but support can lift it, and uses the host’s limit', () => {
    const text = explainRefusal(refusal('blocked', { scope: 'enrollment' }), { maxFailures: 20 });
    expect(text).toContain('After 20 failures in a row');
    expect(text).toContain('code entry in the enable window stays locked however long one waits');
    expect(text).toContain('Only support staff can unlock it');
    expect(text).toContain('at most 20 tries');
    expect(explainRefusal(refusal('wrong', { scope: 'password', blocked: true }))).toContain(
      'After 100 failures in a row since the last success, password entry (at login and in the disable dialog) stays locked',
    );
  });

  it('a lock without a scope is read as the code at login', () => {
    expect(explainRefusal(refusal('locked', { lockedUntil: 1 }))).toContain('lock code entry at login');
  });
});

describe('refusals the client area already explains', () => {
  it.each([
    'captcha',
    'credentials',
    'malformed',
    'question-required',
    'question-invalid',
    'password',
    'not-available',
  ] as const)('%s: its own message', (kind) => {
    expect(explainRefusal(refusal(kind))).toBe(`the client area's message for ${kind}`);
  });

  it('a wrong password is not explained as a lock unless it locked', () => {
    expect(explainRefusal(refusal('password', { message: MESSAGES.passwordIncorrect, scope: 'password' }))).toBe(
      MESSAGES.passwordIncorrect,
    );
  });
});
