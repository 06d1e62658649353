import { describe, expect, it } from 'vitest';
import type { AnswerValue } from './answer-spec';
import { compareAnswer } from './compare-answer';
import { explain, exerciseTypes, generate, solve } from './index';

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);

/** The part of the expected answer a step names: a field, or the whole answer for ''. */
function expectedPart(expected: AnswerValue, field: string): AnswerValue {
  if (field === '') return expected;
  if (typeof expected !== 'object' || Array.isArray(expected)) throw new Error(`step names field '${field}' of a whole-value answer`);
  return expected[field];
}

describe('worked solutions', () => {
  it.each(exerciseTypes.map((type) => [type.id, type] as const))('%s: every answer step equals solve() on 40 seeds, and every answer box is covered', (typeId, type) => {
    for (const seed of SEEDS) {
      const steps = explain(typeId, seed);
      const expected = solve(typeId, seed);
      const spec = generate(typeId, seed).answer;
      expect(steps.length).toBeGreaterThanOrEqual(2);
      const covered = new Set<string>();
      for (const step of steps) {
        expect(step.text.ko.length).toBeGreaterThan(3);
        expect(step.text.en.length).toBeGreaterThan(3);
        expect(step.latex.length).toBeGreaterThan(0);
        // A LaTeX command that lost its backslash (`\cdot` in a template literal is 'cdot') shows as a word.
        for (const shown of [step.text.ko, step.text.en, step.latex]) expect(shown, `${typeId} seed ${seed}`).not.toMatch(/(?<![\\a-z])(cdot|mathbf|frac|odot|partial|nabla)(?![a-z])/);
        if (step.field === undefined) continue;
        covered.add(step.field);
        const fieldSpec = step.field === '' ? spec : spec.kind === 'fields' ? spec.fields[step.field] : undefined;
        if (!fieldSpec) throw new Error(`${typeId}: step names unknown field '${step.field}'`);
        const comparison = compareAnswer(fieldSpec, step.value, expectedPart(expected, step.field), type.tolerance);
        expect(comparison.score, `${typeId} seed ${seed} field '${step.field}': ${JSON.stringify(step.value)} vs ${JSON.stringify(expectedPart(expected, step.field))}`).toBe(1);
      }
      const needed = spec.kind === 'fields' ? Object.keys(spec.fields) : [''];
      expect([...covered].sort()).toEqual([...needed].sort());
    }
  });

  it('shows numbers to four significant digits in the KaTeX of a step', () => {
    const steps = explain('sigmoid-derivative', SEEDS[0]);
    const value = steps.find((step) => step.field === 'value')!;
    expect(value.latex).toMatch(/^-?\d+(\.\d{1,4})?(e-?\d+)?$/);
    expect(Math.abs(Number(value.latex) - (value.value as number))).toBeLessThan(1e-3 * Math.max(1, Math.abs(value.value as number)));
  });
});
