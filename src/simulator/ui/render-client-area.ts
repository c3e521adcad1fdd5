/**
 * Shows the client area as one moment of the simulation says: the page and the window that are
 * open, what each `when(...)` condition hides, the address bar, the key, the QR code and the
 * backup code. Only writes to the DOM where something changed.
 */
import { renderQrSvg } from '../otp/qr';
import { groupInFours } from '../otp/base32';
import type { SimulatorState } from '../machine/changes';
import { CONDITIONS, isCondition, sel } from './contract';
import { all, setHidden, setText } from './dom';
import type { Translate } from './strings';

/** The QR each image shows, so it is drawn again only for a new key. */
const drawn = new WeakMap<HTMLImageElement, string>();

export interface ClientAreaExtras {
  /** The backup code the customer wrote down (guided mode shows it on the backup-code login). */
  readonly savedBackupCode: string | null;
  readonly guided: boolean;
  readonly t: Translate;
}

export function renderClientArea(root: HTMLElement, state: SimulatorState, extras: ClientAreaExtras): void {
  const { view } = state;
  for (const screen of all(root, sel.anyScreen)) {
    const name = screen.dataset['screen'];
    setHidden(screen, name !== view.page && name !== view.dialog);
  }
  const page = root.querySelector<HTMLElement>(sel.part('page'));
  if (page && page.inert !== (view.dialog !== null)) page.inert = view.dialog !== null;
  renderConditions(root, state);
  root.querySelector(sel.target('menu'))?.setAttribute('aria-expanded', String(view.menuOpen));

  setText(root.querySelector(sel.bind('address')), view.address);
  for (const key of all(root, sel.bind('key'))) setText(key, view.enrollment?.keyGrouped ?? '');
  for (const code of all(root, sel.bind('backup-code'))) setText(code, view.backupCode ?? '');
  for (const image of all<HTMLImageElement>(root, sel.bind('qr'))) drawQr(image, view.enrollment?.uri ?? '');
  for (const box of all<HTMLInputElement>(root, sel.toggle('backup-saved')))
    if (box.checked !== view.backupSaved) box.checked = view.backupSaved;

  const saved = extras.savedBackupCode;
  const hint = root.querySelector(sel.bind('saved-backup'));
  setText(hint, saved ? extras.t('sim.guide.savedBackupHint', { code: groupInFours(saved) }) : '');
  setHidden(hint, !saved || !extras.guided);
}

/** Every `when(...)` element, shown while its condition holds. */
export function renderConditions(root: HTMLElement, state: SimulatorState): void {
  for (const element of all(root, sel.when)) {
    const condition = element.dataset['when'];
    if (isCondition(condition)) setHidden(element, !CONDITIONS[condition](state));
  }
}

function drawQr(image: HTMLImageElement, uri: string): void {
  if (drawn.get(image) === uri) return;
  drawn.set(image, uri);
  if (uri) image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderQrSvg(uri))}`;
  else image.removeAttribute('src');
}
