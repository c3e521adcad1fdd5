/**
 * The writer components that show the client area: the interactive simulator and live figures.
 *   import { Simulator, LiveFigure } from '../../src/components/writer/simulator';
 * Kept apart from index.ts because Astro adds the styles of every component a page imports,
 * rendered or not: importing these only where they are used keeps their CSS (about 2 KB
 * gzipped) off every other article.
 */
export { default as Simulator } from './Simulator.astro';
export { default as LiveFigure } from './LiveFigure.astro';
