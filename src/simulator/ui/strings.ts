/**
 * The UI strings the custom element needs at run time. Simulator.astro copies them from
 * src/i18n/en.json into the element's `data-strings`, so the script bundle carries no copy.
 */
export const ELEMENT_STRINGS = [
  'sim.toolbar.pause',
  'sim.toolbar.resume',
  'sim.toolbar.paused',
  'sim.toolbar.resumed',
  'sim.toolbar.resetDone',
  'sim.guide.progress',
  'sim.guide.done',
  'sim.guide.savedBackupHint',
  'sim.ca.copied',
  'sim.ca.copyFailed',
  'sim.ca.downloaded',
  'sim.ca.saveFirst',
  'sim.ca.forgotUnavailable',
  'sim.ca.backupFileIntro',
  'sim.ca.lockedCountdown',
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

export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
