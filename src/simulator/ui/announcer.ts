/**
 * The simulator's one polite live region. Messages said in the same moment are joined, and the
 * region is cleared first, so the same message twice is announced twice.
 */
import type { Announcement } from '../machine/changes';
import type { Translate } from './strings';

export type Announce = (text: string) => void;

export function createAnnouncer(region: Element | null): Announce {
  let queued: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text) => {
    if (!region || text === '') return;
    queued.push(text);
    region.textContent = '';
    clearTimeout(timer);
    timer = setTimeout(() => {
      region.textContent = queued.join(' ');
      queued = [];
    }, 50);
  };
}

/** The words for what the engine says is worth announcing. */
export function phrase(announcement: Announcement, t: Translate): string {
  switch (announcement.type) {
    case 'result':
    case 'phone-error':
      return announcement.message;
    case 'code-accepted':
      return t('sim.announce.codeAccepted');
    case 'save-first':
      return t('sim.ca.saveFirst');
    case 'installed':
      return t('sim.announce.installed');
    case 'account-added':
      return t('sim.announce.accountAdded');
    case 'new-code':
      return t('sim.announce.newCode');
    case 'complete':
      return t('sim.announce.complete');
  }
}
