/**
 * The simulator's one polite live region. Messages said in the same moment are joined, and the
 * region is cleared first, so the same message twice is announced twice.
 */
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
