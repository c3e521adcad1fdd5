/**
 * <helpful-vote>: upgrades the server-rendered "Was this answer helpful?" block.
 * Without JavaScript the question stays hidden and a plain line says why; the script swaps them.
 */
import { createVoteStore, type Vote } from './vote-store';

class HelpfulVote extends HTMLElement {
  connectedCallback() {
    const article = this.dataset['article'];
    const form = this.querySelector<HTMLElement>('[data-vote-form]');
    const status = this.querySelector<HTMLElement>('[data-vote-status]');
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('button[data-vote]')];
    if (!article || !form || !status || buttons.length === 0) return;

    const store = createVoteStore({
      article,
      storage: () => window.localStorage,
      feedbackUrl: this.dataset['feedbackUrl'],
      beacon: typeof navigator.sendBeacon === 'function' ? (url, body) => navigator.sendBeacon(url, body) : undefined,
    });

    const show = (vote: Vote | null, kept = true) => {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset['vote'] === vote));
      const message = vote === null ? '' : (this.dataset[vote === 'yes' ? 'thanksYes' : 'thanksNo'] ?? '');
      status.textContent = kept ? message : `${message} ${this.dataset['notKept'] ?? ''}`.trim();
    };

    for (const button of buttons) {
      button.addEventListener('click', () => {
        const vote = button.dataset['vote'] === 'yes' ? 'yes' : 'no';
        const { kept } = store.record(vote);
        show(vote, kept);
      });
    }
    show(store.saved());
    form.hidden = false;
    const unavailable = this.querySelector<HTMLElement>('[data-vote-unavailable]');
    if (unavailable) unavailable.hidden = true;
  }
}

if (!customElements.get('helpful-vote')) customElements.define('helpful-vote', HelpfulVote);
