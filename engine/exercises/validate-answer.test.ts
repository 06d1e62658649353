import { describe, expect, it } from 'vitest';
import type { AnswerSpec } from './answer-spec';
import { MAX_ANSWER_CELLS, ZAnswer } from './answer-schema';
import { validateAnswer } from './validate-answer';

const fields: AnswerSpec = {
  kind: 'fields',
  fields: {
    dW: { kind: 'matrix', rows: 2, cols: 2, label: { ko: '∂L/∂W', en: '∂L/∂W' } },
    db: { kind: 'vector', length: 2 },
    out: { kind: 'choice', options: [{ id: '+1', label: { ko: '+1', en: '+1' } }, { id: '-1', label: { ko: '−1', en: '−1' } }] },
    shape: { kind: 'shape' },
  },
};

describe('validateAnswer', () => {
  it('parses every kind of answer, numbers given as numbers or strings', () => {
    const result = validateAnswer(fields, { dW: [['1/2', 2], [' 3 ', '1e-1']], db: [0, '-0.5'], out: '-1', shape: '6×28×28' });
    expect(result).toEqual({ ok: true, value: { dW: [[0.5, 2], [3, 0.1]], db: [0, -0.5], out: '-1', shape: [6, 28, 28] } });
  });

  it('reads shapes written as lists or as text', () => {
    for (const shape of [[6, 28, 28], ['6', '28', '28'], '[6, 28, 28]', '(6,28,28)', '6x28x28', '6 × 28 × 28']) {
      expect(validateAnswer({ kind: 'shape' }, shape)).toEqual({ ok: true, value: [6, 28, 28] });
    }
  });

  it('reads a tensor as nested lists of its shape', () => {
    const spec: AnswerSpec = { kind: 'tensor', shape: [2, 1, 2] };
    expect(validateAnswer(spec, [[[1, 2]], [[3, '4']]])).toEqual({ ok: true, value: [[[1, 2]], [[3, 4]]] });
    const wrong = validateAnswer(spec, [[[1, 2]], [[3]]]);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message.en).toContain('[2,1]');
  });

  it.each([
    ['a matrix with a short row', { kind: 'matrix', rows: 2, cols: 2 }, [[1, 2], [3]], /2×2 matrix.*\[2\].*needs 2 entries but has 1/],
    ['a vector of the wrong length', { kind: 'vector', length: 3 }, [1, 2], /vector of 3 numbers.*has 2/],
    ['a list where a number belongs', { kind: 'scalar' }, [1], /single number/],
    ['text that is not a number', { kind: 'scalar' }, 'twelve', /“twelve” is not a number/],
    ['NaN as text', { kind: 'scalar' }, 'NaN', /not a number/],
    ['an unknown option', { kind: 'choice', options: [{ id: 'a', label: { ko: 'a', en: 'a' } }] }, 'b', /choose one of the options \(a\)/],
    ['a shape with a fraction', { kind: 'shape' }, [6, 2.5], /positive integers/],
    ['a shape with a zero', { kind: 'shape' }, [6, 0, 3], /positive integers/],
  ] as [string, AnswerSpec, unknown, RegExp][])('rejects %s as invalid and says what was expected', (_name, spec, answer, message) => {
    const result = validateAnswer(spec, answer);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.en).toMatch(/^Expected /);
      expect(result.message.en).toMatch(message);
      expect(result.message.ko.length).toBeGreaterThan(5);
    }
  });

  it('counts blank boxes as a person would and lists them, before any format detail', () => {
    const result = validateAnswer(fields, { dW: [['1', ' '], ['', 4]], db: [1, 2], out: '', shape: '[1, 2]' });
    expect(result).toEqual({
      ok: false,
      message: { ko: '8칸을 모두 채우세요 — 3칸이 비어 있습니다.', en: 'Fill in all 8 boxes — 3 are empty.' },
      emptyCells: [['dW', 0, 1], ['dW', 1, 0], ['out']],
    });
    const one = validateAnswer({ kind: 'vector', length: 3 }, ['1', '', '2']);
    expect(one.ok === false && one.message.en).toBe('Fill in all 3 boxes — 1 is empty.');
    const single = validateAnswer({ kind: 'shape' }, '  ');
    expect(single.ok === false && single.message.en).toBe('Fill in the answer box, then submit.');
    const all = validateAnswer({ kind: 'matrix', rows: 2, cols: 2 }, [['', ''], ['', '']]);
    expect(all.ok === false && all.emptyCells?.length).toBe(4);
  });

  it('names missing and unknown fields', () => {
    const result = validateAnswer(fields, { dW: [[1, 2], [3, 4]], db: [1, 2], out: '+1', extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.en).toMatch(/missing shape; unknown extra/);
  });

  it('points at the failing cell inside a field', () => {
    const result = validateAnswer(fields, { dW: [[1, 2], [3, 'x']], db: [1, 2], out: '+1', shape: [1] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.en).toContain('At dW[2,2]: “x” is not a number');
  });

  it('lists every number box that is not a number, so a form can mark them (a blank or a shape box is not one)', () => {
    const result = validateAnswer(fields, { dW: [['abc', 2], [3, '1/0x']], db: ['', 2], out: '+1', shape: 'six' });
    expect(result.ok).toBe(false);
    // Blank boxes are reported first, on their own.
    if (!result.ok) expect(result.emptyCells).toEqual([['db', 0]]);
    const filled = validateAnswer(fields, { dW: [['abc', 2], [3, '1/0x']], db: ['1e999e', 2], out: '+1', shape: 'six' });
    expect(filled.ok).toBe(false);
    if (!filled.ok) expect(filled.unreadableCells).toEqual([['dW', 0, 0], ['dW', 1, 1], ['db', 0]]);
    const shapeOnly = validateAnswer(fields, { dW: [[1, 2], [3, 4]], db: [1, 2], out: '+1', shape: 'six' });
    expect(shapeOnly.ok).toBe(false);
    if (!shapeOnly.ok) expect(shapeOnly.unreadableCells).toBeUndefined();
  });
});

describe('ZAnswer', () => {
  it('accepts numbers, strings, lists and field records', () => {
    expect(ZAnswer.safeParse({ a: [[1, '2/3']], b: 'x', c: 3 }).success).toBe(true);
  });

  it(`rejects answers with more than ${MAX_ANSWER_CELLS} cells`, () => {
    expect(ZAnswer.safeParse(new Array(MAX_ANSWER_CELLS).fill(1)).success).toBe(true);
    expect(ZAnswer.safeParse(new Array(MAX_ANSWER_CELLS + 1).fill(1)).success).toBe(false);
  });

  it('rejects long strings, non-finite numbers, deep nesting and other value types', () => {
    expect(ZAnswer.safeParse('1'.repeat(65)).success).toBe(false);
    expect(ZAnswer.safeParse([Number.POSITIVE_INFINITY]).success).toBe(false);
    expect(ZAnswer.safeParse([Number.NaN]).success).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(ZAnswer.safeParse(deep).success).toBe(false);
    expect(ZAnswer.safeParse(null).success).toBe(false);
    expect(ZAnswer.safeParse(true).success).toBe(false);
    expect(ZAnswer.safeParse({ a: undefined }).success).toBe(false);
  });

  it('makes validateAnswer report an oversized answer as invalid', () => {
    const result = validateAnswer({ kind: 'vector', length: 2 }, new Array(MAX_ANSWER_CELLS + 5).fill(0));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.en).toContain(`more than ${MAX_ANSWER_CELLS} cells`);
  });
});
