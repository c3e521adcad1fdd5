/** "Under the hood": what the server sees, from the engine's state. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateCode } from '../../../src/simulator/otp/totp';
import { drillById } from '../../../src/training/drills/index';
import { acceptedWindows, clockTime, statePath, underTheHood } from '../../../src/training/hood';
import { BACKUP_LOGIN, enterPhoneCode, logIn, SCAN_QR } from '../../../src/training/path';
import { windowStart } from '../simulator/support';
import { play, startDrill } from './support';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('under the hood', () => {
  it('shows the state, the secret, the code the server expects and the windows it accepts', () => {
    const run = startDrill(drillById('every-code-rejected')!);
    const hood = underTheHood(run.sim, run.session.state().timeline);
    const secret = run.sim.server().pending!.secret;
    expect(hood.screen).toBe('enable');
    expect(hood.machineState).toBe('signedIn.securitySettings.enable');
    expect(hood.secret).toEqual({ grouped: secret.replace(/(.{4})(?=.)/g, '$1 '), source: 'pending' });
    expect(hood.expectedCode).toBe(generateCode(secret, run.clock.now()));
    const start = windowStart(run.clock.now());
    expect(hood.windows).toEqual([
      { delta: -1, fromMs: start - 30_000, toMs: start - 1 },
      { delta: 0, fromMs: start, toMs: start + 29_999 },
      { delta: 1, fromMs: start + 30_000, toMs: start + 59_999 },
    ]);
    expect(hood.phoneOffsetMs).toBe(75_000);
    expect(hood.backup).toEqual({ state: 'none' });
    expect(hood.lastRefusal).toBeNull();

    play(run, [...SCAN_QR, enterPhoneCode()]);
    expect(underTheHood(run.sim, run.session.state().timeline).lastRefusal).toMatch(/75 s ahead.*window \+2/);
  });

  it('follows the backup code from unused to used (and replaced)', () => {
    const run = startDrill(drillById('lost-phone-backup-code')!);
    const saved = run.sim.savedBackupCode()!;
    expect(underTheHood(run.sim, run.session.state().timeline).backup).toEqual({
      state: 'unused',
      code: saved.replace(/(.{4})(?=.)/g, '$1 '),
    });
    play(run, [logIn(), ...BACKUP_LOGIN]);
    const after = underTheHood(run.sim, run.session.state().timeline).backup;
    expect(after.state).toBe('used');
    expect(after.state !== 'none' && after.code?.replace(/ /g, '')).not.toBe(saved);
  });

  it('helpers: state paths, windows with another tolerance, clock times in UTC', () => {
    expect(statePath('signedOut')).toBe('signedOut');
    expect(statePath({ signedOut: { secondFactor: 'backup-login' } })).toBe('signedOut.secondFactor.backup-login');
    expect(acceptedWindows(95_000, 2).map((w) => w.delta)).toEqual([-2, -1, 0, 1, 2]);
    expect(clockTime(Date.UTC(2026, 10, 28, 12, 0, 10))).toBe('12:00:10');
  });
});
