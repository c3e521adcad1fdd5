/**
 * <twofa-simulator>: binds the server-rendered screens (ClientArea.astro, Phone.astro) to the
 * engine. The engine decides everything (what is accepted, which screen is next, what changed);
 * this element creates the simulation, wires the reader's input to it (`input.ts`), and after
 * every change hands one moment of it to the renderers (`render-*.ts`), the windows' focus and
 * history (`dialogs.ts`) and the live region (`announcer.ts`). The markup's vocabulary is
 * `contract.ts`.
 *
 * Only the simulator the reader is using speaks: the one they last pointed at, typed in or moved
 * focus into. The others on the page stay silent (their codes still change, unannounced), so a
 * simulator further down never talks over the one in use.
 *
 * Loaded lazily by loader.ts, which calls `boot()` for each simulator when it nears the viewport
 * or the reader reaches into it. Defining the element does nothing else, so a page with five
 * simulators pays for the ones the reader comes to, one at a time, in chunks that each leave the
 * main thread free (`yieldToMain`).
 */
import { createSimulation, type Simulation } from '../machine/simulation';
import { isScenarioId } from '../machine/scenarios';
import { isStep, type Step } from '../machine/steps';
import { changesBetween, progressSince, type FreshField, type SimulatorState } from '../machine/changes';
import type { RefusalKind } from '../client-area/server';
import type { ClientAreaEvent } from '../machine/client-area-machine';
import type { Screen } from '../machine/view';
import type { PhoneEvent } from '../phone/phone-machine';
import { isPhoneEvent, sel, type Action } from './contract';
import { createAnnouncer, phrase, type Announce } from './announcer';
import { Dialogs } from './dialogs';
import { copyText, downloadText, forget, jumpTo } from './dom';
import { listen } from './input';
import { loadScreens, screensFor, yieldToMain } from './screens';
import { seedFor } from './seed';
import { qrSource, renderClientArea, showNotCovered } from './render-client-area';
import { renderGuide } from './render-guide';
import { renderMessages } from './render-messages';
import { renderPhone, renderPhoneTime } from './render-phone';
import { translator, type Translate } from './strings';
import { pausedAnnouncement, renderPaused, ResetConfirm } from './toolbar';

/** The simulator the reader is using (the last one pointed at, typed in or focused): only it speaks. */
let inUse: symbol | null = null;
/** What makes a simulator the one in use. */
const IN_USE_EVENTS = ['pointerdown', 'focusin', 'keydown'] as const;

/** Where each field that starts empty is (`Changes.fresh`). */
const FRESH_FIELDS: Record<FreshField, string> = {
  captcha: `${sel.form('login')} [name="captcha"]`,
  'enable-code': `${sel.form('enable')} [name="code"]`,
};

/**
 * What `simulator:step` and `simulator:complete` carry (`simulator:refusal` adds the refusal's
 * kind). Never what the reader typed: pages may forward these (the feedback collector does).
 */
export type SimulatorEventDetail = { step: Screen; phone: string; start: Step; mode: string };
export type SimulatorRefusalDetail = SimulatorEventDetail & { kind: RefusalKind };

export class TwofaSimulator extends HTMLElement {
  #sim: Simulation | null = null;
  #state: SimulatorState | null = null;
  /** The simulation's first moment: Start over asks first once the reader has got further. */
  #first: SimulatorState | null = null;
  #t: Translate = (key) => key;
  #announce: Announce = () => {};
  #dialogs = new Dialogs(
    this,
    (event) => this.#send(event),
    () => this.#state,
  );
  #confirm = new ResetConfirm(this);
  /** Names this simulator as the one in use (`inUse`). */
  readonly #token = Symbol('twofa-simulator');
  #stopListening: (() => void) | null = null;
  #timer: number | undefined;
  #booting: Promise<void> | null = null;

  /** The running simulation, for training pages that add objectives around it. */
  get simulation(): Simulation | null {
    return this.#sim;
  }

  get #start(): Step {
    return isStep(this.dataset['start']) ? this.dataset['start'] : 'login';
  }

  get #mode(): string {
    return this.dataset['mode'] ?? 'practice';
  }

  /**
   * Brings the simulator to life, in chunks: the screens (one shared file), the simulation, the
   * first render into a detached copy, then one swap for the inert preview of the same size.
   * Safe to call more than once.
   */
  boot(): Promise<void> {
    this.#booting ??= this.#bootInChunks();
    return this.#booting;
  }

  async #bootInChunks(): Promise<void> {
    const html = await loadScreens(this.dataset['screens'] ?? '');
    await yieldToMain();
    const screens = screensFor(html, this.id);
    // <Simulator phone={false}>: an article whose practice needs no phone.
    if (this.dataset['phone'] === 'hidden')
      for (const phone of screens.querySelectorAll(`${sel.part('phone')}, ${sel.part('dock')}`)) phone.remove();
    const strings = screens.querySelector<HTMLElement>(sel.part('strings'));
    this.#t = translator(strings?.dataset['strings']);
    strings?.remove();
    this.#announce = createAnnouncer(this.querySelector(sel.part('announce')));
    await yieldToMain();
    this.#startSimulation();
    await yieldToMain();
    // A start in the enable window needs its QR code: drawing it is a chunk of its own.
    const uri = this.#sim?.view().enrollment?.uri;
    if (uri) {
      qrSource(uri);
      await yieldToMain();
    }
    const stage = this.querySelector<HTMLElement>(sel.part('stage'));
    if (!stage) throw new Error('simulator: no stage');
    stage.replaceChildren(screens);
    forget(this);
    const live = this.querySelector<HTMLElement>(sel.part('live'));
    if (live) live.inert = false;
    this.#render();
    this.#stopListening = listen(this, {
      send: (event) => this.#send(event),
      act: (action, button) => this.#act(action, button),
      pressed: (button) => this.#dialogs.noteOpener(button),
      changed: () => this.#render(),
      menuOpen: () => this.#state?.view.menuOpen ?? false,
    });
    this.addEventListener('keydown', this.#dialogs.onKeydown);
    for (const type of IN_USE_EVENTS) this.addEventListener(type, this.#use, { passive: true });
    // Booted because the reader moved focus into it: it is the one in use.
    if (this.contains(document.activeElement)) this.#use();
    document.addEventListener('visibilitychange', this.#onVisible);
    window.addEventListener('popstate', this.#dialogs.onPopState);
    this.#timer = window.setInterval(() => this.#tick(), 1000);
    this.dataset['ready'] = '';
    this.#ready();
  }

  disconnectedCallback(): void {
    this.#sim?.stop();
    this.#sim = null;
    this.#stopListening?.();
    window.clearInterval(this.#timer);
    this.removeEventListener('keydown', this.#dialogs.onKeydown);
    for (const type of IN_USE_EVENTS) this.removeEventListener(type, this.#use);
    if (inUse === this.#token) inUse = null;
    document.removeEventListener('visibilitychange', this.#onVisible);
    window.removeEventListener('popstate', this.#dialogs.onPopState);
  }

  /** A new simulation (at boot and on Start over), rendered on every change of either actor. */
  #startSimulation(): void {
    const scenario = this.dataset['scenario'];
    const seed = seedFor(this);
    const sim = createSimulation({
      start: this.#start,
      ...(isScenarioId(scenario) ? { scenario } : {}),
      ...(seed ? { seed } : {}),
    });
    this.#sim = sim;
    this.#state = null;
    this.#first = null;
    sim.clientArea.subscribe(() => this.#render());
    sim.phone.subscribe(() => this.#render());
  }

  #ready(): void {
    const simulation = this.#sim;
    if (simulation)
      this.dispatchEvent(
        new CustomEvent<{ simulation: Simulation }>('simulator:ready', { bubbles: true, detail: { simulation } }),
      );
  }

  #send(event: ClientAreaEvent | PhoneEvent): void {
    if (isPhoneEvent(event)) this.#sim?.phone.send(event as PhoneEvent);
    else this.#sim?.clientArea.send(event as ClientAreaEvent);
  }

  #act(action: Action, button: HTMLElement): void {
    const sim = this.#sim;
    if (!sim) return;
    switch (action) {
      case 'pause':
        return this.#togglePause();
      case 'reset': {
        const [first, now] = [this.#first, this.#state];
        return first && now && progressSince(first, now) ? this.#confirm.open() : this.#reset();
      }
      case 'reset-confirm':
        this.#confirm.close();
        return this.#reset();
      case 'reset-cancel':
        return this.#confirm.close();
      case 'copy-key':
        return void this.#copy(sim.view().enrollment?.key, 'key');
      case 'copy-backup-code':
        return void this.#copy(sim.view().backupCode, 'backup-code');
      case 'download-backup-code':
        return this.#download(sim.view().backupCode);
      case 'forgot-password':
        return this.#notCovered(this.#t('sim.ca.forgotUnavailable'), button);
      case 'not-covered':
        return this.#notCovered(this.#t('sim.ca.notCovered', { item: button.textContent?.trim() ?? '' }), button);
      case 'show-phone':
        return jumpTo(this.querySelector<HTMLElement>(sel.part('phone')));
      case 'phone-scan':
        return void sim.scanCurrentQr();
      case 'phone-remove': {
        const id = button.closest<HTMLElement>(sel.anyAccount)?.dataset['account'];
        if (id) sim.phone.send({ type: 'phone.account.remove', id });
        return;
      }
    }
  }

  /** A menu item or link the simulator does not cover: closes the menu and says so, seen and heard. */
  #notCovered(text: string, button: HTMLElement): void {
    if (button.closest(sel.part('menu'))) {
      this.#send({ type: 'menu.close' });
      this.querySelector<HTMLElement>(sel.target('menu'))?.focus();
    }
    showNotCovered(this, text);
    this.#say(text);
  }

  #togglePause(): void {
    const clock = this.#sim?.clock;
    if (!clock) return;
    if (clock.paused) clock.resume();
    else clock.pause();
    renderPaused(this, clock.paused, this.#t);
    this.#say(clock.paused ? pausedAnnouncement(this.#t) : this.#t('sim.toolbar.resumed'));
    this.#tick();
  }

  #reset(): void {
    this.#sim?.stop();
    this.#dialogs.reset();
    for (const form of this.querySelectorAll('form')) form.reset();
    this.#startSimulation();
    renderPaused(this, false, this.#t);
    this.#render();
    this.#ready();
    this.#say(this.#t('sim.toolbar.resetDone'));
  }

  async #copy(text: string | null | undefined, binding: 'key' | 'backup-code'): Promise<void> {
    if (!text) return;
    const copied = await copyText(text);
    if (!copied) {
      const view = this.#state?.view;
      const shown = view && this.querySelector(`${sel.screen(view.dialog ?? view.page)} ${sel.bind(binding)}`);
      if (shown) getSelection()?.selectAllChildren(shown);
    }
    this.#say(this.#t(copied ? 'sim.ca.copied' : 'sim.ca.copyFailed'));
  }

  #download(code: string | null): void {
    if (!code) return;
    downloadText('backup-code.txt', `${this.#t('sim.ca.backupFileIntro')}\n\n${code}\n`);
    this.#say(this.#t('sim.ca.downloaded'));
  }

  /** One moment of the simulation, shown; then what changed since the last one, acted on. */
  #render(): void {
    const sim = this.#sim;
    if (!sim) return;
    const state = sim.state();
    const changes = changesBetween(this.#state, state);
    this.#first ??= state;
    this.#state = state;
    // Before drawing: the marker skips a ticked captcha, so an unticked one must be unticked first.
    for (const field of changes.fresh) {
      const input = this.querySelector<HTMLInputElement>(FRESH_FIELDS[field]);
      if (input?.type === 'checkbox') input.checked = false;
      else if (input) input.value = '';
    }
    const guided = this.#mode === 'guided';
    renderClientArea(this, state, { savedBackupCode: sim.savedBackupCode(), guided, t: this.#t });
    renderMessages(this, state);
    renderPhone(this, state.phone, { t: this.#t, showClockHint: guided });
    if (guided) renderGuide(this, state.guide, this.#t);
    this.#dialogs.follow(changes);
    for (const announcement of changes.announce) this.#say(phrase(announcement, this.#t));
    const detail: SimulatorEventDetail = {
      step: state.view.screen,
      phone: state.phone.screen,
      start: this.#start,
      mode: this.#mode,
    };
    if (changes.result && state.view.error)
      this.#dispatch<SimulatorRefusalDetail>('simulator:refusal', { ...detail, kind: state.view.error.kind });
    if (changes.step) this.#dispatch('simulator:step', detail);
    if (changes.completed) this.#dispatch('simulator:complete', detail);
  }

  #dispatch<D extends SimulatorEventDetail>(name: string, detail: D): void {
    this.dispatchEvent(new CustomEvent<D>(name, { bubbles: true, detail }));
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.#tick();
  };

  /** Once a second: the phone's codes and clock, a lockout's countdown, a code rolling over. */
  #tick(): void {
    const sim = this.#sim;
    const previous = this.#state;
    if (!sim || !previous) return;
    const state = sim.state();
    renderPhoneTime(this, state.phone, { t: this.#t, showClockHint: this.#mode === 'guided' });
    // While a lock lasts, and once more when it ends (its message then says so).
    if (state.view.lockedUntil !== null || previous.view.lockedUntil !== null) renderMessages(this, state);
    for (const announcement of changesBetween(previous, state).announce) this.#say(phrase(announcement, this.#t));
    this.#state = state;
  }

  /** Says it in the live region, if this is the simulator the reader is using. */
  #say(text: string): void {
    if (inUse === this.#token) this.#announce(text);
  }

  #use = (): void => {
    inUse = this.#token;
  };
}

if (!customElements.get('twofa-simulator')) customElements.define('twofa-simulator', TwofaSimulator);

/** What loader.ts calls for each simulator it wakes. */
export function boot(element: HTMLElement): Promise<void> {
  if (!(element instanceof TwofaSimulator)) return Promise.reject(new Error('not a <twofa-simulator>'));
  return element.boot();
}
