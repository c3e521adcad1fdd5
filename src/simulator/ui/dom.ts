/** Small DOM helpers for the simulator's custom element. */

export function all<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  return [...root.querySelectorAll<E>(selector)];
}

const found = new WeakMap<ParentNode, Map<string, Element[]>>();

/**
 * Like `all`, but remembered per root: the simulator's screens never change after boot, and
 * they are looked up on every render (a query each time would cost as much as the render).
 */
export function each<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  let bySelector = found.get(root);
  if (!bySelector) found.set(root, (bySelector = new Map<string, Element[]>()));
  let elements = bySelector.get(selector);
  if (!elements) bySelector.set(selector, (elements = all(root, selector)));
  return elements as E[];
}

/** The first of `each`. */
export function one<E extends Element = HTMLElement>(root: ParentNode, selector: string): E | null {
  return each<E>(root, selector)[0] ?? null;
}

/** Forgets what `each` found under `root` (its markup was replaced). */
export function forget(root: ParentNode): void {
  found.delete(root);
}

export function setHidden(element: Element | null | undefined, hidden: boolean): void {
  if (element instanceof HTMLElement && element.hidden !== hidden) element.hidden = hidden;
}

export function setText(element: Element | null | undefined, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

/**
 * Whether an element is shown: nothing around it is `hidden`. The simulator hides only with the
 * attribute, so this needs no layout (reading the layout after each render would force one).
 */
export function isShown(element: Element): boolean {
  return element instanceof HTMLElement && element.closest('[hidden]') === null;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusables(root: ParentNode): HTMLElement[] {
  return all<HTMLElement>(root, FOCUSABLE).filter((element) => isShown(element) && !element.closest('[inert]'));
}

/** How to scroll something into view: at once when the reader asks for reduced motion. */
export function scrollBehavior(): ScrollBehavior {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Whether an element lies wholly inside the viewport (reads the layout: call it on a reader's action). */
export function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

/** Takes the reader to an element (focusable with tabindex="-1"): focus, and the element at the top. */
export function jumpTo(element: HTMLElement | null): void {
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
}

/** Copies text; false when the browser refuses (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Saves text as a file on the reader's device. A blob: URL: nothing is sent anywhere. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
