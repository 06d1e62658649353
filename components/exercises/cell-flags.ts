import type { ValidationResult } from '@/engine/exercises/validate-answer';
import type { Locale } from '@/lib/i18n/locales';
import { pathKey, type CellPath } from '@/components/exercises/draft';
import { format, TEXT } from '@/components/exercises/text';

// The boxes an answer form marks after the browser's own check (validateAnswer) refused a draft:
// blank ones, or number boxes whose text is not a number. One module for the exercise page and
// the exam page, so both mark, say and focus the same way.

export type CellFlag = 'empty' | 'unreadable';
/** pathKey → why the box is marked. */
export type CellFlags = ReadonlyMap<string, CellFlag>;

export const NO_CELL_FLAGS: CellFlags = new Map();

type Invalid = Extract<ValidationResult, { ok: false }>;

/** What a refused draft marks, what it says, and which box to focus. */
export function flagInvalidDraft(result: Invalid, locale: Locale): { flags: CellFlags; text: string; focus: CellPath | null } {
  const empty = result.emptyCells ?? [];
  const unreadable = result.unreadableCells ?? [];
  const flags = new Map<string, CellFlag>([...empty.map((path) => [pathKey(path), 'empty'] as const), ...unreadable.map((path) => [pathKey(path), 'unreadable'] as const)]);
  // The validator's sentence names places by their field names (`At dW[2,2]: …`), as the API needs;
  // a form has marked boxes instead.
  const text = empty.length === 0 && unreadable.length > 0 ? (unreadable.length === 1 ? TEXT.unreadable[locale] : format(TEXT.unreadableMany[locale], { n: unreadable.length })) : result.message[locale];
  return { flags, text, focus: empty[0] ?? unreadable[0] ?? null };
}

/** The flags once the student has typed into a box: that box is no longer marked. */
export function unflagCell(flags: CellFlags, path: CellPath): CellFlags {
  const key = pathKey(path);
  if (!flags.has(key)) return flags;
  const next = new Map(flags);
  next.delete(key);
  return next;
}
