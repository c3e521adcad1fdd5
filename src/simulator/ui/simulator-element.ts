/**
 * <twofa-simulator>: binds the server-rendered screens (ClientArea.astro, Phone.astro) to the
 * engine's two actors. The engine decides everything (what is accepted, which screen is next);
 * this file only shows the screen the engine names, sends the reader's input as events, manages
 * focus, and announces what changed through one polite status region.
 *
 * Loaded lazily by loader.ts when the simulator nears the viewport.
 */
import {
  createSimulation,
  isScenarioId,
  isStep,
  renderQrSvg,
  type ClientAreaEvent,
  type ClientAreaView,
  type PhoneEvent,
  type PhoneView,
  type RefusalKind,
  type Screen,
  type Simulation,
  type Step,
} from '../index';
import { all, copyText, downloadText, fieldsOf, focusables, isShown, setHidden, setText } from './dom';
import { guideState, markerTargets, type GuideState } from './guide';
import { format, type ElementStringKey, type ElementStrings } from './strings';

const DIALOGS: ReadonlySet<Screen> = new Set(['enable', 'backup-code', 'disable']);
const SIGNED_OUT: ReadonlySet<Screen> = new Set(['login', 'second-factor', 'backup-login']);

const ADDRESS: Record<Screen, string> = {
  login: 'login',
  'second-factor': 'login',
  'backup-login': 'login',
  'backup-login-done': 'login/backup-code',
  'security-question': 'user/security-question',
  dashboard: 'clientarea',
  'security-settings': 'user/security',
  enable: 'user/security',
  'backup-code': 'user/security',
  disable: 'user/security',
};

/**
 * What `simulator:step` and `simulator:complete` carry (`simulator:refusal` adds the refusal's
 * kind). Never what the reader typed: pages may forward these (the feedback collector does).
 */
export type SimulatorEventDetail = { step: Screen; phone: string; start: Step; mode: string };
export type SimulatorRefusalDetail = SimulatorEventDetail & { kind: RefusalKind };

export class TwofaSimulator extends HTMLElement {
  #sim: Simulation | null = null;
  #strings = {} as ElementStrings;
  #start: Step = 'login';
  #timer: number | undefined;
  #lastScreen: Screen | null = null;
  #lastPhoneScreen = '';
  #lastResult: unknown = null;
  #lastPhoneError: string | null = null;
  #lastForm: HTMLElement | null = null;
  #opener: HTMLElement | null = null;
  #phoneSettings = false;
  #accountsKey = '';
  #codeStep = -1;
  /** A lock was on screen at the last tick: render once more when it ends. */
  #lockShown = false;
  #installed = false;
  #accountCount = 0;
  #qrUri = '';
  #completed = false;
  #historyEntry = false;

  /** The running simulation, for training pages that add objectives around it. */
  get simulation(): Simulation | null {
    return this.#sim;
  }

  connectedCallback(): void {
    if (this.#sim) return;
    try {
      this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as ElementStrings;
    } catch {
      this.#strings = {} as ElementStrings;
    }
    this.#start = isStep(this.dataset['start']) ? this.dataset['start'] : 'login';
    setHidden(this.querySelector('[data-fallback]'), true);
    setHidden(this.querySelector('[data-live]'), false);
    this.#boot();
    this.addEventListener('click', this.#onClick);
    this.addEventListener('submit', this.#onSubmit);
    this.addEventListener('change', this.#onChange);
    this.addEventListener('keydown', this.#onKeydown);
    document.addEventListener('visibilitychange', this.#onVisible);
    window.addEventListener('popstate', this.#onPopState);
    this.#timer = window.setInterval(() => this.#tick(), 1000);
    this.dataset['ready'] = '';
  }

  disconnectedCallback(): void {
    this.#sim?.stop();
    this.#sim = null;
    window.clearInterval(this.#timer);
    document.removeEventListener('visibilitychange', this.#onVisible);
    window.removeEventListener('popstate', this.#onPopState);
  }

  #mode(): string {
    return this.dataset['mode'] ?? 'practice';
  }

  #t(key: ElementStringKey, values?: Record<string, string | number>): string {
    return format(this.#strings[key] ?? key, values);
  }

  /**
   * The seed: none (a CSPRNG secret), the writer's `seed`, or with `data-seed-param` the one in
   * the page address, so a shared link reproduces the same secret and backup code. A page opened
   * without one gets a fresh seed written into its address.
   */
  #seed(): string | undefined {
    const param = this.dataset['seedParam'];
    if (!param) return this.dataset['seed'] || undefined;
    const url = new URL(location.href);
    const fromUrl = url.searchParams.get(param);
    if (fromUrl && /^[\w-]{1,64}$/.test(fromUrl)) return fromUrl;
    const fresh = [...crypto.getRandomValues(new Uint8Array(6))]
      .map((byte) => byte.toString(36).padStart(2, '0'))
      .join('');
    url.searchParams.set(param, fresh);
    history.replaceState(history.state, '', url);
    return fresh;
  }

  #boot(): void {
    const scenario = this.dataset['scenario'];
    const seed = this.#seed();
    const sim = createSimulation({
      start: this.#start,
      ...(isScenarioId(scenario) ? { scenario } : {}),
      ...(seed ? { seed } : {}),
    });
    this.#sim = sim;
    this.#lastScreen = null;
    this.#lastResult = null;
    this.#lastPhoneError = null;
    this.#completed = false;
    this.#phoneSettings = false;
    this.#installed = sim.phoneView().installed;
    this.#accountCount = sim.phoneView().accounts.length;
    sim.clientArea.subscribe(() => this.#render());
    sim.phone.subscribe(() => this.#render());
    this.#render();
    this.dispatchEvent(
      new CustomEvent<{ simulation: Simulation }>('simulator:ready', { bubbles: true, detail: { simulation: sim } }),
    );
  }

  // ---- input ---------------------------------------------------------------------------------

  #send(event: ClientAreaEvent): void {
    this.#sim?.clientArea.send(event);
  }

  #sendPhone(event: PhoneEvent): void {
    this.#phoneSettings = false;
    this.#sim?.phone.send(event);
  }

  #onClick = (event: MouseEvent): void => {
    // A click anywhere else closes the menu under the customer's name, as menus do.
    const target = event.target as Element;
    if (this.#sim?.view().menuOpen && !target.closest('.ca-user')) this.#send({ type: 'menu.close' });
    const button = target.closest<HTMLElement>('button');
    if (!button || !this.contains(button)) return;
    const { send, action, copy, download, remove } = button.dataset;
    if (send?.startsWith('phone.')) return this.#sendPhone({ type: send } as PhoneEvent);
    if (send) {
      if (button.dataset['opener']) this.#opener = button;
      this.#lastForm = button.closest('section, [role="dialog"]');
      this.#send({ type: send } as ClientAreaEvent);
      // Choosing a menu item closes the menu, wherever it leads.
      if (button.closest('.ca-menu')) this.#send({ type: 'menu.close' });
      return;
    }
    if (copy) return void this.#copy(copy);
    if (download) return this.#download();
    if (remove) return this.#sendPhone({ type: 'phone.account.remove', id: remove });
    if ('unavailable' in button.dataset) return this.#announce(this.#t('sim.ca.forgotUnavailable'));
    switch (action) {
      case 'menu':
        return this.#send({ type: this.#sim?.view().menuOpen ? 'menu.close' : 'menu.open' });
      case 'backup-close':
        return this.#closeBackupDialog();
      case 'pause':
        return this.#togglePause(button);
      case 'reset':
        return this.#reset();
      case 'phone-home':
        this.#sendPhone({ type: 'phone.home' });
        return this.#render();
      case 'phone-settings':
        this.#phoneSettings = true;
        return this.#render();
      case 'phone-scan':
        this.#sim?.scanCurrentQr();
        return;
    }
  };

  #onSubmit = (event: SubmitEvent): void => {
    const form = event.target as HTMLFormElement;
    if (!this.contains(form)) return;
    event.preventDefault();
    const fields = fieldsOf(form);
    this.#lastForm = form;
    switch (form.dataset['form']) {
      case 'login':
        return this.#send({
          type: 'login.submit',
          email: fields['email'] ?? '',
          password: fields['password'] ?? '',
          captcha: form.querySelector<HTMLInputElement>('[name="captcha"]')?.checked ?? false,
        });
      case 'second-factor':
        return this.#send({ type: 'secondfactor.submit', code: fields['code'] ?? '' });
      case 'backup':
        return this.#send({ type: 'backup.submit', code: fields['code'] ?? '' });
      case 'question':
        return this.#send({
          type: 'question.save',
          question: fields['question'] ?? '',
          answer: fields['answer'] ?? '',
          confirm: fields['confirm'] ?? '',
          ...(fields['currentAnswer'] ? { currentAnswer: fields['currentAnswer'] } : {}),
        });
      case 'enable':
        return this.#send({ type: 'enable.submit', code: fields['code'] ?? '' });
      case 'disable':
        return this.#send({ type: 'disable.submit', password: fields['password'] ?? '' });
      case 'phone-manual':
        return this.#sendPhone({
          type: 'phone.manual.submit',
          accountName: fields['accountName'] ?? '',
          key: fields['key'] ?? '',
        });
    }
  };

  #onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if ('autoTime' in input.dataset && input.checked) this.#sendPhone({ type: 'phone.clock.set-offset', ms: 0 });
    if ('saved' in input.dataset) setHidden(this.querySelector('[data-error="backup-ack"]'), true);
    this.#render();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const view = this.#sim?.view();
    if (!view) return;
    if (event.key === 'Escape') {
      if (view.menuOpen) {
        this.#send({ type: 'menu.close' });
        this.querySelector<HTMLElement>('[data-action="menu"]')?.focus();
        event.preventDefault();
      } else if (DIALOGS.has(view.screen)) {
        this.#closeDialog(view.screen);
        event.preventDefault();
      }
      return;
    }
    if (event.key === 'Tab' && DIALOGS.has(view.screen)) this.#trapTab(event, view.screen);
  };

  /**
   * While a window is open, Tab cycles through the window, the phone (the reader needs it to
   * read the code) and the simulator's own controls; nothing behind the window is reachable.
   */
  #trapTab(event: KeyboardEvent, screen: Screen): void {
    const dialog = this.querySelector(`[data-screen="${screen}"]`);
    const phone = this.querySelector('.sim-phone');
    const toolbar = this.querySelector('.sim-toolbar');
    const order = [dialog, phone, toolbar].flatMap((part) => (part ? focusables(part) : []));
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

  #closeDialog(screen: Screen): void {
    if (screen === 'enable') this.#send({ type: 'enable.close' });
    else if (screen === 'disable') this.#send({ type: 'disable.cancel' });
    else if (screen === 'backup-code') this.#closeBackupDialog();
  }

  #closeBackupDialog(): void {
    const saved = this.querySelector<HTMLInputElement>('[data-saved]');
    if (saved?.checked) return this.#send({ type: 'backup.acknowledge' });
    const message = this.querySelector<HTMLElement>('[data-error="backup-ack"]');
    setText(message, this.#t('sim.ca.saveFirst'));
    setHidden(message, false);
    this.#announce(this.#t('sim.ca.saveFirst'));
    saved?.focus();
  }

  /** Browser Back while a window is open closes it, like the window's own Close. */
  #onPopState = (): void => {
    if (!this.#historyEntry) return;
    this.#historyEntry = false;
    const view = this.#sim?.view();
    if (!view || !DIALOGS.has(view.screen)) return;
    this.#closeDialog(view.screen);
    // The backup code window stays until the code is saved: keep its history entry too.
    if (this.#sim?.view().screen === 'backup-code') this.#pushHistory();
  };

  #pushHistory(): void {
    if (this.#historyEntry) return;
    history.pushState({ ...(history.state as object | null), twofaSimulator: this.id }, '');
    this.#historyEntry = true;
  }

  #popHistory(): void {
    if (!this.#historyEntry) return;
    this.#historyEntry = false;
    if ((history.state as { twofaSimulator?: string } | null)?.twofaSimulator === this.id) history.back();
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.#tick();
  };

  #togglePause(button: HTMLElement): void {
    const clock = this.#sim?.clock;
    if (!clock) return;
    if (clock.paused) clock.resume();
    else clock.pause();
    setText(button, this.#t(clock.paused ? 'sim.toolbar.resume' : 'sim.toolbar.pause'));
    this.#announce(this.#t(clock.paused ? 'sim.toolbar.paused' : 'sim.toolbar.resumed'));
    this.#tick();
  }

  #reset(): void {
    this.#sim?.stop();
    this.#popHistory();
    for (const form of all<HTMLFormElement>(this, 'form')) form.reset();
    for (const box of all<HTMLInputElement>(this, '[data-saved]')) box.checked = false;
    const pause = this.querySelector<HTMLElement>('[data-action="pause"]');
    setText(pause, this.#t('sim.toolbar.pause'));
    this.#lastForm = null;
    this.#boot();
    this.#announce(this.#t('sim.toolbar.resetDone'));
  }

  async #copy(what: string): Promise<void> {
    const view = this.#sim?.view();
    const text = what === 'key' ? view?.enrollment?.key : view?.backupCode;
    if (!text) return;
    const copied = await copyText(text);
    if (!copied) {
      const code = this.querySelector(
        `[data-screen="${view?.screen}"] [data-bind="${what === 'key' ? 'key' : 'backup-code'}"]`,
      );
      if (code) getSelection()?.selectAllChildren(code);
    }
    this.#announce(this.#t(copied ? 'sim.ca.copied' : 'sim.ca.copyFailed'));
  }

  #download(): void {
    const code = this.#sim?.view().backupCode;
    if (!code) return;
    downloadText('backup-code.txt', `${this.#t('sim.ca.backupFileIntro')}\n\n${code}\n`);
    this.#announce(this.#t('sim.ca.downloaded'));
  }

  // ---- output --------------------------------------------------------------------------------

  #announce(text: string): void {
    const region = this.querySelector('[data-announce]');
    if (!region) return;
    // Clear first so that the same message twice is announced twice.
    region.textContent = '';
    window.setTimeout(() => (region.textContent = text), 50);
  }

  #render(): void {
    const sim = this.#sim;
    if (!sim) return;
    const view = sim.view();
    const phone = sim.phoneView();
    this.#renderClientArea(view);
    this.#renderMessages(view);
    this.#renderPhone(phone);
    this.#renderTransitions(view, phone);
    this.#renderGuide(view, phone);
  }

  #renderClientArea(view: ClientAreaView): void {
    const dialogOpen = DIALOGS.has(view.screen);
    const page = dialogOpen ? 'security-settings' : view.screen;
    for (const screen of all(this, '[data-screen]'))
      setHidden(screen, screen.dataset['screen'] !== page && screen.dataset['screen'] !== view.screen);
    const background = this.querySelector<HTMLElement>('[data-part="page"]');
    if (background) background.inert = dialogOpen;

    const signedIn = !SIGNED_OUT.has(view.screen);
    this.#toggle('signed-in', signedIn);
    this.#toggle('captcha', view.captchaRequired);
    this.#toggle('question-set', view.question !== null);
    this.#toggle('twofa-on', view.twoFactorEnabled);
    this.#toggle('twofa-off', !view.twoFactorEnabled);
    const menuButton = this.querySelector('[data-action="menu"]');
    menuButton?.setAttribute('aria-expanded', String(view.menuOpen));
    setHidden(this.querySelector('.ca-menu'), !view.menuOpen);

    setText(this.querySelector('[data-bind="address"]'), `clientarea.example.com/${ADDRESS[view.screen]}`);
    for (const key of all(this, '[data-bind="key"]')) setText(key, view.enrollment?.keyGrouped ?? '');
    for (const code of all(this, '[data-bind="backup-code"]')) setText(code, view.backupCode ?? '');
    const uri = view.enrollment?.uri ?? '';
    if (uri !== this.#qrUri) {
      this.#qrUri = uri;
      const image = this.querySelector<HTMLImageElement>('[data-bind="qr"]');
      if (image && uri) image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderQrSvg(uri))}`;
      else image?.removeAttribute('src');
    }
    const saved = this.#sim?.savedBackupCode();
    const hint = this.querySelector('[data-bind="saved-backup"]');
    setText(hint, saved ? this.#t('sim.guide.savedBackupHint', { code: saved.replace(/(.{4})(?=.)/g, '$1 ') }) : '');
    setHidden(hint, !saved || this.dataset['mode'] !== 'guided');
  }

  #toggle(condition: string, on: boolean): void {
    for (const element of all(this, `[data-when="${condition}"]`)) setHidden(element, !on);
  }

  /** The last action's refusal or confirmation, next to the form that sent it. */
  #renderMessages(view: ClientAreaView): void {
    const last = this.#sim?.clientArea.getSnapshot().context.last ?? null;
    const fresh = last !== this.#lastResult;
    this.#lastResult = last;
    const form = this.#lastForm && isShown(this.#lastForm) ? this.#lastForm : null;
    const slot =
      form?.querySelector<HTMLElement>('[data-error]') ??
      (view.screen === 'security-settings' ? this.querySelector<HTMLElement>('[data-error="twofa"]') : null);
    for (const error of all(this, '[data-error]')) {
      if (error === slot || error.dataset['error'] === 'backup-ack') continue;
      setHidden(error, true);
      error.textContent = '';
    }
    for (const field of all(this, '[aria-invalid="true"]')) field.removeAttribute('aria-invalid');
    if (view.error && slot) {
      // The view's message counts a lock down, and says so when the lock has ended.
      setText(slot, view.error.message);
      setHidden(slot, false);
      slot.id ||= `${this.id}-${Math.random().toString(36).slice(2, 8)}`;
      const input = form?.querySelector<HTMLInputElement>('input:not([type="checkbox"]):not([type="hidden"])');
      if (input && form?.dataset['form'] !== 'login') {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', slot.id);
      }
    } else if (slot) {
      setHidden(slot, true);
      slot.textContent = '';
    }
    const notice =
      form?.querySelector<HTMLElement>('[data-notice]') ?? this.querySelector<HTMLElement>('[data-page-notice]');
    for (const element of all(this, '[data-notice], [data-page-notice]'))
      if (element !== notice || !view.notice) setHidden(element, true);
    if (view.notice && notice && !DIALOGS.has(view.screen)) {
      setText(notice, view.notice);
      setHidden(notice, false);
    }
    if (fresh && last && view.error) {
      this.dispatchEvent(
        new CustomEvent<SimulatorRefusalDetail>('simulator:refusal', {
          bubbles: true,
          detail: {
            step: view.screen,
            phone: this.#lastPhoneScreen,
            start: this.#start,
            mode: this.#mode(),
            kind: view.error.kind,
          },
        }),
      );
    }
    if (fresh && last) {
      const text = view.error ? view.error.message : view.notice;
      if (text && !(last.ok && view.screen === 'backup-code')) this.#announce(text);
    }
  }

  #renderPhone(phone: PhoneView): void {
    const screen = this.#phoneSettings ? 'settings' : phone.screen;
    for (const part of all(this, '[data-phone-screen]')) setHidden(part, part.dataset['phoneScreen'] !== screen);
    this.#toggle('installed', phone.installed);
    this.#toggle('not-installed', !phone.installed);
    for (const error of all(this, '[data-phone-error]')) {
      const here = error.closest<HTMLElement>('[data-phone-screen]')?.dataset['phoneScreen'] === screen;
      setText(error, here ? (phone.error ?? '') : '');
      setHidden(error, !here || !phone.error);
    }
    if (phone.error && phone.error !== this.#lastPhoneError) this.#announce(phone.error);
    this.#lastPhoneError = phone.error;
    if (phone.installed && !this.#installed) this.#announce(this.#t('sim.announce.installed'));
    this.#installed = phone.installed;
    if (phone.accounts.length > this.#accountCount) this.#announce(this.#t('sim.announce.accountAdded'));
    this.#accountCount = phone.accounts.length;
    const autoTime = this.querySelector<HTMLInputElement>('[data-auto-time]');
    if (autoTime) autoTime.checked = phone.clockOffsetMs === 0;
    setText(
      this.querySelector('[data-bind="phone-google"]'),
      phone.google ? this.#t('sim.phone.googleAccount', { account: phone.google }) : this.#t('sim.phone.noGoogle'),
    );
    this.#renderAccounts(phone);
    this.#renderClock(phone);
  }

  #renderAccounts(phone: PhoneView): void {
    const list = this.querySelector<HTMLElement>('[data-bind="accounts"]');
    const template = this.querySelector<HTMLTemplateElement>('[data-account-template]');
    if (!list || !template) return;
    const key = phone.accounts.map((account) => account.id).join(',');
    if (key !== this.#accountsKey) {
      this.#accountsKey = key;
      list.replaceChildren(
        ...phone.accounts.map((account) => {
          const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
          item.dataset['account'] = account.id;
          const name = `${account.issuer}${account.issuer && account.accountName ? ': ' : ''}${account.accountName}`;
          setText(item.querySelector('.phone-account-name'), name);
          const remove = item.querySelector<HTMLButtonElement>('.phone-remove');
          if (remove) {
            remove.dataset['remove'] = account.id;
            setText(remove, '×');
            remove.setAttribute('aria-label', this.#t('sim.phone.remove', { name }));
          }
          return item;
        }),
      );
    }
    setHidden(this.querySelector('[data-bind="phone-empty"]'), phone.accounts.length > 0);
    for (const account of phone.accounts) {
      const item = list.querySelector<HTMLElement>(`[data-account="${account.id}"]`);
      if (!item) continue;
      setText(item.querySelector('.phone-code'), account.grouped);
      setText(item.querySelector('.phone-seconds'), this.#t('sim.phone.secondsLeft', { seconds: account.secondsLeft }));
      item.classList.toggle('is-ending', account.secondsLeft <= 5);
      const ring = item.querySelector<SVGCircleElement>('.phone-ring-left');
      if (ring) ring.style.strokeDashoffset = String(30 - account.secondsLeft);
    }
  }

  #renderClock(phone: PhoneView): void {
    const now = (this.#sim?.clock.now() ?? Date.now()) + phone.clockOffsetMs;
    const time = new Date(now).toISOString().slice(11, 19);
    setText(this.querySelector('[data-bind="phone-time"]'), time);
    const offset = this.querySelector('[data-bind="phone-offset"]');
    const seconds = Math.round(phone.clockOffsetMs / 1000);
    setText(
      offset,
      seconds === 0
        ? ''
        : this.#t('sim.phone.clockOff', { offset: `${seconds > 0 ? '+' : '−'}${Math.abs(seconds)} s` }),
    );
    setHidden(offset, seconds === 0 || this.dataset['mode'] === 'practice');
  }

  /** Focus, history and page events when the screen changes. */
  #renderTransitions(view: ClientAreaView, phone: PhoneView): void {
    const phoneScreen = this.#phoneSettings ? 'settings' : phone.screen;
    const previous = this.#lastScreen;
    const changed = view.screen !== previous;
    this.#lastScreen = view.screen;
    if (changed && previous !== null) {
      if (view.screen === 'enable') {
        const field = this.querySelector<HTMLInputElement>('[data-form="enable"] [name="code"]');
        if (field) field.value = '';
      }
      if (view.screen === 'backup-code') this.#announce(this.#t('sim.announce.codeAccepted'));
      if (DIALOGS.has(view.screen)) this.#pushHistory();
      else if (DIALOGS.has(previous)) this.#popHistory();
      this.#focusFor(view.screen, previous);
    }
    if (changed || phoneScreen !== this.#lastPhoneScreen) {
      this.#lastPhoneScreen = phoneScreen;
      this.dispatchEvent(
        new CustomEvent<SimulatorEventDetail>('simulator:step', {
          bubbles: true,
          detail: { step: view.screen, phone: phoneScreen, start: this.#start, mode: this.#mode() },
        }),
      );
    }
  }

  #focusFor(screen: Screen, previous: Screen): void {
    const opener = this.#opener;
    if (DIALOGS.has(previous) && !DIALOGS.has(screen) && opener && isShown(opener)) return opener.focus();
    if (DIALOGS.has(previous) && !DIALOGS.has(screen)) {
      // The opener is gone (2FA was just turned on or off): the card's other button took its place.
      const twofa = all(this, '[data-opener]').find(isShown);
      if (twofa) return twofa.focus();
    }
    this.querySelector<HTMLElement>(`[data-screen="${screen}"] h3`)?.focus();
  }

  #renderGuide(view: ClientAreaView, phone: PhoneView): void {
    const state = guideState(this.#start, view, phone);
    if (state.current === state.steps.length && !this.#completed) {
      this.#completed = true;
      this.#announce(this.#t('sim.announce.complete'));
      this.dispatchEvent(
        new CustomEvent<SimulatorEventDetail>('simulator:complete', {
          bubbles: true,
          detail: { step: view.screen, phone: phone.screen, start: this.#start, mode: this.#mode() },
        }),
      );
    }
    if (this.dataset['mode'] !== 'guided') return;
    this.#renderGuideList(state);
  }

  #renderGuideList(state: GuideState): void {
    for (const [index, item] of all(this, '[data-guide-step]').entries()) {
      if (index === state.current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
      item.classList.toggle('is-done', index < state.current);
    }
    const done = state.current >= state.steps.length;
    setText(
      this.querySelector('[data-bind="progress"]'),
      done
        ? this.#t('sim.guide.done')
        : this.#t('sim.guide.progress', { current: state.current + 1, total: state.steps.length }),
    );
    const marker = this.querySelector<HTMLElement>('[data-marker]');
    if (!marker) return;
    const step = state.steps[state.current];
    const target = step
      ? markerTargets(step)
          .flatMap((name) => all<HTMLElement>(this, `[data-target="${name}"]`))
          .find(
            (element) =>
              isShown(element) &&
              !(element instanceof HTMLInputElement && element.type === 'checkbox' && element.checked),
          )
      : undefined;
    if (!target) return setHidden(marker, true);
    setText(marker, String(state.current + 1));
    if (marker.nextElementSibling !== target) target.before(marker);
    setHidden(marker, false);
  }

  /** Once a second: the phone's codes and ring, the clock, a lockout countdown. */
  #tick(): void {
    const sim = this.#sim;
    if (!sim) return;
    const phone = sim.phoneView();
    this.#renderAccounts(phone);
    this.#renderClock(phone);
    const step = Math.floor((sim.clock.now() + phone.clockOffsetMs) / 30_000);
    if (step !== this.#codeStep) {
      const rolled = this.#codeStep !== -1;
      this.#codeStep = step;
      if (rolled && phone.screen === 'app' && phone.accounts.length > 0 && !this.#phoneSettings)
        this.#announce(this.#t('sim.announce.newCode'));
    }
    const view = sim.view();
    if (view.lockedUntil !== null || this.#lockShown) this.#renderMessages(view);
    this.#lockShown = view.lockedUntil !== null;
  }
}

if (!customElements.get('twofa-simulator')) customElements.define('twofa-simulator', TwofaSimulator);
