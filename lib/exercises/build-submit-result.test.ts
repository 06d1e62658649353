import { describe, expect, it } from 'vitest';
import { explain, solve } from '@/engine/exercises';
import { buildSubmitResult } from '@/lib/exercises/build-submit-result';
import type { TAttemptView } from '@/lib/exercises/schemas';

const typeId = 'sigmoid-derivative';
const seed = 12345;

function attempt(attemptNumber: number, correct: boolean): TAttemptView {
  return { id: `a${attemptNumber}`, round: 0, attemptNumber, answer: 0, score: correct ? 1 : 0, correct, parts: null, feedback: { ko: '', en: '' }, mistake: null, firstWrong: null, createdAt: new Date(0).toISOString() };
}

describe('the worked solution in a submit result', () => {
  it('is withheld while the round is open: after a first and a second wrong attempt it is null', () => {
    for (const attemptNumber of [1, 2]) {
      const result = buildSubmitResult({ typeId, seed, attempt: attempt(attemptNumber, false) });
      expect(result.isRoundOver).toBe(false);
      expect(result.solution).toBeNull();
    }
  });

  it('comes with the attempt that ends the round: the third wrong one, or a right one', () => {
    for (const ending of [attempt(3, false), attempt(1, true)]) {
      const result = buildSubmitResult({ typeId, seed, attempt: ending });
      expect(result.isRoundOver).toBe(true);
      expect(result.solution).toEqual(explain(typeId, seed).map(({ text, latex }) => ({ text, latex })));
      // It holds the answer: the value of σ(z), to four digits.
      const value = (solve(typeId, seed) as { value: number }).value;
      expect(result.solution!.map((step) => step.latex)).toContain(String(Number(value.toPrecision(4))));
    }
  });
});
