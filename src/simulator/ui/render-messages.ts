/**
 * The last answer of the client area, beside the form that asked (`result.from`): a refusal in
 * that form's error slot, with its field marked invalid; a confirmation in the form's or the
 * page's notice. Slots are looked up in the screen on show, so two question forms (the forced
 * page and the Security Settings card) never both speak.
 */
import type { SimulatorState } from '../machine/changes';
import { noticeSlotFor, sel } from './contract';
import { all, each, one, setHidden, setText } from './dom';

/** A lockout's message counts down in the view itself (client-area/locks.ts): render it again each second. */
export function renderMessages(root: HTMLElement, state: SimulatorState): void {
  const { view } = state;
  const shown = one<HTMLElement>(root, sel.screen(view.dialog ?? view.page));
  const from = view.result?.from;
  const slot = view.error && from && shown ? one<HTMLElement>(shown, sel.errorFor(from)) : null;

  for (const error of each(root, sel.error)) {
    if (error === slot) continue;
    setHidden(error, true);
    setText(error, '');
  }
  for (const field of all(root, '[aria-invalid="true"]')) field.removeAttribute('aria-invalid');
  if (slot && view.error) {
    setText(slot, view.error.message);
    setHidden(slot, false);
    slot.id ||= `${root.id}-${shown?.dataset['screen'] ?? ''}-${from}-error`;
    const form = slot.closest('form');
    const input = form?.querySelector<HTMLInputElement>('input:not([type="checkbox"]):not([type="hidden"])');
    // The login form's message is about the whole form (captcha or credentials), not one field.
    if (input && from !== 'login') {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', slot.id);
    }
  }

  const notice =
    view.notice && from && !view.dialog && shown ? one<HTMLElement>(shown, sel.noticeFor(noticeSlotFor(from))) : null;
  for (const element of each(root, sel.notice)) if (element !== notice) setHidden(element, true);
  if (notice && view.notice) {
    setText(notice, view.notice);
    setHidden(notice, false);
  }
}
