/**
 * Fills `{name}` placeholders in a (localised) template: `fill('{n} left', { n: 3 })` → `'3 left'`.
 * A placeholder without a value stays as written, so a missing value shows up instead of "undefined".
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : match));
}

/** A template cut at its placeholders: text pieces and `{ key }` slots, for filling with elements (see components/ui/filled.tsx). */
export function splitTemplate(template: string): (string | { key: string })[] {
  return template.split(/(\{\w+\})/).filter((part) => part !== '').map((part) => (/^\{\w+\}$/.test(part) ? { key: part.slice(1, -1) } : part));
}
