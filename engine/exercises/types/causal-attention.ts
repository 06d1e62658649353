import { causalMask, scaledDotProductAttention, tensor, type Tensor } from '../../index';
import { matrixField } from '../answer-fields';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix, num } from '../latex';
import { SIGNIFICANT_DIGITS, field, matrix, paragraphs } from '../prompt-parts';
import { matrixOf, vectorOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { Q: number[][]; K: number[][]; V: number[][] };
type Expected = { weights: number[][]; output: number[][] };

interface Inputs {
  q: Tensor;
  k: Tensor;
  v: Tensor;
}

const inputsOf = (given: Given): Inputs => ({ q: tensor(given.Q), k: tensor(given.K), v: tensor(given.V) });

/** The engine's scaled dot-product attention on the shown Q, K, V. */
function attend({ q, k, v }: Inputs, options: { mask?: Tensor; unscaled?: boolean } = {}) {
  // Scaling q by √d_k cancels the 1/√d_k inside: attention without the scale.
  const query = options.unscaled ? q.mul(Math.sqrt(q.shape[1])) : q;
  return scaledDotProductAttention(query, k, v, { mask: options.mask });
}

export const causalAttention = defineExercise<Given, Expected>({
  meta: {
    id: 'causal-attention',
    topic: 'self-attention',
    unit: 'attention',
    title: { ko: '인과 마스크를 쓴 스케일드 내적 어텐션', en: 'Scaled dot-product attention with a causal mask' },
    difficulty: 3,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['forgot-scale', 'forgot-mask', 'flipped-mask', 'softmax-wrong-axis'],
  },

  draw(random) {
    const n = 3;
    const dk = random.pick([2, 4]);
    const value = () => random.nonZeroDecimal(-1, 1);
    return { Q: random.matrix(n, dk, value), K: random.matrix(n, dk, value), V: random.matrix(n, dk, value) };
  },

  spec: ({ Q, V }) => ({
    kind: 'fields',
    fields: {
      weights: field(matrix(Q.length, Q.length), '어텐션 가중치 A', 'attention weights A'),
      output: field(matrix(Q.length, V[0].length), '출력 Z = AV', 'output Z = AV'),
    },
  }),

  solve(given) {
    const { weights, output } = attend(inputsOf(given), { mask: causalMask(given.Q.length) });
    return { weights: matrixOf(weights), output: matrixOf(output) };
  },

  // Rows after the first (which can only see itself) must not be near one-hot.
  isAcceptable: (_given, expected) => expected.weights.slice(1).every((row) => row.every((w) => w <= 0.95)),

  /** Error carried forward: the output from the student's own weights. */
  expectedFor: (given, answer, expected) => ({
    weights: expected.weights,
    output: matrixOf(tensor(matrixField(answer, 'weights')).matmul(tensor(given.V))),
  }),

  mistakes(given) {
    const mask = causalMask(given.Q.length);
    const inputs = inputsOf(given);
    const scores = inputs.q.matmul(inputs.k.transpose()).div(Math.sqrt(given.Q[0].length));
    // Masked scores normalised down each column (over queries) instead of along each row.
    const wrongAxis = scores.add(mask.sub(1).mul(1e9)).softmax(0).mul(mask);
    return [
      { id: 'forgot-scale', answer: { weights: matrixOf(attend(inputs, { mask, unscaled: true }).weights) } },
      { id: 'forgot-mask', answer: { weights: matrixOf(attend(inputs).weights) } },
      { id: 'flipped-mask', answer: { weights: matrixOf(attend(inputs, { mask: mask.transpose() }).weights) } },
      { id: 'softmax-wrong-axis', answer: { weights: matrixOf(wrongAxis) } },
    ] satisfies MistakeCandidate<Expected>[];
  },

  /** Row i attends to positions 0…i only: its softmax runs over those scores alone. */
  explain(given) {
    const dk = given.Q[0].length;
    const scores = matrixOf(tensor(given.Q).matmul(tensor(given.K).transpose()).div(Math.sqrt(dk)));
    const weights = scores.map((row, i) => {
      const visible = vectorOf(tensor(row.slice(0, i + 1)).softmax(-1));
      return [...visible, ...new Array<number>(row.length - i - 1).fill(0)];
    });
    return [
      numberStep({ ko: `점수 $QK^\\top / \\sqrt{d_k}$, $\\sqrt{d_k} = \\sqrt{${dk}}$`, en: `Scores $QK^\\top / \\sqrt{d_k}$ with $\\sqrt{d_k} = \\sqrt{${dk}}$` }, scores),
      numberStep({ ko: '인과 마스크: $i$행은 $j \\le i$ 위치만 봄. 그 점수들로 행마다 소프트맥스, 미래 위치의 가중치는 0', en: 'Causal mask: row $i$ sees only positions $j \\le i$. Softmax over those scores in each row; future positions get weight 0' }, weights, 'weights'),
      numberStep({ ko: '출력 $Z = AV$', en: 'Output $Z = AV$' }, matrixOf(tensor(weights).matmul(tensor(given.V))), 'output'),
    ];
  },

  prompt(given) {
    const dk = given.Q[0].length;
    const math = `$$Q = ${bmatrix(given.Q)}$$\n$$K = ${bmatrix(given.K)}$$\n$$V = ${bmatrix(given.V)}$$`;
    return paragraphs(
      {
        ko: `디코더의 셀프 어텐션이 세 위치(각 행이 한 위치)의 쿼리, 키, 값 $Q, K, V$를 받습니다 ($d_k = ${num(dk)}$).`,
        en: `A decoder's self-attention receives queries, keys and values $Q, K, V$ for three positions, one per row ($d_k = ${num(dk)}$).`,
      },
      { ko: math, en: math },
      {
        ko: '$A = \\operatorname{softmax}\\!\\left(\\dfrac{QK^{\\mathsf T}}{\\sqrt{d_k}}\\right)$이되, 인과 마스크로 각 위치는 자기 자신과 그 이전 위치에만 어텐션합니다 (소프트맥스는 행마다). 출력은 $Z = AV$입니다. $A$와 $Z$를 구하세요.',
        en: '$A = \\operatorname{softmax}\\!\\left(\\dfrac{QK^{\\mathsf T}}{\\sqrt{d_k}}\\right)$ with a causal mask: each position attends only to itself and earlier positions (softmax along each row). The output is $Z = AV$. Find $A$ and $Z$.',
      },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: () => [
    {
      ko: '마스크된 점수는 $-\\infty$로 두면 소프트맥스 뒤 가중치가 정확히 0이 됩니다: $A$는 아래 삼각 행렬입니다.',
      en: 'Setting masked scores to $-\\infty$ makes their weights exactly 0 after the softmax, so $A$ is lower triangular.',
    },
    {
      ko: '점수를 $\\sqrt{d_k}$로 나눈 다음, 허용된 항목들에 대해서만 행마다 소프트맥스를 계산하세요.',
      en: 'Divide the scores by $\\sqrt{d_k}$, then take each row\'s softmax over its allowed entries only.',
    },
  ],
});
