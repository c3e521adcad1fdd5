/**
 * One simulation = the client-area actor + the phone actor, sharing one controllable clock and
 * one randomness source (a CSPRNG, or a seeded generator for reproducible drills).
 */
import { createActor, type Actor } from 'xstate';
import { DEMO_CUSTOMER, type Customer, type Settings } from '../client-area/data';
import type { Refusal, ServerState } from '../client-area/server';
import type { ExplainContext } from '../client-area/explain';
import { controllableClock, cryptoRandom, seededRandom, type Clock, type RandomSource, type SimClock } from '../env';
import { generateCode } from '../otp/totp';
import { createSyncStore, type SyncStore } from '../phone/phone';
import { phoneMachine, type PhoneMachine, type PhoneStep } from '../phone/phone-machine';
import { clientAreaMachine, type ClientAreaMachine } from './client-area-machine';
import { SCENARIOS, type Scenario, type ScenarioId } from './scenarios';
import { preparePhone, prepareStep, type Step } from './steps';
import type { SimulatorState } from './changes';
import { guideState } from './guide';
import { viewClientArea, viewPhone, type ClientAreaView, type PhoneView } from './view';

export interface SimulationOptions {
  readonly start?: Step;
  readonly phoneStart?: PhoneStep;
  readonly scenario?: ScenarioId;
  /** Makes the secret and the backup codes reproducible (training drills). Default: CSPRNG. */
  readonly seed?: string;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  /** Overrides on top of the scenario's settings. */
  readonly settings?: Partial<Settings>;
  readonly customer?: Customer;
  /** Google Authenticator sync shared with other simulations ("the same Google account"). */
  readonly sync?: SyncStore;
  readonly installMs?: number;
}

export type ScanResult =
  { readonly ok: true; readonly accountId: string } | { readonly ok: false; readonly message: string };

export interface Simulation {
  readonly clientArea: Actor<ClientAreaMachine>;
  readonly phone: Actor<PhoneMachine>;
  /** Shared by the client area and the phone: pause or slow it to give the learner time. */
  readonly clock: SimClock;
  readonly scenario: Scenario;
  /** The step it started at (the guide's steps follow from it). */
  readonly start: Step;
  readonly sync: SyncStore;
  /** Read-only view of the fake server's state (for the "under the hood" view). */
  server(): ServerState;
  view(): ClientAreaView;
  phoneView(): PhoneView;
  /** Both views and the guide's progress, read at one moment (`changesBetween` compares two). */
  state(): SimulatorState;
  /** Points the phone's camera at the screen: scans the enable window's QR, if one is shown. */
  scanCurrentQr(): ScanResult;
  /** The code the server would accept now (enrollment in progress, else the enrolled key). */
  expectedCodeNow(): string | null;
  /** The backup code the customer wrote down (last one shown), if any. */
  savedBackupCode(): string | null;
  /** The last refusal and what is needed to explain it (`explainRefusal` in `trainer.ts`). */
  lastRefusal(): { readonly refusal: Refusal; readonly context: ExplainContext } | null;
  stop(): void;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const scenario: Scenario = SCENARIOS[options.scenario ?? 'default'];
  const start = options.start ?? scenario.start ?? 'login';
  const clock = controllableClock(options.clock);
  const random = options.random ?? (options.seed === undefined ? cryptoRandom : seededRandom(options.seed));
  const env = { clock, random };
  const sync = options.sync ?? createSyncStore();
  const settings = { ...scenario.settings, ...options.settings };
  const setup = prepareStep(start, env, settings, options.customer ?? DEMO_CUSTOMER);
  const phoneSetup = preparePhone(start, scenario, setup, random, sync);

  const clientArea = createActor(clientAreaMachine, {
    input: { env, server: setup.server, start, shownBackupCode: setup.shownBackupCode },
  });
  const phone = createActor(phoneMachine, {
    input: {
      phone: phoneSetup.phone,
      start: options.phoneStart ?? phoneSetup.start,
      sync,
      ...(options.installMs === undefined ? {} : { installMs: options.installMs }),
    },
  });
  let saved = setup.backupCode;
  clientArea.subscribe((snapshot) => {
    saved = snapshot.context.shownBackupCode ?? saved;
  });
  clientArea.start();
  phone.start();

  const server = () => clientArea.getSnapshot().context.server;
  const view = () => viewClientArea(clientArea.getSnapshot());
  const phoneView = () => viewPhone(phone.getSnapshot(), clock.now());
  return {
    clientArea,
    phone,
    clock,
    scenario,
    start,
    sync,
    server,
    view,
    phoneView,
    state: () => {
      const ca = view();
      const shown = phoneView();
      return { view: ca, phone: shown, guide: guideState(start, ca, shown) };
    },
    scanCurrentQr: () => {
      if (!phone.getSnapshot().matches('scan'))
        return { ok: false, message: 'Open "Scan a QR code" on the phone first.' };
      phone.send({ type: 'phone.scan', uri: view().enrollment?.uri ?? null });
      const after = phone.getSnapshot();
      const { context } = after;
      return after.matches('app') && context.lastAdded !== null
        ? { ok: true, accountId: context.lastAdded }
        : { ok: false, message: context.error ?? 'Nothing was scanned.' };
    },
    expectedCodeNow: () => {
      const { pending, twoFactor } = server();
      const secret = pending?.secret ?? twoFactor?.secret;
      return secret === undefined ? null : generateCode(secret, clock.now());
    },
    savedBackupCode: () => saved,
    lastRefusal: () => {
      const { last } = clientArea.getSnapshot().context;
      if (!last || last.ok) return null;
      const offset = phone.getSnapshot().context.phone.clockOffsetMs;
      return {
        refusal: last,
        context: {
          window: server().settings.window,
          maxFailures: server().settings.maxFailures,
          ...(offset === 0 ? {} : { phoneClockOffsetMs: offset }),
        },
      };
    },
    stop: () => {
      clientArea.stop();
      phone.stop();
    },
  };
}
