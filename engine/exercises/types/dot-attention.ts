import { tensor } from '../../index';
import { matrixField } from '../answer-fields';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix } from '../latex';
import { SIGNIFICANT_DIGITS, field, matrix, paragraphs } from '../prompt-parts';
import { matrixOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { Q: number[][]; K: number[][]; V: number[][] };
type Expected = { scores: number[][]; weights: number[][]; context: number[][] };

export const dotAttention = defineExercise<Given, Expected>({
  meta: {
    id: 'dot-attention',
    topic: 'attention',
    unit: 'attention',
    title: { ko: '내적 어텐션: 점수, 가중치, 문맥 벡터', en: 'Dot-product attention: scores, weights, context' },
    difficulty: 2,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['softmax-wrong-axis', 'used-scores-not-weights', 'used-keys-instead-of-values'],
  },

  draw(random) {
    const d = random.pick([2, 3]);
    const value = () => random.nonZeroDecimal(-1.5, 1.5);
    return { Q: random.matrix(2, d, value), K: random.matrix(3, d, value), V: random.matrix(3, d, value) };
  },

  spec: ({ Q, K, V }) => ({
    kind: 'fields',
    fields: {
      scores: field(matrix(Q.length, K.length), '점수 S = QKᵀ', 'scores S = QKᵀ'),
      weights: field(matrix(Q.length, K.length), '어텐션 가중치 A', 'attention weights A'),
      context: field(matrix(Q.length, V[0].length), '문맥 벡터 C (행마다 하나)', 'context vectors C (one per row)'),
    },
  }),

  solve(given) {
    const scores = tensor(given.Q).matmul(tensor(given.K).transpose());
    const weights = scores.softmax(-1);
    return { scores: matrixOf(scores), weights: matrixOf(weights), context: matrixOf(weights.matmul(tensor(given.V))) };
  },

  // No near one-hot attention: every encoder state should visibly contribute.
  isAcceptable: (_given, expected) => expected.weights.flat().every((w) => w <= 0.95),

  /** Error carried forward: weights from the student's scores, context from their weights. */
  expectedFor(given, answer, expected) {
    return {
      scores: expected.scores,
      weights: matrixOf(tensor(matrixField(answer, 'scores')).softmax(-1)),
      context: matrixOf(tensor(matrixField(answer, 'weights')).matmul(tensor(given.V))),
    };
  },

  mistakes(given, expected) {
    const scores = tensor(expected.scores);
    return [
      // Normalised over the queries (down each column) instead of over the keys.
      { id: 'softmax-wrong-axis', answer: { weights: matrixOf(scores.softmax(0)) } },
      { id: 'used-scores-not-weights', answer: { context: matrixOf(scores.matmul(tensor(given.V))) } },
      { id: 'used-keys-instead-of-values', answer: { context: matrixOf(tensor(expected.weights).matmul(tensor(given.K))) } },
    ] satisfies MistakeCandidate<Expected>[];
  },

  explain(given) {
    const scores = tensor(given.Q).matmul(tensor(given.K).transpose());
    const exps = scores.exp();
    const weights = exps.div(exps.sum(1, true));
    return [
      numberStep({ ko: `점수 $S = QK^\\top$: 쿼리 행과 키 행의 내적`, en: `Scores $S = QK^\\top$: each query row dotted with each key row` }, matrixOf(scores), 'scores'),
      numberStep({ ko: '가중치 $A$: 행마다 소프트맥스, $a_{ij} = e^{s_{ij}} / \\sum_k e^{s_{ik}}$ (각 행의 합은 1)', en: 'Weights $A$: softmax of each row, $a_{ij} = e^{s_{ij}} / \\sum_k e^{s_{ik}}$ (each row sums to 1)' }, matrixOf(weights), 'weights'),
      numberStep({ ko: '문맥 벡터 $C = AV$: 값 벡터의 가중합', en: 'Context $C = AV$: the values weighted by $A$' }, matrixOf(weights.matmul(tensor(given.V))), 'context'),
    ];
  },

  prompt(given) {
    const math = `$$Q = ${bmatrix(given.Q)}$$\n$$K = ${bmatrix(given.K)}$$\n$$V = ${bmatrix(given.V)}$$`;
    return paragraphs(
      {
        ko: '디코더의 두 시점 상태(쿼리, $Q$의 각 행)가 인코더의 세 은닉 상태에 어텐션합니다. 키는 $K$, 값은 $V$의 각 행입니다.',
        en: 'Two decoder states (queries, the rows of $Q$) attend over three encoder hidden states, whose keys are the rows of $K$ and values the rows of $V$.',
      },
      { ko: math, en: math },
      {
        ko: '점수는 스케일 없는 내적 $S = QK^{\\mathsf T}$, 가중치 $A$는 각 쿼리(행)마다 키들에 대해 소프트맥스, 문맥 벡터는 $C = AV$입니다. $S$, $A$, $C$를 구하세요.',
        en: 'Scores are plain dot products $S = QK^{\\mathsf T}$ (no scaling), the weights $A$ are a softmax over the keys for each query (row), and the context vectors are $C = AV$. Find $S$, $A$ and $C$.',
      },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: () => [
    {
      ko: '$S$의 $(n, m)$ 원소는 쿼리 $n$과 키 $m$의 내적입니다. 소프트맥스 후 $A$의 각 행의 합은 1입니다.',
      en: 'Entry $(n, m)$ of $S$ is the dot product of query $n$ and key $m$; after the softmax each row of $A$ sums to 1.',
    },
    {
      ko: '문맥 벡터는 값(value) 벡터들을 가중치로 더한 것입니다: $\\mathbf{c}_n = \\sum_m A_{nm}\\,\\mathbf{v}_m$.',
      en: 'A context vector is the weighted sum of the value vectors: $\\mathbf{c}_n = \\sum_m A_{nm}\\,\\mathbf{v}_m$.',
    },
  ],
});
