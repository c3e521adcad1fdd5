/**
 * Shows the client area as one moment of the simulation says: the page and the window that are
 * open, what each `when(...)` condition hides, the address bar, the key, the QR code and the
 * backup code. Only writes to the DOM where something changed.
 */
import { renderQrSvg } from '../otp/qr';
import { groupInFours } from '../otp/base32';
import type { SimulatorState } from '../machine/changes';
import { CONDITIONS, isCondition, sel } from './contract';
import { each, one, setHidden, setText } from './dom';
import type { Translate } from './strings';

/** The QR each image shows, so it is drawn again only for a new key. */
const drawn = new WeakMap<HTMLImageElement, string>();
/** The image address of the last QR drawn (the enable window has one key at a time). */
let lastQr = { uri: '', src: '' };

/** The `data:` address of a key's QR code, drawn once per key (boot draws it ahead, in its own chunk). */
export function qrSource(uri: string): string {
  if (lastQr.uri !== uri)
    lastQr = { uri, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderQrSvg(uri))}` };
  return lastQr.src;
}

export interface ClientAreaExtras {
  /** The backup code the customer wrote down (guided mode shows it on the backup-code login). */
  readonly savedBackupCode: string | null;
  readonly guided: boolean;
  readonly t: Translate;
}

export function renderClientArea(root: HTMLElement, state: SimulatorState, extras: ClientAreaExtras): void {
  const { view } = state;
  for (const screen of each(root, sel.anyScreen)) {
    const name = screen.dataset['screen'];
    setHidden(screen, name !== view.page && name !== view.dialog);
  }
  const page = one<HTMLElement>(root, sel.part('page'));
  if (page && page.inert !== (view.dialog !== null)) page.inert = view.dialog !== null;
  renderConditions(root, state);
  one(root, sel.target('menu'))?.setAttribute('aria-expanded', String(view.menuOpen));

  setText(one(root, sel.bind('address')), view.address);
  for (const key of each(root, sel.bind('key'))) setText(key, view.enrollment?.keyGrouped ?? '');
  for (const code of each(root, sel.bind('backup-code'))) setText(code, view.backupCode ?? '');
  for (const image of each<HTMLImageElement>(root, sel.bind('qr'))) drawQr(image, view.enrollment?.uri ?? '');
  for (const box of each<HTMLInputElement>(root, sel.toggle('backup-saved')))
    if (box.checked !== view.backupSaved) box.checked = view.backupSaved;

  // "Not part of this practice" lasts until the reader does something else.
  setHidden(one(root, sel.bind('not-covered')), true);

  const saved = extras.savedBackupCode;
  setText(one(root, sel.bind('saved-backup-code')), saved ? groupInFours(saved) : '');
  setHidden(one(root, sel.bind('saved-backup')), !saved || !extras.guided);
}

/** Says, under the client area's header, that a page or action is not part of this practice. */
export function showNotCovered(root: HTMLElement, text: string): void {
  const note = one(root, sel.bind('not-covered'));
  setText(note, text);
  setHidden(note, false);
}

/** Every `when(...)` element, shown while its condition holds. */
export function renderConditions(root: HTMLElement, state: SimulatorState): void {
  for (const element of each(root, sel.when)) {
    const condition = element.dataset['when'];
    if (isCondition(condition)) setHidden(element, !CONDITIONS[condition](state));
  }
}

function drawQr(image: HTMLImageElement, uri: string): void {
  if (drawn.get(image) === uri) return;
  drawn.set(image, uri);
  if (uri) image.src = qrSource(uri);
  else image.removeAttribute('src');
}
