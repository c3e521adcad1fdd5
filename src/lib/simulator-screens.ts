/**
 * The simulator's screens as one HTML file for the runtime (see Screens.astro), rendered at
 * build time with Astro's container API and named by the hash of its content, so browsers may
 * cache it for good.
 */
import { createHash } from 'node:crypto';
import { experimental_AstroContainer } from 'astro/container';
import Screens from '../components/simulator/Screens.astro';
import { previewState } from '../components/simulator/preview';

/** Stands for the simulator's id in the file; the runtime replaces it. */
export const INSTANCE_PLACEHOLDER = '__SIM__';

let screens: Promise<{ file: string; html: string }> | null = null;

export function simulatorScreens(): Promise<{ file: string; html: string }> {
  screens ??= (async () => {
    const container = await experimental_AstroContainer.create();
    const props = { state: previewState('login', 'default') };
    // typescript-eslint cannot see .astro types (astro check checks this file's use of them).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
    const html = (await container.renderToString(Screens, { props })).trim();
    const hash = createHash('sha256').update(html).digest('hex').slice(0, 10);
    return { file: `simulator-screens.${hash}.html`, html };
  })();
  return screens;
}

export async function simulatorScreensUrl(): Promise<string> {
  return `/runtime/${(await simulatorScreens()).file}`;
}
