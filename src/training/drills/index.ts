/**
 * The support training drills, one per file in this folder, in the order the training page lists
 * them. Each drill page (/training/<id>/) shows the customer's
 * words, the objectives, the simulator at `start` with the `scenario` preset, hints and choice
 * questions. Objectives are judged from the engine's state (`judge.ts`). `correctPath` and
 * `wrongPath` document how a drill is solved and how it typically goes wrong; the unit tests
 * play both over the engine for every drill, so a drill added here is tested automatically.
 *
 * Adding a drill: copy a file here, give it a new `id` (the page's slug) and file name, keep
 * `keyObjective` pointing at one of its objectives, add it to `DRILLS` below, and run
 * `npx vitest run tests/unit/training`.
 */
import { happyPath } from './happy-path';
import { everyCodeRejected } from './every-code-rejected';
import { codeTypedTooLate } from './code-typed-too-late';
import { oldQrAfterReopening } from './old-qr-after-reopening';
import { staleLookAlikeEntry } from './stale-look-alike-entry';
import { manualKeyMistyped } from './manual-key-mistyped';
import { lostPhoneBackupCode } from './lost-phone-backup-code';
import { newPhoneSameGoogle } from './new-phone-same-google';
import { newPhoneOtherGoogle } from './new-phone-other-google';
import { securityQuestionLoop } from './security-question-loop';
import { loginRefusals } from './login-refusals';
import { unverifiedCaller } from './unverified-caller';
import type { Drill } from '../types';

export { mistypeKey } from './manual-key-mistyped';

export const DRILLS: readonly Drill[] = [
  happyPath,
  everyCodeRejected,
  codeTypedTooLate,
  oldQrAfterReopening,
  staleLookAlikeEntry,
  manualKeyMistyped,
  lostPhoneBackupCode,
  newPhoneSameGoogle,
  newPhoneOtherGoogle,
  securityQuestionLoop,
  loginRefusals,
  unverifiedCaller,
];

export function drillById(id: string): Drill | undefined {
  return DRILLS.find((drill) => drill.id === id);
}
