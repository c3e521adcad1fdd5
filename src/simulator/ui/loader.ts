/**
 * The only simulator code a page loads up front (a few hundred bytes): it fetches the real
 * custom element, with the engine, when a simulator comes near the viewport. If that fails, the
 * server-rendered step list stays and says so.
 */
import { selectPart } from './contract';

const NEAR = '600px';

export function observeSimulators(): void {
  const simulators = [...document.querySelectorAll<HTMLElement>('twofa-simulator')];
  if (simulators.length === 0) return;
  // Built apart from the page's scripts (src/lib/runtime-bundles.ts); its address is on the element.
  const url = simulators[0]?.dataset['runtime'];
  let loading: Promise<unknown> | null = null;
  const load = () => {
    loading ??= (url ? import(/* @vite-ignore */ url) : Promise.reject(new Error('no simulator runtime'))).catch(() => {
      for (const simulator of simulators)
        simulator.querySelector(selectPart('fallback-failed'))?.removeAttribute('hidden');
    });
  };
  if (!('IntersectionObserver' in window)) return load();
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: NEAR },
  );
  for (const simulator of simulators) observer.observe(simulator);
}
