/**
 * The only simulator code a page loads up front (a few hundred bytes). Each simulator boots on
 * its own: when it comes near the viewport, or as soon as the reader reaches into it (pointer,
 * keyboard focus), never all at once. The runtime (engine + element, bundled apart) is fetched
 * once, a little earlier, when the first simulator is on its way. If it cannot load, the
 * server-rendered step list comes back and says so.
 */
import { selectPart } from './contract';

/** Fetch the runtime this far ahead of a simulator... */
const FETCH_AHEAD = '1200px';
/** ...and boot the simulator this far ahead of the viewport. */
const BOOT_AHEAD = '300px';

type Runtime = { boot(element: HTMLElement): Promise<void> };

export function observeSimulators(): void {
  const simulators = [...document.querySelectorAll<HTMLElement>('twofa-simulator')];
  if (simulators.length === 0) return;
  // Built apart from the page's scripts (src/lib/runtime-bundles.ts); its address is on the element.
  const url = simulators[0]?.dataset['runtime'];
  let runtime: Promise<Runtime> | null = null;
  const failed = () => {
    for (const simulator of simulators) {
      simulator.dataset['failed'] = '';
      simulator.querySelector(selectPart('fallback-failed'))?.removeAttribute('hidden');
    }
  };
  const load = () =>
    (runtime ??= url
      ? (import(/* @vite-ignore */ url) as Promise<Runtime>)
      : Promise.reject(new Error('no simulator runtime')));
  const booted = new Set<HTMLElement>();
  const boot = (simulator: HTMLElement) => {
    if (booted.has(simulator)) return;
    booted.add(simulator);
    load()
      .then((module) => module.boot(simulator))
      .catch(failed);
  };
  for (const simulator of simulators) {
    for (const type of ['pointerdown', 'focusin', 'keydown'] as const)
      simulator.addEventListener(type, () => boot(simulator), { once: true, passive: true });
  }
  if (!('IntersectionObserver' in window)) return simulators.forEach(boot);
  const ahead = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      ahead.disconnect();
      void load().catch(failed);
    },
    { rootMargin: FETCH_AHEAD },
  );
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        boot(entry.target as HTMLElement);
      }
    },
    { rootMargin: BOOT_AHEAD },
  );
  for (const simulator of simulators) {
    ahead.observe(simulator);
    near.observe(simulator);
  }
}
