import { z } from 'zod';

// The one place that says what an id, a piece of text and a user-chosen name may contain. Every
// route body, path and query parameter, page parameter and socket event builds on these, so no
// input can carry a NUL byte (PostgreSQL refuses it: a 500 before these existed) or other control
// junk into a query, a log line or a CSV. Client-safe: the forms check with the same schemas.

/** C0 and C1 control characters and DEL (Unicode category Cc), NUL included. */
const CONTROL = /\p{Cc}/u;
/** Cc except tab, line feed and carriage return, for text that may span lines. */
const CONTROL_EXCEPT_LINES = /[^\P{Cc}\t\n\r]/u;
/** Unicode category Cf: zero-width spaces and joiners, direction overrides (U+202E), BOM, soft hyphen… */
const FORMAT = /\p{Cf}/u;

export const ID_MAX = 64;

/**
 * A form's number box as the form holds it: NaN when the box is empty or not a number (the input's
 * valueAsNumber), so a form's own check names it instead of a cleared box silently becoming 0.
 */
export const ZFormNumber = z.union([z.number(), z.nan()]);

/** True when `value` holds a control character (Cc) anywhere. */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * A database id (a cuid), an exercise type id or a similar token: ASCII letters, digits, `-` and
 * `_`, 1 to 64 characters. Used for path segments, query parameters, body fields and event payloads.
 */
export const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'not a valid id' });

export interface TextOptions {
  min?: number;
  max: number;
  /** Allow line breaks and tabs (descriptions); otherwise one line. */
  multiline?: boolean;
}

/** Free text (trimmed): no control characters except, when `multiline`, line breaks and tabs. */
export function zText({ min = 0, max, multiline = false }: TextOptions) {
  return z
    .string()
    .trim()
    .min(min, { message: min <= 1 ? 'must not be empty' : `at least ${min} characters` })
    .max(max, { message: `at most ${max} characters` })
    .refine((value) => !(multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(value), { message: 'contains invisible control characters' });
}

/**
 * A name a person picks (their name, a nickname, a class name, a title): NFKC-normalised (so
 * full-width and compatibility forms compare equal to the plain ones), trimmed, one line, and free
 * of control characters and invisible format characters (Cf: zero-width spaces, direction
 * overrides), which would let "Student\u200B 1" pass for "Student 1" or flip a leaderboard row.
 */
export function zName({ min = 1, max, messages = {} }: { min?: number; max: number; messages?: { empty?: string; tooLong?: string } }) {
  return z
    .string()
    .normalize('NFKC')
    .trim()
    .refine((value) => !CONTROL.test(value), { message: 'contains invisible control characters' })
    .refine((value) => !FORMAT.test(value), { message: 'contains invisible or direction-changing characters' })
    .refine((value) => value.length >= min, { message: messages.empty ?? (min <= 1 ? 'must not be empty' : `at least ${min} characters`) })
    .refine((value) => value.length <= max, { message: messages.tooLong ?? `at most ${max} characters` });
}

/** The path of the first string (or key) in a JSON value that holds a NUL byte, or null. */
export function findNulByte(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulByte(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNulByte(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
