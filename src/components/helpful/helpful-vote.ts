/**
 * <helpful-vote>: upgrades the server-rendered "Was this answer helpful?" block.
 * Without JavaScript the question stays hidden and a plain line says why; the script swaps them.
 *
 * The vote is kept on this device (vote-store.ts). With a collector configured
 * (data-feedback-url) and a browser that does not ask not to be tracked (GPC / DNT), it is also
 * sent: vote-sender.ts, fetched when the reader votes, posts it and shows the new count. After
 * "No" a short follow-up asks why, and "Still need help?" moves up into the vote.
 */
import { asksNotToTrack, createVoteStore, type Vote } from './vote-store';

type Sender = typeof import('./vote-sender');

class HelpfulVote extends HTMLElement {
  connectedCallback() {
    const data = this.dataset;
    const article = data['article'];
    const form = this.querySelector<HTMLElement>('[data-vote-form]');
    const status = this.querySelector<HTMLElement>('[data-vote-status]');
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('button[data-vote]')];
    if (!article || !form || !status || buttons.length === 0) return;
    const followUp = this.querySelector<HTMLFormElement>('[data-follow-up]');
    const afterNo = this.querySelector<HTMLElement>('[data-support="after-no"]');
    const articleEnd = document.querySelector<HTMLElement>('[data-support="article-end"]');

    const quiet = asksNotToTrack(navigator, window as { doNotTrack?: string });
    const canSend = Boolean(data['feedbackUrl'] && data['sender']) && !quiet;
    if (data['feedbackUrl'] && quiet) this.querySelector('[data-privacy-note]')?.removeAttribute('hidden');
    const store = createVoteStore({ article, storage: () => window.localStorage });
    let sender: Promise<Sender> | undefined;
    // Fetched by address, not bundled: a bundled import() would add Vite's preload helper here.
    const load = () => (sender ??= import(/* @vite-ignore */ data['sender']!) as Promise<Sender>);
    const send = (vote: Vote) =>
      load().then(
        (module) => module.send(this, store, vote),
        () => null,
      );

    const show = (vote: Vote | null, note = '') => {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset['vote'] === vote));
      status.textContent = vote === null ? '' : `${data[vote === 'yes' ? 'thanksYes' : 'thanksNo']} ${note}`.trim();
      // After "No": the ways forward, here, instead of at the end of the article.
      if (afterNo && articleEnd) {
        afterNo.hidden = vote !== 'no';
        articleEnd.hidden = vote === 'no';
      }
    };

    for (const button of buttons) {
      button.addEventListener('click', () => {
        const vote = button.dataset['vote'] === 'yes' ? 'yes' : 'no';
        show(vote, store.record(vote).kept ? '' : data['notKept']);
        if (followUp) followUp.hidden = !(canSend && vote === 'no');
        if (canSend) void send(vote);
      });
    }
    followUp?.addEventListener('submit', (event) => {
      event.preventDefault();
      void load().then((module) => module.sendFollowUp(this, store, followUp));
    });

    const saved = store.saved();
    show(saved?.vote ?? null);
    // A vote the collector never acknowledged (it could not be reached) goes out now.
    if (saved && !saved.sent && canSend) void send(saved.vote);
    form.hidden = false;
    this.querySelector('[data-vote-unavailable]')?.setAttribute('hidden', '');

    // Articles with a simulator: its events go to the collector too (SimulatorBeacon.astro).
    const beacon = document.querySelector<HTMLElement>('[data-simulator-beacon]')?.dataset;
    if (!canSend || !beacon?.['runtime']) return;
    const backlog: Event[] = []; // the simulators' first events, while the beacon loads
    const hold = (event: Event) => backlog.push(event);
    const types = ['simulator:step', 'simulator:refusal', 'simulator:complete'];
    for (const type of types) document.addEventListener(type, hold);
    void (import(/* @vite-ignore */ beacon['runtime']) as Promise<typeof import('./simulator-beacon')>).then(
      ({ startSimulatorBeacon }) => {
        for (const type of types) document.removeEventListener(type, hold);
        startSimulatorBeacon(
          { url: new URL('api/events', new URL(data['feedbackUrl']!, location.href)).href, article },
          backlog,
        );
      },
      () => {}, // no beacon: the simulators work as before and nothing is sent
    );
  }
}

if (!customElements.get('helpful-vote')) customElements.define('helpful-vote', HelpfulVote);
