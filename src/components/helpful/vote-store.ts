/**
 * The "Was this answer helpful?" vote on this device: per article, the vote, a random id this
 * device made for that article (so the collector counts one vote per reader and per article,
 * and can let it change, without anything linking one article's vote to another's) and whether
 * the collector has it yet. Storage, randomness and the network are injected so the rules are
 * tested without a browser (tests/unit/vote-store.test.ts).
 */

export type Vote = 'yes' | 'no';

/** The part of `Storage` we use; `null` when the browser refuses storage altogether. */
export interface VoteStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SavedVote {
  vote: Vote;
  voter: string;
  /** The collector acknowledged this vote (false: send it again on the next visit). */
  sent: boolean;
}

export const storageKey = (article: string) => `helpful-vote:v2:${article}`;

const isVote = (value: unknown): value is Vote => value === 'yes' || value === 'no';
const VOTER = /^[A-Za-z0-9_-]{16,64}$/;

/** 128 random bits as hex, from the CSPRNG (works outside secure contexts, unlike randomUUID). */
export function randomId(bytes: () => Uint8Array = () => crypto.getRandomValues(new Uint8Array(16))): string {
  return Array.from(bytes(), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface VoteStore {
  /** The vote saved earlier on this device, if any (anything malformed is ignored). */
  saved(): SavedVote | null;
  /** Records a vote. `kept: false` when it could only be remembered for this page view. */
  record(vote: Vote): { kept: boolean; saved: SavedVote };
  /** Notes that the collector has the current vote. */
  markSent(): void;
}

export function createVoteStore(options: {
  article: string;
  storage: () => VoteStorage | null;
  newId?: () => string;
}): VoteStore {
  const key = storageKey(options.article);
  let inMemory: SavedVote | null = null;

  function storage(): VoteStorage | null {
    try {
      return options.storage();
    } catch {
      return null; // e.g. a SecurityError when site data is blocked
    }
  }

  function read(): SavedVote | null {
    try {
      const value = JSON.parse(storage()?.getItem(key) ?? 'null') as Partial<SavedVote> | null;
      return value && isVote(value.vote) && typeof value.voter === 'string' && VOTER.test(value.voter)
        ? { vote: value.vote, voter: value.voter, sent: value.sent === true }
        : null;
    } catch {
      return null;
    }
  }

  function write(value: SavedVote): boolean {
    try {
      const target = storage();
      if (!target) return false;
      target.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false; // blocked or full: the vote still counts for this page view
    }
  }

  return {
    saved() {
      return (inMemory ??= read());
    },
    record(vote) {
      const voter = this.saved()?.voter ?? (options.newId ?? randomId)();
      inMemory = { vote, voter, sent: false };
      return { kept: write(inMemory), saved: inMemory };
    },
    markSent() {
      if (!inMemory) return;
      inMemory = { ...inMemory, sent: true };
      write(inMemory);
    },
  };
}

/** Global Privacy Control or Do Not Track: the reader asked not to be tracked; send nothing. */
export function asksNotToTrack(
  nav: Navigator & { globalPrivacyControl?: boolean },
  win?: { doNotTrack?: string },
): boolean {
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1' || win?.doNotTrack === '1';
}
