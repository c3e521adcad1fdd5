/**
 * The simulator event beacon (src/components/helpful/simulator-beacon.ts) on a DOM from linkedom,
 * with an injected clock and sender: what it sends when the page hides, and what it never sends.
 */
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulatorBeacon } from '../../src/components/helpful/simulator-beacon';

let clock = 0;
let sent: { url: string; body: { article: string; sessions: Record<string, unknown>[] }; type: string }[] = [];
let window: ReturnType<typeof parseHTML>['window'];
let visibility: 'visible' | 'hidden' = 'visible';

function setUp() {
  ({ window } = parseHTML(`<!doctype html><html><body>
    <twofa-simulator id="sim1" aria-label="Practise enabling 2FA (two-factor authentication simulator)"></twofa-simulator>
    <twofa-simulator id="sim2"></twofa-simulator></body></html>`));
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('HTMLElement', window.HTMLElement);
  Object.defineProperty(window.document, 'visibilityState', { get: () => visibility, configurable: true });
  clock = 0;
  sent = [];
  visibility = 'visible';
  let ids = 0;
  return startSimulatorBeacon({
    url: 'https://feedback.example.com/api/events',
    article: 'enable-two-factor-authentication',
    now: () => clock,
    newId: () => String(++ids).repeat(32).slice(0, 32),
    send: (url, blob) => {
      sent.push({ url, body: JSON.parse(lastBody), type: blob.type });
      return true;
    },
  });
}

// Blob.text() is async; the beacon builds the body synchronously, so capture it from the constructor.
let lastBody = '';
const RealBlob = Blob;
vi.stubGlobal(
  'Blob',
  class extends RealBlob {
    constructor(parts: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      lastBody = typeof parts[0] === 'string' ? parts[0] : '';
    }
  },
);

function emit(id: string, type: string, detail: Record<string, string>) {
  const target = window.document.getElementById(id)!;
  target.dispatchEvent(
    new window.CustomEvent(type, { bubbles: true, detail: { start: 'login', mode: 'guided', ...detail } }),
  );
}
function hide() {
  visibility = 'hidden';
  window.document.dispatchEvent(new window.Event('visibilitychange'));
}
function show() {
  visibility = 'visible';
  window.document.dispatchEvent(new window.Event('visibilitychange'));
}

describe('simulator beacon', () => {
  beforeEach(() => void setUp());

  it('sends, when the page hides, each step with its rounded seconds, phone screens and refusal kinds', () => {
    emit('sim1', 'simulator:step', { step: 'login', phone: 'home' });
    clock = 4_400;
    emit('sim1', 'simulator:step', { step: 'security-settings', phone: 'home' });
    clock = 10_600;
    emit('sim1', 'simulator:step', { step: 'security-settings', phone: 'store' });
    clock = 12_000;
    emit('sim1', 'simulator:refusal', { step: 'enable', phone: 'store', kind: 'wrong' });
    clock = 15_000;
    hide();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://feedback.example.com/api/events');
    expect(sent[0]!.type).toBe('text/plain');
    expect(sent[0]!.body).toEqual({
      article: 'enable-two-factor-authentication',
      sessions: [
        {
          id: '1'.repeat(32),
          simulator: 'sim1',
          label: 'Practise enabling 2FA (two-factor authentication simulator)',
          start: 'login',
          mode: 'guided',
          completed: false,
          steps: [
            { seq: 0, step: 'login', seconds: 4 },
            { seq: 1, step: 'security-settings', seconds: 6 },
            { seq: 2, step: 'phone:store', seconds: 4 },
          ],
          refusals: [{ seq: 0, step: 'enable', kind: 'wrong' }],
        },
      ],
    });
  });

  it('does not send a simulator the reader never touched, nor the same thing twice', () => {
    emit('sim2', 'simulator:step', { step: 'login', phone: 'home' }); // first render only
    hide();
    expect(sent).toEqual([]);
    show();
    emit('sim1', 'simulator:step', { step: 'login', phone: 'home' });
    emit('sim1', 'simulator:step', { step: 'security-question', phone: 'home' });
    hide();
    window.dispatchEvent(new window.Event('pagehide'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.sessions.map((session) => session['simulator'])).toEqual(['sim1']);
  });

  it('does not count the time the page was hidden, and resends the session whole when it grows', () => {
    emit('sim1', 'simulator:step', { step: 'login', phone: 'home' });
    clock = 3_000;
    emit('sim1', 'simulator:step', { step: 'enable', phone: 'home' });
    clock = 5_000;
    hide(); // 2 s on "enable" so far
    clock = 600_000; // ten minutes away
    show();
    clock = 601_000;
    emit('sim1', 'simulator:complete', { step: 'backup-code', phone: 'app' });
    emit('sim1', 'simulator:step', { step: 'backup-code', phone: 'app' });
    hide();
    expect(sent).toHaveLength(2);
    const last = sent[1]!.body.sessions[0]!;
    expect(last['completed']).toBe(true);
    expect(last['steps']).toEqual([
      { seq: 0, step: 'login', seconds: 3 },
      { seq: 1, step: 'enable', seconds: 3 },
      { seq: 2, step: 'backup-code', seconds: 0 },
      { seq: 3, step: 'phone:app', seconds: 0 },
    ]);
  });

  it('carries only names from the events, never anything else in them', () => {
    emit('sim1', 'simulator:step', { step: 'login', phone: 'home', typed: '123456' });
    emit('sim1', 'simulator:refusal', { step: 'login', phone: 'home', kind: 'credentials', value: 'hunter2' });
    hide();
    expect(JSON.stringify(sent)).not.toMatch(/123456|hunter2/);
  });
});
