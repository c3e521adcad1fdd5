/**
 * The UI strings the custom element needs at run time. The screens file (Screens.astro) carries
 * them from src/i18n/en.json in a `data-strings` attribute, so the script bundle has no copy.
 */
import { format } from '../../i18n/format';

export const ELEMENT_STRINGS = [
  'sim.toolbar.pause',
  'sim.toolbar.resume',
  'sim.toolbar.paused',
  'sim.toolbar.pausedBadge',
  'sim.toolbar.pausedText',
  'sim.toolbar.resumed',
  'sim.toolbar.resetDone',
  'sim.guide.progress',
  'sim.guide.done',
  'sim.ca.copied',
  'sim.ca.copyFailed',
  'sim.ca.downloaded',
  'sim.ca.saveFirst',
  'sim.ca.forgotUnavailable',
  'sim.ca.notCovered',
  'sim.ca.backupFileIntro',
  'sim.phone.secondsLeft',
  'sim.phone.remove',
  'sim.phone.clockOff',
  'sim.phone.googleAccount',
  'sim.phone.noGoogle',
  'sim.announce.newCode',
  'sim.announce.accountAdded',
  'sim.announce.installed',
  'sim.announce.codeAccepted',
  'sim.announce.complete',
] as const;

export type ElementStringKey = (typeof ELEMENT_STRINGS)[number];
export type ElementStrings = Record<ElementStringKey, string>;

export type Translate = (key: ElementStringKey, values?: Record<string, string | number>) => string;

/** Reads a `data-strings` attribute; a key missing from it shows as the key (visible in tests). */
export function translator(json: string | undefined): Translate {
  let strings: Partial<ElementStrings> = {};
  try {
    strings = JSON.parse(json ?? '{}') as Partial<ElementStrings>;
  } catch {
    strings = {};
  }
  return (key, values) => format(strings[key] ?? key, values);
}
