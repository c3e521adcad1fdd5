/**
 * The simulator's screens come from one file per build (/runtime/simulator-screens.<hash>.html,
 * src/lib/simulator-screens.ts), fetched once per page however many simulators it has, and
 * copied into each one with its own ids when it boots.
 */

/** Stands for the simulator's id in the file (INSTANCE_PLACEHOLDER in src/lib/simulator-screens.ts). */
const PLACEHOLDER = /__SIM__/g;

const fetched = new Map<string, Promise<string>>();

/** The screens' HTML (one request per address, shared). Rejects when it cannot be had. */
export function loadScreens(url: string): Promise<string> {
  let html = fetched.get(url);
  if (!html) {
    html = fetch(url, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`simulator screens: HTTP ${response.status}`);
      return response.text();
    });
    fetched.set(url, html);
  }
  return html;
}

type Policy = { createHTML(html: string): unknown };
type TrustedTypes = { createPolicy(name: string, rules: { createHTML(html: string): string }): Policy };

let policy: Policy | null | undefined;

/**
 * Under a Trusted Types policy (`require-trusted-types-for 'script'`) HTML may enter the page
 * only through a named policy: this one passes the screens file, which this site built itself
 * and serves from its own origin, and nothing else calls it.
 */
function trusted(html: string): string {
  if (policy === undefined) {
    const types = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
    policy = types ? types.createPolicy('simulator-screens', { createHTML: (text) => text }) : null;
  }
  return (policy ? policy.createHTML(html) : html) as string;
}

/** A fresh copy of the screens for the simulator with this id. */
export function screensFor(html: string, id: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = trusted(html.replace(PLACEHOLDER, id));
  return template.content;
}

/** Lets the browser paint and handle input between chunks of work (`scheduler.yield` where it exists). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
