/**
 * The UI strings the training scripts need at run time. The .astro components copy them from
 * src/i18n/en.json into `data-strings`, so the scripts carry no copy of the text.
 */
import { SCREENS } from '../../simulator/machine/view';
import type { SuccessKind } from '../../training/types';

const RESULTS = [
  'signed-in',
  'second-factor-required',
  'signed-out',
  'question-saved',
  'enrollment-started',
  'enrollment-cancelled',
  'enabled',
  'backup-login',
  'disabled',
] as const satisfies readonly SuccessKind[];

export const DRILL_STRINGS = [
  'training.objective.done',
  'training.objective.todo',
  'training.choice.pickFirst',
  'training.choice.right',
  'training.choice.wrong',
  'training.hint.button',
  'training.hint.none',
  'training.hint.offer',
  'training.hint.announce',
  'training.customerBackup',
  'training.hood.pending',
  'training.hood.enabled',
  'training.hood.noSecret',
  'training.hood.noCode',
  'training.hood.window',
  'training.hood.windowNow',
  'training.hood.ahead',
  'training.hood.behind',
  'training.hood.clockRight',
  'training.hood.backupNone',
  'training.hood.backupUnused',
  'training.hood.backupUsed',
  'training.hood.noRefusal',
  'training.hood.state',
  'training.event.start',
  'training.event.restart',
  'training.event.refusal',
  'training.event.screen',
  'training.event.installed',
  'training.event.accountAdded',
  'training.event.accountRemoved',
  'training.event.phoneClock',
  'training.event.phoneRefusal',
  'training.event.hint',
  'training.event.hintOffered',
  'training.event.choiceRight',
  'training.event.choiceWrong',
  'training.event.objective',
  'training.event.complete',
  'training.summary.yes',
  'training.summary.no',
  'training.summary.time',
  'training.summary.points',
  'training.summary.started',
  'training.announce.objective',
  'training.announce.complete',
  ...SCREENS.map((screen) => `training.screen.${screen}` as const),
  ...RESULTS.map((kind) => `training.result.${kind}` as const),
] as const;

export type DrillStringKey = (typeof DRILL_STRINGS)[number];

export const PROGRESS_STRINGS = [
  'training.progress.started',
  'training.progress.completed',
  'training.progress.notStarted',
] as const;

export type ProgressStringKey = (typeof PROGRESS_STRINGS)[number];
