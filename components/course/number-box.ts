/**
 * A course form's number box, controlled: it reads `valueAsNumber` (NaN when the box is emptied or
 * holds no number, e.g. "2e") and shows nothing for NaN, so the form's check names the box instead
 * of a cleared box turning into 0 (QA: an emptied late penalty was saved as 0).
 */
export function numberBoxValue(value: number): number | '' {
  return Number.isNaN(value) ? '' : value;
}
