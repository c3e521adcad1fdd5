/**
 * Shows the phone: its screen, why a scan or a typed key was refused, the Google account, and
 * Google Authenticator's list with each entry's code and countdown ring (also in the dock that
 * narrow screens show under the client area). Codes come from the engine's phone view, computed
 * from the clock at this moment.
 */
import { PERIOD_SECONDS } from '../otp/totp';
import type { PhoneView } from '../machine/view';
import { sel } from './contract';
import { each, one, setHidden, setText } from './dom';
import type { Translate } from './strings';

/** The account ids each list was last built for: rebuilt only when entries come or go. */
const built = new WeakMap<HTMLElement, string>();

export interface PhoneExtras {
  readonly t: Translate;
  /** Practice mode hides the "clock is off" hint: finding it is part of the drill. */
  readonly showClockHint: boolean;
}

export function renderPhone(root: HTMLElement, phone: PhoneView, extras: PhoneExtras): void {
  for (const screen of each(root, sel.phoneScreen)) setHidden(screen, screen.dataset['phoneScreen'] !== phone.screen);
  for (const error of each(root, sel.phoneError)) {
    const here = error.closest<HTMLElement>(sel.phoneScreen)?.dataset['phoneScreen'] === phone.screen;
    setText(error, here ? (phone.error ?? '') : '');
    setHidden(error, !here || !phone.error);
  }
  for (const box of each<HTMLInputElement>(root, sel.toggle('auto-time')))
    if (box.checked !== (phone.clockOffsetMs === 0)) box.checked = phone.clockOffsetMs === 0;
  const { t } = extras;
  setText(
    one(root, sel.bind('phone-google')),
    phone.google ? t('sim.phone.googleAccount', { account: phone.google }) : t('sim.phone.noGoogle'),
  );
  renderAccounts(root, phone, t);
  renderClock(root, phone, extras);
}

/** What changes every second: the codes, the rings and the status bar's clock. */
export function renderPhoneTime(root: HTMLElement, phone: PhoneView, extras: PhoneExtras): void {
  renderAccounts(root, phone, extras.t);
  renderClock(root, phone, extras);
}

/** The app's list on the phone, and its copy in the dock (narrow screens): each from its template. */
const LISTS = [
  { list: sel.bind('accounts'), template: sel.part('account-template') },
  { list: sel.bind('dock-accounts'), template: sel.part('dock-template') },
] as const;

function renderAccounts(root: HTMLElement, phone: PhoneView, t: Translate): void {
  for (const selectors of LISTS) {
    const list = one<HTMLElement>(root, selectors.list);
    const template = one<HTMLTemplateElement>(root, selectors.template);
    if (list && template) renderList(list, template, phone, t);
  }
}

function renderList(list: HTMLElement, template: HTMLTemplateElement, phone: PhoneView, t: Translate): void {
  const ids = phone.accounts.map((account) => account.id).join(',');
  if (built.get(list) !== ids) {
    built.set(list, ids);
    list.replaceChildren(
      ...phone.accounts.map((account) => {
        const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
        item.dataset['account'] = account.id;
        setText(item.querySelector('.phone-issuer'), account.issuer);
        setText(item.querySelector('.phone-user'), account.accountName);
        const name = `${account.issuer}${account.issuer && account.accountName ? ': ' : ''}${account.accountName}`;
        item.querySelector('.phone-remove')?.setAttribute('aria-label', t('sim.phone.remove', { name }));
        return item;
      }),
    );
  }
  for (const account of phone.accounts) {
    const item = list.querySelector<HTMLElement>(sel.account(account.id));
    if (!item) continue;
    setText(item.querySelector('.phone-code'), account.grouped);
    setText(item.querySelector('.phone-seconds'), t('sim.phone.secondsLeft', { seconds: account.secondsLeft }));
    item.classList.toggle('is-ending', account.secondsLeft <= 5);
    const ring = item.querySelector<SVGCircleElement>('.phone-ring-left');
    if (ring) ring.style.strokeDashoffset = String(PERIOD_SECONDS - account.secondsLeft);
  }
}

function renderClock(root: HTMLElement, phone: PhoneView, extras: PhoneExtras): void {
  setText(one(root, sel.bind('phone-time')), phone.time);
  const offset = one(root, sel.bind('phone-offset'));
  const seconds = Math.round(phone.clockOffsetMs / 1000);
  setText(
    offset,
    seconds === 0 ? '' : extras.t('sim.phone.clockOff', { offset: `${seconds > 0 ? '+' : '−'}${Math.abs(seconds)} s` }),
  );
  setHidden(offset, seconds === 0 || !extras.showClockHint);
}
