/**
 * The "Was this answer helpful?" vote: kept on this device per article, optionally sent to the
 * site owner's feedback endpoint. Storage and the network are injected so the rules can be
 * tested without a browser.
 */

export type Vote = 'yes' | 'no';

/** The part of `Storage` we use; `null` when the browser refuses storage altogether. */
export interface VoteStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Beacon = (url: string, body: Blob) => boolean;

export const storageKey = (article: string) => `helpful-vote:v1:${article}`;

function isVote(value: unknown): value is Vote {
  return value === 'yes' || value === 'no';
}

export interface VoteStore {
  /** The vote saved earlier on this device, if any (anything else stored is ignored). */
  saved(): Vote | null;
  /** Records a vote. Returns `kept: false` when it could only be remembered for this page view. */
  record(vote: Vote): { kept: boolean; sent: boolean };
}

export function createVoteStore(options: {
  article: string;
  storage: () => VoteStorage | null;
  feedbackUrl?: string | undefined;
  beacon?: Beacon | undefined;
}): VoteStore {
  const key = storageKey(options.article);
  let inMemory: Vote | null = null;

  function storage(): VoteStorage | null {
    try {
      return options.storage();
    } catch {
      return null; // e.g. a SecurityError when site data is blocked
    }
  }

  return {
    saved() {
      if (inMemory) return inMemory;
      try {
        const value = storage()?.getItem(key);
        return isVote(value) ? value : null;
      } catch {
        return null;
      }
    },
    record(vote) {
      inMemory = vote;
      let kept = false;
      try {
        const target = storage();
        if (target) {
          target.setItem(key, vote);
          kept = true;
        }
      } catch {
        kept = false; // blocked or full: the vote still counts for this page view
      }
      let sent = false;
      if (options.feedbackUrl && options.beacon) {
        const body = new Blob([JSON.stringify({ article: options.article, helpful: vote === 'yes' })], {
          type: 'application/json',
        });
        try {
          sent = options.beacon(options.feedbackUrl, body);
        } catch {
          sent = false;
        }
      }
      return { kept, sent };
    },
  };
}
