/**
 * The simulator's own controls. Pause: while paused the button offers Resume and a "Paused"
 * badge shows with what pausing does (the engine's `SimClock`, src/simulator/env.ts). Start over:
 * when it would lose the reader's progress it asks first, in a confirmation inside the simulator
 * (not `window.confirm`): focus moves to its Cancel, the rest of the simulator is inert until it
 * is answered, Escape cancels, and focus returns to Start over.
 */
import { sel } from './contract';
import { one, setHidden, setText } from './dom';
import type { Translate } from './strings';

/** Shows whether the simulator is paused: the button's words and the badge with its explanation. */
export function renderPaused(root: HTMLElement, paused: boolean, t: Translate): void {
  setText(one(root, sel.action('pause')), t(paused ? 'sim.toolbar.resume' : 'sim.toolbar.pause'));
  setHidden(one(root, sel.part('paused')), !paused);
}

/** What a screen reader hears on pausing: the same words the badge and its explanation show. */
export const pausedAnnouncement = (t: Translate): string =>
  t('sim.toolbar.paused', { badge: t('sim.toolbar.pausedBadge'), explanation: t('sim.toolbar.pausedText') });

/** The parts that wait while the confirmation is open: everything the reader could change. */
const WAITING = [sel.part('controls'), sel.part('guide'), sel.part('stage')];

export class ResetConfirm {
  constructor(private readonly root: HTMLElement) {}

  get #panel(): HTMLElement | null {
    return one<HTMLElement>(this.root, sel.part('confirm'));
  }

  get isOpen(): boolean {
    const panel = this.#panel;
    return panel !== null && !panel.hidden;
  }

  open(): void {
    const panel = this.#panel;
    if (!panel || this.isOpen) return;
    this.#wait(true);
    setHidden(panel, false);
    panel.addEventListener('keydown', this.#onKeydown);
    one<HTMLElement>(panel, sel.action('reset-cancel'))?.focus();
  }

  /** Closes the confirmation (answered either way) and gives focus back to Start over. */
  close(): void {
    const panel = this.#panel;
    if (!panel || !this.isOpen) return;
    panel.removeEventListener('keydown', this.#onKeydown);
    setHidden(panel, true);
    this.#wait(false);
    one<HTMLElement>(this.root, sel.action('reset'))?.focus();
  }

  #wait(waiting: boolean): void {
    for (const selector of WAITING) {
      const part = one<HTMLElement>(this.root, selector);
      if (part) part.inert = waiting;
    }
  }

  /** Keys inside the confirmation are its own: Escape cancels; the windows behind never hear them. */
  #onKeydown = (event: KeyboardEvent): void => {
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.close();
  };
}
