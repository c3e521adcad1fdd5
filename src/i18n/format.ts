/**
 * Fills `{name}` placeholders: `format('Step {current} of {total}', { current: 2, total: 7 })`.
 * Used at build time by `t()` and in the browser by the custom elements, which receive their
 * templates in a `data-strings` attribute (so their scripts carry no copy of en.json). An
 * unknown placeholder stays as it is, so a missing value shows rather than vanishing.
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
