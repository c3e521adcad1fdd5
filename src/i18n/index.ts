/**
 * UI strings. Every visible string lives in en.json under a flat, dot-namespaced key;
 * components call `t('key', { count: 3 })`. A missing key fails loudly at build time.
 */
import strings from './en.json' with { type: 'json' };
import { format } from './format';

export type StringKey = keyof typeof strings;

export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  const template = strings[key];
  if (template === undefined) throw new Error(`Missing UI string "${key}" in src/i18n/en.json`);
  return format(template, values);
}

/** Picks the `.one` or `.other` form of a counted string. */
export function tCount(base: 'home.articleCount' | 'article.usefulCount', count: number): string {
  return t(count === 1 ? `${base}.one` : `${base}.other`, { count });
}
