import { describe, expect, it } from 'vitest';
import { exerciseTypes, generate, seedOf, solve, validateAnswer, type AnswerSpec } from '@/engine/exercises';
import { draftFromAnswer, emptyDraft, getAt, partAt, setAt } from '@/components/exercises/draft';

const matrix: AnswerSpec = { kind: 'matrix', rows: 2, cols: 3 };

describe('answer drafts', () => {
  it('starts every type with an empty cell per expected value, which the validator rejects as incomplete', () => {
    for (const type of exerciseTypes) {
      const spec = generate(type.id, seedOf('draft-test', type.id, 0)).answer;
      const result = validateAnswer(spec, emptyDraft(spec));
      expect(result.ok, type.id).toBe(false);
    }
  });

  it('turns the solved answer of every type into a draft the validator accepts with the same numbers', () => {
    for (const type of exerciseTypes) {
      const seed = seedOf('draft-test', type.id, 1);
      const spec = generate(type.id, seed).answer;
      const expected = solve(type.id, seed);
      const draft = draftFromAnswer(spec, expected);
      expect(draft, type.id).not.toBeNull();
      const checked = validateAnswer(spec, draft);
      expect(checked.ok && checked.value, type.id).toEqual(expected);
    }
  });

  it('refuses an earlier answer whose shape no longer fits the spec', () => {
    expect(draftFromAnswer(matrix, [['1', '2', '3']])).toBeNull();
    expect(draftFromAnswer({ kind: 'fields', fields: { a: { kind: 'scalar' } } }, { b: 1 })).toBeNull();
  });

  it('sets one cell without touching the others or the original', () => {
    const draft = emptyDraft(matrix);
    const next = setAt(draft, [1, 2], '0.5');
    expect(getAt(next, [1, 2])).toBe('0.5');
    expect(getAt(next, [0, 2])).toBe('');
    expect(getAt(draft, [1, 2])).toBe('');
  });

  it('reads per-cell correctness, with a boolean part covering the cells below it', () => {
    const parts = { w: [true, false], output: true };
    expect(partAt(parts, ['w', 0])).toBe(true);
    expect(partAt(parts, ['w', 1])).toBe(false);
    expect(partAt(parts, ['w'])).toBe(false);
    expect(partAt(parts, ['output'])).toBe(true);
    expect(partAt(true, ['anything', 3])).toBe(true);
    expect(partAt(null, ['w', 0])).toBeUndefined();
  });
});
