/**
 * The client area's windows as a keyboard and screen-reader user meets them: focus moves into a
 * window when it opens and back to the button that opened it when it closes; Tab stays inside
 * (the phone and the simulator's controls included: the reader needs them); Escape and the
 * browser's Back close it the way the window itself closes (`dialog.close`, in the machine).
 */
import type { ClientAreaEvent } from '../machine/client-area-machine';
import type { Changes, SimulatorState } from '../machine/changes';
import { isDialog, type Screen } from '../machine/view';
import { sel } from './contract';
import { all, focusables, inViewport, isShown, scrollBehavior } from './dom';

type HistoryState = { twofaSimulator?: string } | null;

export class Dialogs {
  #opener: HTMLElement | null = null;
  #historyEntry = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly send: (event: ClientAreaEvent) => void,
    private readonly state: () => SimulatorState | null,
  ) {}

  /** A button that opens a window was pressed: focus comes back to it. */
  noteOpener(button: HTMLElement): void {
    if (button.matches(sel.opener)) this.#opener = button;
  }

  /** After a render: focus, history and the backup-code reminder follow what changed. */
  follow(changes: Changes): void {
    if (changes.announce.some((a) => a.type === 'save-first'))
      this.root.querySelector<HTMLElement>(sel.toggle('backup-saved'))?.focus();
    const { screen } = changes;
    if (!screen) return;
    if (isDialog(screen.to)) this.#pushHistory();
    else if (isDialog(screen.from)) this.#popHistory();
    this.#focusFor(screen.to, screen.from);
  }

  onKeydown = (event: KeyboardEvent): void => {
    const view = this.state()?.view;
    if (!view) return;
    if (event.key === 'Escape') {
      if (view.menuOpen) {
        this.send({ type: 'menu.close' });
        this.root.querySelector<HTMLElement>(sel.target('menu'))?.focus();
        event.preventDefault();
      } else if (view.dialog) {
        this.send({ type: 'dialog.close' });
        event.preventDefault();
      }
      return;
    }
    if (event.key === 'Tab' && view.dialog) this.#trapTab(event, view.dialog);
  };

  /** Browser Back while a window is open closes it, like the window's own Close. */
  onPopState = (): void => {
    if (!this.#historyEntry) return;
    this.#historyEntry = false;
    if (!this.state()?.view.dialog) return;
    this.send({ type: 'dialog.close' });
    // The backup-code window stays until the code is saved: keep its history entry too.
    if (this.state()?.view.dialog) this.#pushHistory();
  };

  /** Start over: leave the history entry of a window that was open. */
  reset(): void {
    this.#popHistory();
    this.#opener = null;
  }

  /**
   * While a window is open, Tab cycles through the window, the phone (and its dock) and the
   * simulator's own controls; nothing behind the window is reachable.
   */
  #trapTab(event: KeyboardEvent, dialog: Screen): void {
    const parts = [sel.screen(dialog), sel.part('phone'), sel.part('dock'), sel.part('controls')];
    const order = parts.flatMap((selector) => {
      const part = this.root.querySelector(selector);
      // Only what is drawn: the phone's dock is there only on narrow screens (simulator.css).
      return part ? focusables(part).filter((element) => element.getClientRects().length > 0) : [];
    });
    if (order.length === 0) return;
    const index = order.indexOf(document.activeElement as HTMLElement);
    const next = event.shiftKey
      ? index <= 0
        ? order.length - 1
        : index - 1
      : index === -1 || index === order.length - 1
        ? 0
        : index + 1;
    event.preventDefault();
    order[next]?.focus();
  }

  #focusFor(screen: Screen, previous: Screen): void {
    if (isDialog(previous) && !isDialog(screen)) {
      // The opener may be gone (2FA was just turned on or off): the card's other button took its place.
      const opener = this.#opener && isShown(this.#opener) ? this.#opener : all(this.root, sel.opener).find(isShown);
      if (opener) return opener.focus();
    }
    const heading = this.root.querySelector<HTMLElement>(`${sel.screen(screen)} h3`);
    if (!isDialog(screen)) return heading?.focus();
    if (!heading) return;
    heading.focus({ preventScroll: true });
    const body = this.root.querySelector(`${sel.screen(screen)} ${sel.part('dialog-body')}`);
    const first = body ? focusables(body)[0] : undefined;
    if (first) reveal(heading, first);
  }

  #pushHistory(): void {
    if (this.#historyEntry) return;
    history.pushState({ ...(history.state as object | null), twofaSimulator: this.root.id }, '');
    this.#historyEntry = true;
  }

  #popHistory(): void {
    if (!this.#historyEntry) return;
    this.#historyEntry = false;
    if ((history.state as HistoryState)?.twofaSimulator === this.root.id) history.back();
  }
}

/**
 * A window opens at the top of the client area, which on a phone may be out of the reader's
 * view: bring its heading and its first control into view (the heading at the top when both
 * fit, else the control), smoothly unless the reader asks for reduced motion.
 */
function reveal(heading: HTMLElement, first: HTMLElement): void {
  if (inViewport(heading) && inViewport(first)) return;
  const behavior = scrollBehavior();
  const span = first.getBoundingClientRect().bottom - heading.getBoundingClientRect().top;
  if (span < window.innerHeight * 0.8) heading.scrollIntoView({ block: 'start', behavior });
  else first.scrollIntoView({ block: 'end', behavior });
}
