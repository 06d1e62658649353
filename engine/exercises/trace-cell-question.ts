import 'server-only';
import { tensor } from '../index';
import type { TransformerTrace } from '../playground/transformer-trace';
import { roundShown, type TTraceCell } from '../playground/trace-cell';
import type { AnswerValue } from './answer-spec';
import { isAnswerDistinguishable } from './compare-answer';
import type { NamedMistake, Variant } from './definition';
import type { LocalizedText } from './text';
import { DEFAULT_TOLERANCE } from './tolerance';

// "Make this an exercise": one cell of a Transformer trace as a graded question. The givens are
// the trace's numbers the cell is computed from, rounded as the trace shows them (roundShown), and
// the expected value is computed from those givens with the engine — what is shown is what is
// graded, as in every exercise type. The question is a Variant, so gradeVariant (the exercises'
// grader, DEFAULT_TOLERANCE) grades it. Server-only: the variant holds the expected value.

export type TraceGiven = { id: string; label: LocalizedText; values: number[] | number };

export type TraceCellQuestion = {
  title: LocalizedText;
  prompt: LocalizedText;
  givens: TraceGiven[];
  variant: Variant;
};

export type CellProblem = { reason: 'cell-out-of-range' | 'zero-gradient'; text: LocalizedText };

/** Null when the cell can be asked about in this trace, else why not (indices are 0-based). */
export function findCellProblem(trace: TransformerTrace, cell: TTraceCell): CellProblem | null {
  const text = findCellText(trace, cell);
  if (text) return { reason: 'cell-out-of-range', text };
  if (cell.kind === 'dScore' && !hasGradient(trace, cell)) {
    // In the last layer the loss at output position p depends on query row p only: a question whose answer is 0 teaches nothing.
    const p = trace.target.position + 1;
    return {
      reason: 'zero-gradient',
      text: {
        ko: `이 행의 기울기는 0입니다: 출력 위치 ${p}의 손실은 마지막 층에서 ${p}행에만 닿습니다. 기울기가 0이 아닌 행의 칸을 고르세요.`,
        en: `This row's gradient is zero: the loss at output position ${p} reaches only row ${p} in the last layer. Pick a cell in a row whose gradient is not zero.`,
      },
    };
  }
  return null;
}

function findCellText(trace: TransformerTrace, cell: TTraceCell): LocalizedText | null {
  const n = trace.tokens.length;
  const cols = cell.kind === 'attended' ? trace.dHead : n;
  if (cell.layer >= trace.layers.length) return { ko: `층은 1–${trace.layers.length} 중에서 고르세요.`, en: `Choose a layer from 1 to ${trace.layers.length}.` };
  if (cell.head >= trace.heads) return { ko: `헤드는 1–${trace.heads} 중에서 고르세요.`, en: `Choose a head from 1 to ${trace.heads}.` };
  if (cell.row >= n || cell.col >= cols) {
    return { ko: `이 행렬에는 (${cell.row + 1}, ${cell.col + 1}) 칸이 없습니다: ${n}×${cols} 행렬입니다.`, en: `This matrix has no cell (${cell.row + 1}, ${cell.col + 1}): it is ${n}×${cols}.` };
  }
  return null;
}

/** True when the loss reaches this row of the attention weights (∂L/∂A not all zero). */
export function hasGradient(trace: TransformerTrace, cell: Pick<TTraceCell, 'layer' | 'head' | 'row'>): boolean {
  return trace.layers[cell.layer].heads[cell.head].dWeights[cell.row].some((g) => g !== 0);
}

export function buildTraceCellQuestion(trace: TransformerTrace, cell: TTraceCell): TraceCellQuestion {
  const head = trace.layers[cell.layer].heads[cell.head];
  const i = cell.row;
  const j = cell.col;
  const where = { l: cell.layer + 1, h: cell.head + 1, i: i + 1, j: j + 1 };
  const at = `(${where.i}, ${where.j})`;
  const place = { ko: `${where.l}층 헤드 ${where.h}`, en: `layer ${where.l}, head ${where.h}` };
  const row = (values: readonly number[]) => values.map(roundShown);
  const column = (rows: readonly (readonly number[])[], c: number) => rows.map((r) => roundShown(r[c]));

  switch (cell.kind) {
    case 'score': {
      const q = row(head.q[i]);
      const k = row(head.k[j]);
      const dot = tensor(q).mul(tensor(k)).sum();
      const expected = dot.mul(1 / Math.sqrt(trace.dHead)).item();
      return question({
        title: { ko: `점수 S${at}`, en: `Score S${at}` },
        prompt: {
          ko: `${place.ko}의 어텐션 점수 S${at} = q·k / √d_k 를 계산하세요. q는 Q의 ${where.i}행, k는 K의 ${where.j}행, d_k = ${trace.dHead}.`,
          en: `Compute the attention score S${at} = q·k / √d_k of ${place.en}, where q is row ${where.i} of Q, k is row ${where.j} of K and d_k = ${trace.dHead}.`,
        },
        givens: [
          { id: 'q', label: { ko: `q = Q의 ${where.i}행`, en: `q = row ${where.i} of Q` }, values: q },
          { id: 'k', label: { ko: `k = K의 ${where.j}행`, en: `k = row ${where.j} of K` }, values: k },
          { id: 'dk', label: { ko: 'd_k', en: 'd_k' }, values: trace.dHead },
        ],
        expected,
        mistakes: [{ id: 'forgot-scale', answer: dot.item() }],
      });
    }
    case 'weight': {
      const scores = row(head.maskedScores[i]);
      const expected = tensor(scores).softmax(-1).data[j];
      return question({
        title: { ko: `가중치 A${at}`, en: `Weight A${at}` },
        prompt: {
          ko: `${place.ko}의 어텐션 가중치 A${at} = softmax(점수 ${where.i}행)의 ${where.j}번째 값을 계산하세요.`,
          en: `Compute the attention weight A${at} of ${place.en}: entry ${where.j} of the softmax of row ${where.i} of the scores.`,
        },
        givens: [{ id: 's', label: { ko: `점수 S의 ${where.i}행 (마스크 후)`, en: `row ${where.i} of the scores S (after the mask)` }, values: scores }],
        expected,
        mistakes: [],
      });
    }
    case 'attended': {
      const weights = row(head.weights[i]);
      const values = column(head.v, j);
      const expected = tensor(weights).mul(tensor(values)).sum().item();
      return question({
        title: { ko: `가중합 (A·V)${at}`, en: `Weighted value (A·V)${at}` },
        prompt: {
          ko: `${place.ko}의 출력 (A·V)${at} = Σ_m A(${where.i}, m) · V(m, ${where.j}) 를 계산하세요.`,
          en: `Compute the output (A·V)${at} = Σ_m A(${where.i}, m) · V(m, ${where.j}) of ${place.en}.`,
        },
        givens: [
          { id: 'a', label: { ko: `가중치 A의 ${where.i}행`, en: `row ${where.i} of the weights A` }, values: weights },
          { id: 'v', label: { ko: `V의 ${where.j}열`, en: `column ${where.j} of V` }, values },
        ],
        expected,
        mistakes: [],
      });
    }
    case 'dScore': {
      const weights = row(head.weights[i]);
      const upstream = row(head.dWeights[i]);
      // Softmax backward: ∂L/∂s_j = a_j (∂L/∂a_j − Σ_m a_m ∂L/∂a_m).
      const a = tensor(weights);
      const g = tensor(upstream);
      const expected = a.mul(g.sub(a.mul(g).sum())).data[j];
      return question({
        title: { ko: `기울기 ∂L/∂S${at}`, en: `Gradient ∂L/∂S${at}` },
        prompt: {
          ko: `${place.ko}에서 출력 위치 ${trace.target.position + 1}의 손실 L에 대한 ∂L/∂S${at}를 계산하세요. 소프트맥스 역전파: ∂L/∂s_j = a_j (∂L/∂a_j − Σ_m a_m ∂L/∂a_m).`,
          en: `Compute ∂L/∂S${at} of ${place.en} for the loss L at output position ${trace.target.position + 1}. Softmax backward: ∂L/∂s_j = a_j (∂L/∂a_j − Σ_m a_m ∂L/∂a_m).`,
        },
        givens: [
          { id: 'a', label: { ko: `가중치 A의 ${where.i}행`, en: `row ${where.i} of the weights A` }, values: weights },
          { id: 'da', label: { ko: `∂L/∂A의 ${where.i}행`, en: `row ${where.i} of ∂L/∂A` }, values: upstream },
        ],
        expected,
        mistakes: [],
      });
    }
  }
}

function question({ title, prompt, givens, expected, mistakes }: { title: LocalizedText; prompt: LocalizedText; givens: TraceGiven[]; expected: number; mistakes: NamedMistake[] }): TraceCellQuestion {
  const spec = { kind: 'scalar' } as const;
  // A named mistake is only named when no single answer can match it and the right one.
  const usable = mistakes.filter((mistake) => isAnswerDistinguishable(spec, mistake.answer, expected, DEFAULT_TOLERANCE));
  const given = Object.fromEntries(givens.map((g) => [g.id, g.values]));
  const variant: Variant = {
    given,
    spec,
    expected,
    mistakes: usable,
    prompt: () => prompt,
    hints: () => [],
    expectedFor: (): AnswerValue => expected,
    explain: () => [],
  };
  return { title, prompt, givens, variant };
}
