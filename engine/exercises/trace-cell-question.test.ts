import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIGS } from '../playground/default-configs';
import { trainModel } from '../playground/train-model';
import { trainedTransformer } from '../playground/trained-transformer';
import { roundShown, TRACE_CELL_KINDS, type TTraceCell } from '../playground/trace-cell';
import { traceTransformer, type TransformerTrace } from '../playground/transformer-trace';
import { gradeVariant } from './grade-answer';
import { DEFAULT_TOLERANCE } from './tolerance';
import { buildTraceCellQuestion, findCellProblem } from './trace-cell-question';

const config = { ...DEFAULT_CONFIGS.transformer, samples: 200, epochs: 4, seed: 2 };
const last = trainModel(config).snapshot;
const model = trainedTransformer(config, last?.kind === 'attention' && last.parameters ? last.parameters : []);
const trace = traceTransformer(model, [3, 3, 0, 7, 1, 4], { position: 2, token: 3 });

/** The cell's value recomputed by hand from the givens the question shows (already rounded). */
function byHand(kind: TTraceCell['kind'], given: Record<string, number[] | number>): number {
  const list = (id: string) => given[id] as number[];
  switch (kind) {
    case 'score':
      return list('q').reduce((sum, q, c) => sum + q * list('k')[c], 0) / Math.sqrt(given.dk as number);
    case 'weight': {
      const s = list('s');
      const max = Math.max(...s);
      const z = s.reduce((sum, x) => sum + Math.exp(x - max), 0);
      return Math.exp(s[col] - max) / z;
    }
    case 'attended':
      return list('a').reduce((sum, a, m) => sum + a * list('v')[m], 0);
    case 'dScore': {
      const a = list('a');
      const da = list('da');
      const dot = a.reduce((sum, am, m) => sum + am * da[m], 0);
      return a[col] * (da[col] - dot);
    }
  }
}
const col = 4;

function cellValue(t: TransformerTrace, cell: TTraceCell): number {
  const head = t.layers[cell.layer].heads[cell.head];
  return { score: head.scores, weight: head.weights, attended: head.attended, dScore: head.dScores }[cell.kind][cell.row][cell.col];
}

describe('a trace cell as a graded question', () => {
  for (const kind of TRACE_CELL_KINDS) {
    it(`grades a ${kind} cell from the rounded givens with the exercises' grader`, () => {
      // Row 3 is the target position's: in the last layer the only row of ∂L/∂S that is not zero.
      const cell: TTraceCell = { kind, layer: 0, head: 1, row: 2, col };
      const question = buildTraceCellQuestion(trace, cell);
      const given = Object.fromEntries(question.givens.map((g) => [g.id, g.values]));
      // Every given is a number the trace shows (rounded to four significant digits).
      question.givens.forEach((g) => [g.values].flat().forEach((v) => expect(v).toBe(roundShown(v))));
      const expected = byHand(kind, given);
      // Close to the trace's own value (the givens are rounded), and graded as the exercises grade.
      expect(Math.abs(expected - cellValue(trace, cell))).toBeLessThan(1e-3 * Math.max(1, Math.abs(expected)));
      expect(gradeVariant(question.variant, DEFAULT_TOLERANCE, String(expected))).toMatchObject({ correct: true, score: 1 });
      const wrong = gradeVariant(question.variant, DEFAULT_TOLERANCE, expected + Math.max(0.01, Math.abs(expected) * 0.05));
      expect(wrong).toMatchObject({ correct: false, score: 0 });
      expect(wrong.feedback.en.length).toBeGreaterThan(0);
      expect(gradeVariant(question.variant, DEFAULT_TOLERANCE, 'NaN').invalid?.en).toContain('is not a number');
      // Nothing shown carries the answer.
      expect(question.givens.flatMap((g) => [g.values].flat()).some((v) => Math.abs(v - expected) <= 1e-4 + 1e-3 * Math.abs(expected))).toBe(false);
    });
  }

  it('names the forgotten √d_k on a score', () => {
    const question = buildTraceCellQuestion(trace, { kind: 'score', layer: 0, head: 0, row: 0, col: 2 });
    const q = question.givens.find((g) => g.id === 'q')!.values as number[];
    const k = question.givens.find((g) => g.id === 'k')!.values as number[];
    const unscaled = q.reduce((sum, x, c) => sum + x * k[c], 0);
    expect(gradeVariant(question.variant, DEFAULT_TOLERANCE, unscaled)).toMatchObject({ correct: false, mistake: 'forgot-scale' });
  });

  it('says which cells do not exist, and which gradients are zero', () => {
    expect(findCellProblem(trace, { kind: 'score', layer: 0, head: 0, row: 5, col: 5 })).toBeNull();
    expect(findCellProblem(trace, { kind: 'score', layer: 0, head: 0, row: 6, col: 0 })?.text.en).toBe('This matrix has no cell (7, 1): it is 6×6.');
    expect(findCellProblem(trace, { kind: 'attended', layer: 0, head: 0, row: 0, col: 8 })?.text.en).toBe('This matrix has no cell (1, 9): it is 6×8.');
    expect(findCellProblem(trace, { kind: 'weight', layer: 1, head: 0, row: 0, col: 0 })?.text.ko).toBe('층은 1–1 중에서 고르세요.');
    expect(findCellProblem(trace, { kind: 'weight', layer: 0, head: 2, row: 0, col: 0 })?.text.en).toBe('Choose a head from 1 to 2.');
    expect(findCellProblem(trace, { kind: 'dScore', layer: 0, head: 0, row: 2, col: 1 })).toBeNull();
    expect(findCellProblem(trace, { kind: 'dScore', layer: 0, head: 0, row: 1, col: 1 })).toMatchObject({ reason: 'zero-gradient' });
    expect(findCellProblem(trace, { kind: 'dScore', layer: 0, head: 0, row: 1, col: 1 })?.text.en).toBe("This row's gradient is zero: the loss at output position 3 reaches only row 3 in the last layer. Pick a cell in a row whose gradient is not zero.");
  });
});
