import { describeSpec, type AnswerSpec, type AnswerValue, type AnswerFields, type NumberTree } from './answer-spec';
import { ZAnswer, isPlainRecord } from './answer-schema';
import { parseNumber } from './parse-number';
import type { LocalizedText } from './text';

/** A box of the answer form: field names and indices from the root of the answer. */
export type AnswerPath = (string | number)[];

export type ValidationResult =
  | { ok: true; value: AnswerValue }
  /**
   * `emptyCells` lists the boxes left blank (when that is the problem), `unreadableCells` the
   * number boxes whose text is not a number, so a form can mark them. `message` names the place
   * the way the API does (`At dW[2,2]: “x” is not a number…`).
   */
  | { ok: false; message: LocalizedText; emptyCells?: AnswerPath[]; unreadableCells?: AnswerPath[] };

/** Longest shape we accept; no exercise goes beyond rank 4, and 8 leaves room. */
const MAX_SHAPE_RANK = 8;

/** Thrown inside the walk and caught at the top, so each reader can stop at the first problem. */
class InvalidAnswer {
  constructor(readonly text: LocalizedText) {}
}

/**
 * Checks a submitted answer against the spec and parses every number. A wrong shape or an
 * unreadable number is *invalid* (not wrong): the message says what was expected, and callers
 * do not count the submission as an attempt.
 */
export function validateAnswer(spec: AnswerSpec, answer: unknown): ValidationResult {
  const expected = describeSpec(spec);
  const boundary = ZAnswer.safeParse(answer);
  if (!boundary.success) {
    const reason = boundary.error.issues[0]?.message ?? 'malformed answer';
    return {
      ok: false,
      message: { ko: `답의 형식이 올바르지 않습니다 (${reason}). 필요한 형식: ${expected.ko}.`, en: `The answer is malformed (${reason}). Expected ${expected.en}.` },
    };
  }
  // Blank boxes are the common slip: say how many, as a person would, before any format detail.
  const emptyCells = findEmptyCells(spec, answer, []);
  if (emptyCells.length > 0) return { ok: false, message: describeEmpty(emptyCells.length, countBoxes(spec)), emptyCells };
  try {
    return { ok: true, value: readValue(spec, answer, '') };
  } catch (error) {
    if (!(error instanceof InvalidAnswer)) throw error;
    const unreadableCells = findUnreadableCells(spec, answer, []);
    return {
      ok: false,
      message: { ko: `필요한 형식: ${expected.ko}. ${error.text.ko}`, en: `Expected ${expected.en}. ${error.text.en}` },
      ...(unreadableCells.length > 0 ? { unreadableCells } : {}),
    };
  }
}

function readValue(spec: AnswerSpec, raw: unknown, where: string): AnswerValue {
  switch (spec.kind) {
    case 'scalar':
      return readNumber(raw, where);
    case 'vector':
      return readList(raw, spec.length, where, spec).map((item, i) => readNumber(item, at(where, [i])));
    case 'matrix':
      return readList(raw, spec.rows, where, spec).map((row, r) =>
        readList(row, spec.cols, at(where, [r]), spec).map((cell, c) => readNumber(cell, at(where, [r, c]))),
      );
    case 'tensor':
      return readTensor(raw, spec.shape, { where, indices: [] }, spec);
    case 'choice':
      return readChoice(raw, spec, where);
    case 'shape':
      return readShape(raw, where);
    case 'fields':
      return readFields(raw, spec.fields, where);
  }
}

function readNumber(raw: unknown, where: string): number {
  const value = typeof raw === 'number' || typeof raw === 'string' ? parseNumber(raw) : null;
  if (value !== null) return value;
  const shown = typeof raw === 'string' || typeof raw === 'number' ? `“${String(raw)}”` : 'this entry';
  throw new InvalidAnswer({
    ko: `${place(where, 'ko')}${shown}은(는) 숫자가 아닙니다 (예: 0.25, 1/4, 2.5e-1).`,
    en: `${place(where, 'en')}${shown} is not a number (write e.g. 0.25, 1/4 or 2.5e-1).`,
  });
}

function readList(raw: unknown, length: number, where: string, spec: AnswerSpec): unknown[] {
  if (Array.isArray(raw) && raw.length === length) return raw;
  const got = Array.isArray(raw) ? `${raw.length}` : null;
  const expected = describeSpec(spec);
  throw new InvalidAnswer({
    ko: `${place(where, 'ko')}${length}개의 값이 필요한데 ${got === null ? '목록이 아닙니다' : `${got}개입니다`} (${expected.ko}).`,
    en: `${place(where, 'en')}needs ${length} entries but ${got === null ? 'is not a list' : `has ${got}`} (${expected.en}).`,
  });
}

function readTensor(raw: unknown, shape: readonly number[], cell: { where: string; indices: number[] }, spec: AnswerSpec): NumberTree {
  const here = cell.indices.length === 0 ? cell.where : at(cell.where, cell.indices);
  if (shape.length === 0) return readNumber(raw, here);
  const [length, ...rest] = shape;
  return readList(raw, length, here, spec).map((item, i) => readTensor(item, rest, { where: cell.where, indices: [...cell.indices, i] }, spec));
}

function readChoice(raw: unknown, spec: Extract<AnswerSpec, { kind: 'choice' }>, where: string): string {
  const id = typeof raw === 'string' ? raw.trim() : null;
  if (id !== null && spec.options.some((option) => option.id === id)) return id;
  const ids = spec.options.map((option) => option.id).join(', ');
  throw new InvalidAnswer({
    ko: `${place(where, 'ko')}보기(${ids}) 중 하나를 고르세요.`,
    en: `${place(where, 'en')}choose one of the options (${ids}).`,
  });
}

/** A shape as a list (`[6, 28, 28]`) or as text (`6×28×28`, `(6, 28, 28)`, `6x28x28`). */
function readShape(raw: unknown, where: string): number[] {
  const items: unknown = typeof raw === 'string' ? splitShapeText(raw) : raw;
  const dims = Array.isArray(items) ? items.map((item) => (typeof item === 'number' || typeof item === 'string' ? parseNumber(item) : null)) : [];
  const isShape = dims.length >= 1 && dims.length <= MAX_SHAPE_RANK && dims.every((d) => d !== null && Number.isInteger(d) && d >= 1);
  if (isShape) return dims.map((d) => d ?? 0);
  throw new InvalidAnswer({
    ko: `${place(where, 'ko')}모양은 1~${MAX_SHAPE_RANK}개의 양의 정수로 적으세요 (예: [6, 28, 28]).`,
    en: `${place(where, 'en')}write a shape as 1 to ${MAX_SHAPE_RANK} positive integers (e.g. [6, 28, 28]).`,
  });
}

function splitShapeText(text: string): string[] {
  const inner = text.trim().replace(/^[[(]|[\])]$/g, '');
  return inner.split(/\s*(?:,|×|x|X|\*)\s*/).filter((part) => part.length > 0);
}

function readFields(raw: unknown, fields: Record<string, AnswerSpec>, where: string): AnswerFields {
  const names = Object.keys(fields);
  if (!isPlainRecord(raw)) {
    throw new InvalidAnswer({
      ko: `${place(where, 'ko')}항목 ${names.join(', ')}을(를) 가진 객체가 필요합니다.`,
      en: `${place(where, 'en')}needs an object with the fields ${names.join(', ')}.`,
    });
  }
  const unknown = Object.keys(raw).filter((key) => !(key in fields));
  const missing = names.filter((name) => !(name in raw));
  if (unknown.length > 0 || missing.length > 0) {
    const detailEn = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    const detailKo = [missing.length > 0 ? `빠진 항목: ${missing.join(', ')}` : '', unknown.length > 0 ? `알 수 없는 항목: ${unknown.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    throw new InvalidAnswer({ ko: `${place(where, 'ko')}${detailKo}.`, en: `${place(where, 'en')}${detailEn}.` });
  }
  const value: AnswerFields = {};
  for (const name of names) value[name] = readValue(fields[name], raw[name], where ? `${where}.${name}` : name);
  return value;
}

/** `dW`, `dW[2,1]`: field names joined by dots, 1-based cell indices in brackets. */
function at(where: string, indices: readonly number[]): string {
  return `${where}[${indices.map((i) => i + 1).join(',')}]`;
}

function place(where: string, locale: keyof LocalizedText): string {
  if (where === '') return '';
  return locale === 'ko' ? `${where}: ` : `At ${where}: `;
}

/** How many boxes the answer form has: one per number, shape or choice. */
export function countBoxes(spec: AnswerSpec): number {
  switch (spec.kind) {
    case 'scalar':
    case 'shape':
    case 'choice':
      return 1;
    case 'vector':
      return spec.length;
    case 'matrix':
      return spec.rows * spec.cols;
    case 'tensor':
      return spec.shape.reduce((n, d) => n * d, 1);
    case 'fields':
      return Object.values(spec.fields).reduce((n, field) => n + countBoxes(field), 0);
  }
}

const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** What a box of the form holds: a number, a shape (`6×28×28`) or a choice. */
type BoxKind = 'number' | 'shape' | 'choice';

/**
 * The boxes (paths) whose raw text passes `test`, walking the answer as the spec shapes it. Parts
 * of the wrong shape are skipped: the format check explains those.
 */
function findBoxes(spec: AnswerSpec, raw: unknown, path: AnswerPath, test: (raw: unknown, kind: BoxKind) => boolean): AnswerPath[] {
  const inList = (value: unknown, shape: readonly number[], at: AnswerPath): AnswerPath[] => {
    if (shape.length === 0) return test(value, 'number') ? [at] : [];
    if (!Array.isArray(value) || value.length !== shape[0]) return [];
    return value.flatMap((item, i) => inList(item, shape.slice(1), [...at, i]));
  };
  switch (spec.kind) {
    case 'scalar':
      return inList(raw, [], path);
    case 'shape':
    case 'choice':
      return test(raw, spec.kind) ? [path] : [];
    case 'vector':
      return inList(raw, [spec.length], path);
    case 'matrix':
      return inList(raw, [spec.rows, spec.cols], path);
    case 'tensor':
      return inList(raw, spec.shape, path);
    case 'fields':
      if (!isPlainRecord(raw)) return [];
      return Object.entries(spec.fields).flatMap(([name, field]) => (name in raw ? findBoxes(field, raw[name], [...path, name], test) : []));
  }
}

/** The boxes left blank. */
function findEmptyCells(spec: AnswerSpec, raw: unknown, path: AnswerPath): AnswerPath[] {
  return findBoxes(spec, raw, path, (cell) => isBlank(cell));
}

/** The number boxes whose text parseNumber cannot read (a shape or a choice box has its own format). */
function findUnreadableCells(spec: AnswerSpec, raw: unknown, path: AnswerPath): AnswerPath[] {
  return findBoxes(spec, raw, path, (cell, kind) => kind === 'number' && !isBlank(cell) && ((typeof cell !== 'string' && typeof cell !== 'number') || parseNumber(cell) === null));
}

function describeEmpty(empty: number, total: number): LocalizedText {
  if (total === 1) return { ko: '답 칸을 채운 뒤 제출하세요.', en: 'Fill in the answer box, then submit.' };
  if (empty === total) return { ko: `${total}칸이 모두 비어 있습니다. 칸을 채운 뒤 제출하세요.`, en: `All ${total} boxes are empty. Fill them in, then submit.` };
  return {
    ko: `${total}칸을 모두 채우세요 — ${empty}칸이 비어 있습니다.`,
    en: `Fill in all ${total} boxes — ${empty === 1 ? '1 is' : `${empty} are`} empty.`,
  };
}
