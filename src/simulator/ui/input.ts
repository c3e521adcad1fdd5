/**
 * The reader's input, turned into engine events through the contract's tables: a button's
 * `send(...)` event, a form's event (`FORMS`), a checkbox's event (`TOGGLES`), or one of the
 * page's own actions (`ACTIONS`). Nothing here decides what is allowed: the machines do.
 */
import type { ClientAreaEvent } from '../machine/client-area-machine';
import type { PhoneEvent } from '../phone/phone-machine';
import {
  FORMS,
  isAction,
  isFormName,
  isToggleName,
  sel,
  TOGGLES,
  type Action,
  type ButtonEvent,
  type FormFields,
} from './contract';

export interface InputHandlers {
  send(event: ClientAreaEvent | PhoneEvent): void;
  act(action: Action, button: HTMLElement): void;
  /** A button was pressed (the dialogs remember which one opened a window). */
  pressed(button: HTMLElement): void;
  /** Anything changed that the engine does not hear of (a ticked captcha): render again. */
  changed(): void;
  menuOpen(): boolean;
}

/** Listens on `root`; returns the function that stops listening. */
export function listen(root: HTMLElement, handlers: InputHandlers): () => void {
  const onClick = (event: MouseEvent) => {
    const clicked = event.target as Element;
    // A click anywhere else closes the menu under the customer's name, as menus do.
    if (handlers.menuOpen() && !clicked.closest(sel.part('user'))) handlers.send({ type: 'menu.close' });
    const button = clicked.closest<HTMLElement>('button');
    if (!button || !root.contains(button)) return;
    handlers.pressed(button);
    const type = button.dataset['send'];
    // The attribute was written by `send()`, whose argument is typed: it is a ButtonEvent.
    if (type) return handlers.send({ type } as { type: ButtonEvent });
    const name = button.dataset['action'];
    if (isAction(name)) handlers.act(name, button);
  };

  const onSubmit = (event: SubmitEvent) => {
    const element = event.target as HTMLFormElement;
    if (!root.contains(element)) return;
    event.preventDefault();
    const name = element.dataset['form'];
    if (isFormName(name)) handlers.send(FORMS[name](fieldsOf(element)));
  };

  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const name = input.dataset['toggle'];
    const toggled = isToggleName(name) ? TOGGLES[name](input.checked) : null;
    if (toggled) handlers.send(toggled);
    handlers.changed();
  };

  root.addEventListener('click', onClick);
  root.addEventListener('submit', onSubmit);
  root.addEventListener('change', onChange);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('submit', onSubmit);
    root.removeEventListener('change', onChange);
  };
}

/** A submitted form's fields, read by name. */
function fieldsOf(form: HTMLFormElement): FormFields {
  const data = new FormData(form);
  return {
    text: (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    },
    checked: (name) => data.has(name),
  };
}
