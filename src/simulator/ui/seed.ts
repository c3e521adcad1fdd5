/**
 * The seed a simulator runs with: none (a CSPRNG secret), the writer's `seed`, or with
 * `data-seed-param` the one in the page address, so a shared link reproduces the same secret and
 * backup code. A page opened without one gets a fresh seed written into its address.
 */
import { isSeed } from '../env';

export function seedFor(element: HTMLElement): string | undefined {
  const param = element.dataset['seedParam'];
  if (!param) return element.dataset['seed'] || undefined;
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(param);
  if (isSeed(fromUrl)) return fromUrl;
  const fresh = [...crypto.getRandomValues(new Uint8Array(6))]
    .map((byte) => byte.toString(36).padStart(2, '0'))
    .join('');
  url.searchParams.set(param, fresh);
  history.replaceState(history.state, '', url);
  return fresh;
}
