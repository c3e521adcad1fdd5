/**
 * Guided mode on the page: the step list (current and done steps), "Step 2 of 7", the follow-on
 * once all are done ("Next, if you like: ..."), and the numbered marker, placed before the first
 * visible control of the step it is for.
 */
import { markedStep, markerTargets, type GuideState } from '../machine/guide';
import { sel } from './contract';
import { each, isShown, one, setHidden, setText } from './dom';
import type { Translate } from './strings';

/** The marker on a follow-on: it has no number in the list. */
const FOLLOW_ON_MARK = '→';

export function renderGuide(root: HTMLElement, state: GuideState, t: Translate): void {
  for (const [index, item] of each(root, sel.guideStep).entries()) {
    if (index === state.current) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
    item.classList.toggle('is-done', index < state.current);
  }
  for (const next of each(root, sel.guideNext)) setHidden(next, next.dataset['guideNext'] !== state.next);
  const done = state.current >= state.steps.length;
  setText(
    one(root, sel.bind('progress')),
    done ? t('sim.guide.done') : t('sim.guide.progress', { current: state.current + 1, total: state.steps.length }),
  );
  const marker = one<HTMLElement>(root, sel.part('marker'));
  if (!marker) return;
  const step = markedStep(state);
  const target = step
    ? markerTargets(step)
        .flatMap((name) => each<HTMLElement>(root, sel.target(name)))
        .find(
          (element) =>
            isShown(element) &&
            !(element instanceof HTMLInputElement && element.type === 'checkbox' && element.checked),
        )
    : undefined;
  if (!target) return setHidden(marker, true);
  setText(marker, done ? FOLLOW_ON_MARK : String(state.current + 1));
  if (marker.nextElementSibling !== target) target.before(marker);
  setHidden(marker, false);
}
