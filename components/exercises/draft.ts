import type { AnswerSpec, Parts } from '@/engine/exercises/answer-spec';

// What the student has typed, shaped like the AnswerSpec: a string per cell (a number as typed,
// "1/4" included), a string per shape or choice, a record per `fields` answer. A draft is already
// a valid answer payload: the server parses the numbers, as it does for any client.

export type Draft = string | Draft[] | { [field: string]: Draft };

/** A path to a cell: field names and indices from the root of the answer. */
export type CellPath = readonly (string | number)[];

export function emptyDraft(spec: AnswerSpec): Draft {
  switch (spec.kind) {
    case 'scalar':
    case 'choice':
    case 'shape':
      return '';
    case 'vector':
      return Array.from({ length: spec.length }, () => '');
    case 'matrix':
      return Array.from({ length: spec.rows }, () => Array.from({ length: spec.cols }, () => ''));
    case 'tensor':
      return emptyTensor(spec.shape);
    case 'fields':
      return Object.fromEntries(Object.entries(spec.fields).map(([name, field]) => [name, emptyDraft(field)]));
  }
}

function emptyTensor(shape: readonly number[]): Draft {
  if (shape.length === 0) return '';
  const [length, ...rest] = shape;
  return Array.from({ length }, () => emptyTensor(rest));
}

/**
 * A draft from an earlier answer (a stored attempt or a saved draft), or null when it does not
 * fit the spec. Numbers become the strings a student would have typed.
 */
export function draftFromAnswer(spec: AnswerSpec, answer: unknown): Draft | null {
  switch (spec.kind) {
    case 'scalar':
    case 'choice':
      return cellText(answer);
    case 'shape':
      if (Array.isArray(answer) && answer.every((dim) => cellText(dim) !== null)) return `[${answer.join(', ')}]`;
      return cellText(answer);
    case 'vector':
      return listFromAnswer(answer, [spec.length]);
    case 'matrix':
      return listFromAnswer(answer, [spec.rows, spec.cols]);
    case 'tensor':
      return listFromAnswer(answer, spec.shape);
    case 'fields': {
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return null;
      const record = answer as Record<string, unknown>;
      const draft: Record<string, Draft> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        const value = draftFromAnswer(field, record[name]);
        if (value === null) return null;
        draft[name] = value;
      }
      return draft;
    }
  }
}

function cellText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function listFromAnswer(answer: unknown, shape: readonly number[]): Draft | null {
  if (shape.length === 0) return cellText(answer);
  const [length, ...rest] = shape;
  if (!Array.isArray(answer) || answer.length !== length) return null;
  const items = answer.map((item) => listFromAnswer(item, rest));
  return items.every((item) => item !== null) ? (items as Draft[]) : null;
}

export function getAt(draft: Draft, path: CellPath): Draft | undefined {
  let node: Draft | undefined = draft;
  for (const key of path) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = Array.isArray(node) ? (typeof key === 'number' ? node[key] : undefined) : node[String(key)];
  }
  return node;
}

/** A copy of the draft with one cell replaced (drafts are state: never mutated). */
export function setAt(draft: Draft, path: CellPath, value: string): Draft {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (Array.isArray(draft)) return draft.map((item, index) => (index === key ? setAt(item, rest, value) : item));
  if (typeof draft === 'string') return draft;
  const name = String(key);
  return name in draft ? { ...draft, [name]: setAt(draft[name], rest, value) } : draft;
}

/**
 * Correctness of the cell or field at `path`: a boolean part covers everything below it
 * (a shape or a choice is judged as a whole). Undefined when not graded.
 */
export function partAt(parts: Parts | null | undefined, path: CellPath): boolean | undefined {
  let node: Parts | undefined = parts ?? undefined;
  for (const key of path) {
    if (node === undefined || typeof node === 'boolean') break;
    node = Array.isArray(node) ? (typeof key === 'number' ? node[key] : undefined) : node[String(key)];
  }
  return node === undefined ? undefined : isAllRight(node);
}

export function isAllRight(parts: Parts): boolean {
  if (typeof parts === 'boolean') return parts;
  if (Array.isArray(parts)) return parts.every(isAllRight);
  return Object.values(parts).every(isAllRight);
}

export function pathKey(path: CellPath): string {
  return path.join('/');
}

/** Keys of every cell that differs between two drafts, with the keys of the fields holding them. */
export function changedKeys(before: Draft, after: Draft, path: CellPath = []): string[] {
  if (typeof before === 'string' || typeof after === 'string') {
    if (before === after) return [];
    return path.map((_, index) => pathKey(path.slice(0, index + 1)));
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) => {
    const next = Array.isArray(before) ? Number(key) : key;
    return changedKeys(getAt(before, [next]) ?? '', getAt(after, [next]) ?? '', [...path, next]);
  });
}
