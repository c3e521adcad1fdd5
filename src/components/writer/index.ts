/**
 * The components writers use in articles. Import them at the top of an .mdx file:
 *   import { Steps, Step, Note, Tip, Warning, Kbd, Figure } from '../../src/components/writer';
 * The simulator and live figures come from './simulator' (see simulator.ts for why).
 * CONTRIBUTING.md documents each one. Every bad prop fails the build with a message that names
 * the component, the prop, what was received and what is allowed (see validate.ts).
 */
export { default as Steps } from './Steps.astro';
export { default as Step } from './Step.astro';
export { default as Note } from './Note.astro';
export { default as Tip } from './Tip.astro';
export { default as Warning } from './Warning.astro';
export { default as Kbd } from './Kbd.astro';
export { default as Figure } from './Figure.astro';
