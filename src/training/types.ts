/**
 * The shapes the training section shares: a drill (data, one file each in `drills/`), what a trainee did
 * (`TimelineEntry`, recorded by `session.ts`) and the state objectives are judged on.
 *
 * Only types: importing this file adds nothing to a page's script. Engine types come from the
 * engine's own files, so the training pages never bundle the engine (the simulator's runtime,
 * loaded lazily by `<twofa-simulator>`, is the only copy in the browser).
 */
import type { ClientAreaEvent } from '../simulator/machine/client-area-machine';
import type { ScenarioId } from '../simulator/machine/scenarios';
import type { Simulation } from '../simulator/machine/simulation';
import type { Step } from '../simulator/machine/steps';
import type { ClientAreaView, PhoneView, Screen } from '../simulator/machine/view';
import type { PhoneEvent } from '../simulator/phone/phone-machine';
import type { RefusalKind, ServerState, SuccessKind } from '../simulator/client-area/server';

export type { ClientAreaEvent, PhoneEvent, RefusalKind, Screen, ServerState, SuccessKind };

/** What a drill needs of a running simulation (a subset of the engine's `Simulation`). */
export type DrillSimulation = Pick<
  Simulation,
  'clientArea' | 'phone' | 'view' | 'phoneView' | 'server' | 'lastRefusal' | 'scanCurrentQr' | 'savedBackupCode'
>;

/** One thing the trainee (or the simulation) did, stamped with the injected clock's time (ms). */
export type TimelineEntry =
  | { readonly at: number; readonly type: 'start' }
  /** "Start over" in the simulator: a fresh simulation, same seed. */
  | { readonly at: number; readonly type: 'restart' }
  /** The client area accepted something (logged in, enabled 2FA...). */
  | { readonly at: number; readonly type: 'result'; readonly kind: SuccessKind }
  /** The client area refused something; `expected` when it reproduces the drill's problem (first time). */
  | {
      readonly at: number;
      readonly type: 'refusal';
      readonly kind: RefusalKind;
      readonly message: string;
      /** Why, in plain words (`explainLastRefusal`), when an explainer was given. */
      readonly explanation: string | null;
      readonly expected: boolean;
    }
  | { readonly at: number; readonly type: 'screen'; readonly screen: Screen }
  | { readonly at: number; readonly type: 'installed' }
  | { readonly at: number; readonly type: 'account-added'; readonly name: string }
  | { readonly at: number; readonly type: 'account-removed'; readonly name: string }
  | { readonly at: number; readonly type: 'phone-clock'; readonly offsetMs: number }
  /** The phone refused a scan or a typed key. */
  | { readonly at: number; readonly type: 'phone-refusal'; readonly message: string }
  | { readonly at: number; readonly type: 'hint'; readonly index: number }
  | { readonly at: number; readonly type: 'hint-offered' }
  | {
      readonly at: number;
      readonly type: 'choice';
      readonly question: string;
      readonly option: number;
      readonly correct: boolean;
    }
  | { readonly at: number; readonly type: 'objective'; readonly id: string }
  | { readonly at: number; readonly type: 'complete' };

export type TimelineType = TimelineEntry['type'];

/**
 * What objectives are judged on: the engine's views and server state, and the timeline of the
 * current attempt (plus every answer to a choice question, which survive "Start over").
 */
export interface DrillState {
  readonly view: ClientAreaView;
  readonly phone: PhoneView;
  readonly server: ServerState;
  readonly events: readonly TimelineEntry[];
}

export interface Objective {
  /** Unique within the drill; used in the timeline and the tests. */
  readonly id: string;
  readonly text: string;
  /** Judged from the engine's state, never from which buttons were pressed. Once true, it stays done. */
  readonly done: (state: DrillState) => boolean;
}

export interface ChoiceOption {
  readonly text: string;
  readonly correct: boolean;
  /** Shown after the trainee checks this option: why it is right, or why it is not. */
  readonly explanation: string;
}

/** Advice the trainee gives the customer, picked from options (radio group + "Check"). */
export interface ChoiceQuestion {
  readonly id: string;
  readonly prompt: string;
  readonly options: readonly ChoiceOption[];
}

/**
 * A step of a documented path through a drill (for the tests, which play it over the engine):
 * an event for the client area or the phone (or a function of the simulation that builds one,
 * e.g. "type the code the phone shows"), a camera scan, time passing, an answer, a hint.
 * `remember` notes the newest code on the phone; `typed` in a later step is that code.
 */
export type PathEventOf<E> = E | ((sim: DrillSimulation, typed: string) => E);

export type PathStep =
  | { readonly do: 'client'; readonly event: PathEventOf<ClientAreaEvent> }
  | { readonly do: 'phone'; readonly event: PathEventOf<PhoneEvent> }
  | { readonly do: 'scan' }
  | { readonly do: 'remember' }
  | { readonly do: 'wait'; readonly ms: number }
  | { readonly do: 'choose'; readonly question: string; readonly option: number }
  | { readonly do: 'hint' };

export type Difficulty = 1 | 2 | 3;

export interface Drill {
  /** The page's slug: /training/<id>/. */
  readonly id: string;
  readonly title: string;
  /** What the customer says, in their words (shown as a quote). */
  readonly customer: string;
  /** What the trainee should achieve, one sentence (shown in the list). */
  readonly goal: string;
  readonly difficulty: Difficulty;
  readonly minutes: number;
  /** Where the simulator starts and which engine preset it uses. */
  readonly start: Step;
  readonly scenario: ScenarioId;
  /** Show the backup code the customer wrote down (they have it at hand). */
  readonly customerHasBackupCode?: boolean;
  readonly objectives: readonly Objective[];
  /** The objective a typical wrong path fails (the tests check it stays undone). */
  readonly keyObjective: string;
  /** Ordered: the first is a nudge, the last nearly gives the answer. */
  readonly hints: readonly string[];
  readonly choices: readonly ChoiceQuestion[];
  /**
   * Refusals that reproduce the customer's problem: the first of each kind is part of the drill,
   * not a mistake. The same refusal again counts as one (and towards offering a hint).
   */
  readonly expectedRefusals: readonly RefusalKind[];
  /** The documented correct way through (all objectives done at the end). */
  readonly correctPath: readonly PathStep[];
  /** A typical wrong way (the key objective stays undone). */
  readonly wrongPath: readonly PathStep[];
}
