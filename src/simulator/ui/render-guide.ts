/**
 * Guided mode on the page: the step list (current and done steps), "Step 2 of 7", and the
 * numbered marker, placed before the first visible control of the current step.
 */
import { markerTargets, type GuideState } from '../machine/guide';
import { sel } from './contract';
import { all, isShown, setHidden, setText } from './dom';
import type { Translate } from './strings';

export function renderGuide(root: HTMLElement, state: GuideState, t: Translate): void {
  for (const [index, item] of all(root, sel.guideStep).entries()) {
    if (index === state.current) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
    item.classList.toggle('is-done', index < state.current);
  }
  const done = state.current >= state.steps.length;
  setText(
    root.querySelector(sel.bind('progress')),
    done ? t('sim.guide.done') : t('sim.guide.progress', { current: state.current + 1, total: state.steps.length }),
  );
  const marker = root.querySelector<HTMLElement>(sel.part('marker'));
  if (!marker) return;
  const step = state.steps[state.current];
  const target = step
    ? markerTargets(step)
        .flatMap((name) => all<HTMLElement>(root, sel.target(name)))
        .find(
          (element) =>
            isShown(element) &&
            !(element instanceof HTMLInputElement && element.type === 'checkbox' && element.checked),
        )
    : undefined;
  if (!target) return setHidden(marker, true);
  setText(marker, String(state.current + 1));
  if (marker.nextElementSibling !== target) target.before(marker);
  setHidden(marker, false);
}
