/** Small DOM helpers for the simulator's custom element. */

export function all<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  return [...root.querySelectorAll<E>(selector)];
}

export function setHidden(element: Element | null | undefined, hidden: boolean): void {
  if (element instanceof HTMLElement && element.hidden !== hidden) element.hidden = hidden;
}

export function setText(element: Element | null | undefined, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

/** Whether an element is rendered (not inside anything hidden). */
export function isShown(element: Element): boolean {
  return element instanceof HTMLElement && element.getClientRects().length > 0;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusables(root: ParentNode): HTMLElement[] {
  return all<HTMLElement>(root, FOCUSABLE).filter((element) => isShown(element) && !element.closest('[inert]'));
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
