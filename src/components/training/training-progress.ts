/**
 * <training-progress>: fills in the "On this device" line of each drill on /training/ from the
 * progress store, and shows a note when this browser keeps no site data.
 */
import { createProgressStore } from '../../training/progress';
import { format } from '../../i18n/format';
import type { ProgressStringKey } from './strings';

class TrainingProgress extends HTMLElement {
  connectedCallback(): void {
    let strings: Partial<Record<ProgressStringKey, string>> = {};
    try {
      strings = JSON.parse(this.dataset['strings'] ?? '{}') as typeof strings;
    } catch {
      // keep the keys as text: still readable, and the tests would notice
    }
    const t = (key: ProgressStringKey, values?: Record<string, string | number>) => format(strings[key] ?? key, values);
    const store = createProgressStore(() => window.localStorage);
    const progress = store.load();
    for (const badge of this.querySelectorAll<HTMLElement>('[data-progress-for]')) {
      const entry = progress[badge.dataset['progressFor'] ?? ''];
      badge.textContent = !entry
        ? t('training.progress.notStarted')
        : entry.best === null
          ? t('training.progress.started')
          : t('training.progress.completed', { points: entry.best });
      badge.dataset['state'] = !entry ? 'new' : entry.best === null ? 'started' : 'completed';
      const row = badge.closest<HTMLElement>('[data-progress-row]');
      if (row) row.hidden = false;
    }
    const note = this.querySelector<HTMLElement>('[data-storage-note]');
    if (note) note.hidden = store.persistent;
  }
}

if (!customElements.get('training-progress')) customElements.define('training-progress', TrainingProgress);
