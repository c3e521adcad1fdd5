/**
 * Public API of the 2FA simulator engine (no DOM): what the UI's custom element and the training
 * pages use. See README.md beside this file.
 */
export { createSimulation, type Simulation, type SimulationOptions, type ScanResult } from './machine/simulation';
export { STEPS, isStep, type Step } from './machine/steps';
export { SCENARIOS, isScenarioId, type Scenario, type ScenarioId } from './machine/scenarios';
export {
  viewClientArea,
  viewPhone,
  SCREENS,
  DIALOGS,
  SIGNED_OUT_SCREENS,
  addressOf,
  isDialog,
  isSignedIn,
  pageOf,
  type ClientAreaView,
  type Dialog,
  type Page,
  type PhoneView,
  type ResultView,
  type Screen,
} from './machine/view';
export {
  changesBetween,
  codeMatters,
  progressSince,
  type Announcement,
  type Changes,
  type FreshField,
  type SimulatorState,
} from './machine/changes';
export {
  FOLLOW_ONS,
  followOnsFor,
  guideFor,
  guideState,
  markedStep,
  markerTargets,
  TARGETS,
  type FollowOn,
  type GuideState,
  type GuideStepId,
  type Target,
} from './machine/guide';
export {
  clientAreaMachine,
  type ClientAreaEvent,
  type ClientAreaMachine,
  type LastResult,
  type ResultSource,
} from './machine/client-area-machine';
export {
  phoneMachine,
  PHONE_STEPS,
  type PhoneEvent,
  type PhoneMachine,
  type PhoneScreen,
  type PhoneStep,
} from './phone/phone-machine';
export { codeAt as phoneCode, createSyncStore, type PhoneAccount, type ShownCode, type SyncStore } from './phone/phone';
export { MESSAGES } from './client-area/messages';
export { DEMO_CUSTOMER, SECURITY_QUESTIONS, type Customer, type Settings } from './client-area/data';
export type { Refusal, RefusalKind, ServerState } from './client-area/server';
export { normaliseCode } from './otp/normalise';
export { normaliseBackupCode, formatBackupCode } from './otp/backup-code';
export { checkSetupKey, groupInFours } from './otp/base32';
export { renderQrSvg } from './otp/qr';
export { secondsLeftAt, PERIOD_SECONDS, PERIOD_MS } from './otp/totp';
export {
  systemClock,
  cryptoRandom,
  seededRandom,
  isSeed,
  SEED_PATTERN,
  type Clock,
  type RandomSource,
  type SimClock,
} from './env';
