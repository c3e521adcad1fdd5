/**
 * <training-drill>: binds a drill page (TrainingDrill.astro) to a training session. It waits for
 * the simulator's `simulator:ready` (the runtime loads lazily, and fires it again after "Start
 * over"), then renders what the session says: objectives, timeline, hints, answers, the
 * summary; and, for trainers, "Under the hood" once a second while it is open. All judging is
 * in src/training/; this file only moves text in and out of the DOM and announces changes
 * through one polite live region.
 */
import { choiceOrder } from '../../training/choice-order';
import { drillById } from '../../training/drills/index';
import { clockTime, underTheHood, type HoodView } from '../../training/hood';
import { createProgressStore } from '../../training/progress';
import { createSession, type Session, type SessionState } from '../../training/session';
import { explainLastRefusal } from '../../simulator/trainer';
import { isSeed } from '../../simulator/env';
import { groupInFours } from '../../simulator/otp/base32';
import type { Simulation } from '../../simulator/machine/simulation';
import { format } from '../../i18n/format';
import type { Drill, TimelineEntry } from '../../training/types';
import type { DrillStringKey } from './strings';

type SimulatorElement = HTMLElement & { readonly simulation?: Simulation | null };

/** "1:05" */
const elapsed = (ms: number) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

class TrainingDrill extends HTMLElement {
  #drill: Drill | undefined;
  #strings: Partial<Record<DrillStringKey, string>> = {};
  #session: Session | null = null;
  #sim: Simulation | null = null;
  #progress = createProgressStore(() => window.localStorage);
  #hoodTimer: number | undefined;
  #shownEntries = 0;
  #done = new Set<string>();
  #finished = false;
  #pending: string[] = [];

  connectedCallback(): void {
    if (this.#session) return;
    this.#drill = drillById(this.dataset['drill'] ?? '');
    if (!this.#drill) return;
    try {
      this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Partial<Record<DrillStringKey, string>>;
    } catch {
      this.#strings = {};
    }
    this.#session = createSession({
      drill: this.#drill,
      clock: { now: () => Date.now() },
      explain: explainLastRefusal,
    });
    this.#session.subscribe((state) => this.#render(state));
    this.#progress.markStarted(this.#drill.id, Date.now());
    this.#part('storage-note').forEach((note) => (note.hidden = this.#progress.persistent));

    this.addEventListener('simulator:ready', this.#onReady);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('submit', this.#onSubmit);
    // The simulator may have booted before this element was upgraded.
    const simulation = this.querySelector<SimulatorElement>('twofa-simulator')?.simulation;
    if (simulation) this.#attach(simulation);
  }

  disconnectedCallback(): void {
    this.#session?.detach();
    window.clearInterval(this.#hoodTimer);
  }

  #t(key: DrillStringKey, values?: Record<string, string | number>): string {
    return format(this.#strings[key] ?? key, values);
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T[] {
    return [...this.querySelectorAll<T>(`[data-part="${name}"]`)];
  }

  #one<T extends HTMLElement = HTMLElement>(name: string): T | null {
    return this.querySelector<T>(`[data-part="${name}"]`);
  }

  #onReady = (event: Event): void => {
    const simulation = (event as CustomEvent<{ simulation?: Simulation }>).detail?.simulation;
    if (simulation) this.#attach(simulation);
  };

  #attach(simulation: Simulation): void {
    if (simulation === this.#sim || !this.#session) return;
    const first = this.#sim === null;
    this.#sim = simulation;
    this.#session.attach(simulation);
    if (!first) return;
    // The simulator has put the seed into the address by now: this link reproduces the drill,
    // and the choice questions take their order from it (before they are shown).
    this.#orderChoices(new URL(location.href).searchParams.get('seed'));
    for (const part of this.#part('needs-js')) part.hidden = true;
    for (const part of this.#part('live')) part.hidden = false;
    const share = this.#one<HTMLAnchorElement>('share-link');
    if (share) {
      share.href = location.href;
      share.textContent = location.href;
    }
    const again = this.#one<HTMLAnchorElement>('again');
    if (again) again.href = location.href;
    const backup = this.#one('customer-backup');
    const code = simulation.savedBackupCode();
    if (backup && code) {
      backup.textContent = this.#t('training.customerBackup', { code: groupInFours(code) });
      backup.hidden = false;
    }
    this.#renderHint();
    this.#renderHood();
  }

  /** Puts each question's options in the seed's order (choice-order.ts); without a seed, the server's. */
  #orderChoices(seed: string | null): void {
    const drill = this.#drill;
    if (!drill || !seed) return;
    for (const question of drill.choices) {
      const form = this.querySelector(`form[data-choice="${question.id}"]`);
      const fieldset = form?.querySelector('fieldset');
      if (!fieldset) continue;
      const options = choiceOrder(question.options.length, seed, drill.id, question.id).map((index) =>
        fieldset.querySelector(`[data-option="${index}"]`),
      );
      for (const option of options) if (option) fieldset.append(option);
    }
  }

  // ---- input ---------------------------------------------------------------------------------

  #onClick = (event: MouseEvent): void => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!button || !this.contains(button) || button.closest('twofa-simulator')) return;
    switch (button.dataset['action']) {
      case 'hint':
        return this.#useHint();
      case 'hood':
        return this.#toggleHood(button);
      case 'print':
        return window.print();
    }
  };

  #onSubmit = (event: SubmitEvent): void => {
    const form = (event.target as HTMLElement).closest<HTMLFormElement>('form[data-choice]');
    if (!form || !this.#session) return;
    event.preventDefault();
    const question = form.dataset['choice'] ?? '';
    const picked = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    const feedback = form.querySelector<HTMLElement>('[data-part="feedback"]');
    if (!feedback) return;
    const outcome = picked ? this.#session.choose(question, Number(picked.value)) : null;
    const text = outcome
      ? this.#t(outcome.correct ? 'training.choice.right' : 'training.choice.wrong', {
          explanation: outcome.explanation,
        })
      : this.#t('training.choice.pickFirst');
    feedback.textContent = text;
    feedback.hidden = false;
    feedback.dataset['correct'] = String(outcome?.correct ?? false);
    this.#announce(text);
  };

  #useHint(): void {
    const hint = this.#session?.useHint();
    if (!hint) return;
    const item = this.querySelectorAll<HTMLElement>('[data-part="hints"] li')[hint.index];
    if (item) item.hidden = false;
    this.#announce(this.#t('training.hint.announce', { n: hint.index + 1, text: hint.text }));
  }

  #toggleHood(button: HTMLElement): void {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    const panel = this.#one('hood');
    if (panel) panel.hidden = !open;
    window.clearInterval(this.#hoodTimer);
    if (open) this.#hoodTimer = window.setInterval(() => this.#renderHood(), 1000);
    this.#renderHood();
  }

  // ---- output --------------------------------------------------------------------------------

  /** Messages of one moment (an answer and the objective it completes) are read together. */
  #announce(text: string): void {
    const region = this.#one('announce');
    if (!region) return;
    this.#pending.push(text);
    if (this.#pending.length > 1) return;
    // Cleared first so that the same message twice is announced twice.
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = this.#pending.join(' ');
      this.#pending = [];
    }, 50);
  }

  #render(state: SessionState): void {
    for (const objective of state.objectives) {
      const item = this.querySelector<HTMLElement>(`[data-objective="${objective.id}"]`);
      if (!item) continue;
      item.classList.toggle('is-done', objective.done);
      const status = item.querySelector('[data-part="status"]');
      if (status) status.textContent = this.#t(objective.done ? 'training.objective.done' : 'training.objective.todo');
    }
    this.#renderTimeline(state);
    this.#renderHint(state);
    this.#renderHood();
    const fresh = state.objectives.filter((o) => o.done && !this.#done.has(o.id));
    this.#done = new Set(state.objectives.filter((o) => o.done).map((o) => o.id));
    if (state.score && !this.#finished) {
      this.#finished = true;
      this.#renderSummary(state);
    } else if (fresh.length > 0) {
      this.#announce(fresh.map((o) => this.#t('training.announce.objective', { text: o.text })).join(' '));
    }
  }

  #renderTimeline(state: SessionState): void {
    const list = this.#one('timeline');
    if (!list) return;
    if (state.timeline.length < this.#shownEntries) {
      list.replaceChildren();
      this.#shownEntries = 0;
    }
    const start = state.startedAt ?? 0;
    for (const entry of state.timeline.slice(this.#shownEntries)) {
      const item = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = new Date(entry.at).toISOString();
      time.textContent = elapsed(entry.at - start);
      item.append(time, ` ${this.#describe(entry)}`);
      item.dataset['type'] = entry.type;
      list.append(item);
    }
    this.#shownEntries = state.timeline.length;
    const empty = this.#one('timeline-empty');
    if (empty) empty.hidden = state.timeline.length > 0;
  }

  #describe(entry: TimelineEntry): string {
    const drill = this.#drill;
    switch (entry.type) {
      case 'start':
        return this.#t('training.event.start');
      case 'restart':
        return this.#t('training.event.restart');
      case 'result':
        return this.#t(`training.result.${entry.kind}`);
      case 'refusal':
        return this.#t('training.event.refusal', { message: entry.message });
      case 'screen':
        return this.#t('training.event.screen', { screen: this.#t(`training.screen.${entry.screen}`) });
      case 'installed':
        return this.#t('training.event.installed');
      case 'account-added':
        return this.#t('training.event.accountAdded', { name: entry.name });
      case 'account-removed':
        return this.#t('training.event.accountRemoved', { name: entry.name });
      case 'phone-clock':
        return this.#t('training.event.phoneClock', { offset: this.#offset(entry.offsetMs) });
      case 'phone-refusal':
        return this.#t('training.event.phoneRefusal', { message: entry.message });
      case 'hint':
        return this.#t('training.event.hint', { n: entry.index + 1 });
      case 'hint-offered':
        return this.#t('training.event.hintOffered');
      case 'choice': {
        const question = drill?.choices.find((q) => q.id === entry.question);
        const option = question?.options[entry.option]?.text ?? '';
        return this.#t(entry.correct ? 'training.event.choiceRight' : 'training.event.choiceWrong', { option });
      }
      case 'objective':
        return this.#t('training.event.objective', {
          text: drill?.objectives.find((o) => o.id === entry.id)?.text ?? entry.id,
        });
      case 'complete':
        return this.#t('training.event.complete');
    }
  }

  #offset(ms: number): string {
    const seconds = Math.round(ms / 1000);
    if (seconds === 0) return this.#t('training.hood.clockRight');
    return this.#t(seconds > 0 ? 'training.hood.ahead' : 'training.hood.behind', { seconds: Math.abs(seconds) });
  }

  #renderHint(state = this.#session?.state()): void {
    const drill = this.#drill;
    const button = this.#one('hint-button');
    if (!state || !drill || !button) return;
    const left = drill.hints.length - state.hintsUsed;
    const none = left <= 0 || state.score !== null;
    button.textContent = none ? this.#t('training.hint.none') : this.#t('training.hint.button', { left });
    // aria-disabled rather than disabled: the button keeps focus after the last hint.
    if (none) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
    const offer = this.#one('hint-offer');
    if (offer && offer.hidden === state.hintOffered) {
      offer.hidden = !state.hintOffered;
      if (state.hintOffered) this.#announce(this.#t('training.hint.offer'));
    }
  }

  #renderHood(): void {
    const panel = this.#one('hood');
    const sim = this.#sim;
    if (!panel || panel.hidden || !sim || !this.#session) return;
    const hood = underTheHood(sim, this.#session.state().timeline);
    const set = (name: string, text: string) => {
      const field = panel.querySelector(`[data-hood="${name}"]`);
      if (field && field.textContent !== text) field.textContent = text;
    };
    set(
      'state',
      this.#t('training.hood.state', { screen: this.#t(`training.screen.${hood.screen}`), state: hood.machineState }),
    );
    set(
      'secret',
      hood.secret
        ? this.#t(hood.secret.source === 'pending' ? 'training.hood.pending' : 'training.hood.enabled', {
            key: hood.secret.grouped,
          })
        : this.#t('training.hood.noSecret'),
    );
    set('expected', hood.expectedCode ?? this.#t('training.hood.noCode'));
    set('offset', this.#offset(hood.phoneOffsetMs));
    set('backup', this.#backup(hood));
    set('refusal', hood.lastRefusal ?? this.#t('training.hood.noRefusal'));
    const windows = panel.querySelector('[data-hood="windows"]');
    if (windows) {
      const items = hood.windows.map((w) => {
        const item = document.createElement('li');
        const range = {
          delta: w.delta > 0 ? `+${w.delta}` : String(w.delta),
          from: clockTime(w.fromMs),
          to: clockTime(w.toMs),
        };
        item.textContent = this.#t(w.delta === 0 ? 'training.hood.windowNow' : 'training.hood.window', range);
        return item;
      });
      if (items.map((i) => i.textContent).join() !== [...windows.children].map((i) => i.textContent).join())
        windows.replaceChildren(...items);
    }
  }

  #backup(hood: HoodView): string {
    switch (hood.backup.state) {
      case 'none':
        return this.#t('training.hood.backupNone');
      case 'unused':
        return this.#t('training.hood.backupUnused', { code: hood.backup.code ?? '' });
      case 'used':
        return this.#t('training.hood.backupUsed', { code: hood.backup.code ?? '' });
    }
  }

  #renderSummary(state: SessionState): void {
    const score = state.score;
    const drill = this.#drill;
    const summary = this.#one('summary');
    if (!score || !drill || !summary) return;
    const set = (name: string, text: string) => {
      const field = summary.querySelector(`[data-summary="${name}"]`);
      if (field) field.textContent = text;
    };
    set(
      'started',
      this.#t('training.summary.started', { date: new Date(state.startedAt ?? Date.now()).toUTCString() }),
    );
    set('first-try', this.#t(score.firstTry ? 'training.summary.yes' : 'training.summary.no'));
    set('hints', String(score.hintsUsed));
    set('mistakes', String(score.mistakes));
    set('time', this.#t('training.summary.time', { time: elapsed(score.timeMs), minutes: drill.minutes }));
    set('points', this.#t('training.summary.points', { points: score.points }));
    summary.hidden = false;
    const seed = new URL(location.href).searchParams.get('seed');
    this.#progress.recordResult(drill.id, {
      at: Date.now(),
      points: score.points,
      firstTry: score.firstTry,
      hintsUsed: score.hintsUsed,
      mistakes: score.mistakes,
      timeMs: score.timeMs,
      seed: isSeed(seed) ? seed : null,
    });
    for (const note of this.#part('storage-note')) note.hidden = this.#progress.persistent;
    this.#announce(this.#t('training.announce.complete', { points: score.points }));
  }
}

if (!customElements.get('training-drill')) customElements.define('training-drill', TrainingDrill);
