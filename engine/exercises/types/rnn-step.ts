import { rnnCell, tensor, type Tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix, rowVector } from '../latex';
import { SIGNIFICANT_DIGITS, paragraphs, vector } from '../prompt-parts';
import { vectorOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { x: number[]; h: number[]; U: number[][]; W: number[][]; b: number[] };
type Expected = number[];

/** One step of the engine's RNN cell on the shown numbers (row vectors: x is [1, in]). */
function step(given: Given, options: { U?: number[][]; W?: number[][]; b?: number[]; activation?: 'tanh' | 'sigmoid' | ((t: Tensor) => Tensor) } = {}): number[] {
  const params = { U: tensor(options.U ?? given.U), W: tensor(options.W ?? given.W), b: tensor(options.b ?? given.b) };
  return vectorOf(rnnCell(tensor([given.x]), tensor([given.h]), params, { activation: options.activation ?? 'tanh' }));
}

const identity = (t: Tensor) => t;

export const rnnStep = defineExercise<Given, Expected>({
  meta: {
    id: 'rnn-step',
    topic: 'rnn',
    unit: 'rnn-lstm',
    title: { ko: 'RNN 셀 한 단계', en: 'One step of an RNN cell' },
    difficulty: 2,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['used-preactivation', 'forgot-bias', 'used-sigmoid', 'swapped-weights'],
  },

  draw(random) {
    const inputs = random.pick([2, 3]);
    const hidden = 2;
    const value = () => random.nonZeroDecimal(-1, 1);
    return {
      x: random.vector(inputs, value),
      h: random.vector(hidden, value),
      U: random.matrix(inputs, hidden, value),
      W: random.matrix(hidden, hidden, value),
      b: random.vector(hidden, value),
    };
  },

  spec: ({ h }) => vector(h.length),

  solve: (given) => step(given),

  // Pre-activations within ±2.5: tanh is not saturated, so every number matters.
  isAcceptable: (given) => step(given, { activation: identity }).every((a) => Math.abs(a) <= 2.5),

  mistakes(given) {
    const candidates: MistakeCandidate<Expected>[] = [
      { id: 'used-preactivation', answer: step(given, { activation: identity }) },
      { id: 'forgot-bias', answer: step(given, { b: given.b.map(() => 0) }) },
      { id: 'used-sigmoid', answer: step(given, { activation: 'sigmoid' }) },
    ];
    // With as many inputs as hidden units, U and W can be mixed up without a shape error.
    if (given.x.length === given.h.length) candidates.push({ id: 'swapped-weights', answer: step(given, { U: given.W, W: given.U }) });
    return candidates;
  },

  explain(given) {
    const xU = tensor([given.x]).matmul(tensor(given.U));
    const hW = tensor([given.h]).matmul(tensor(given.W));
    const a = xU.add(hW).add(tensor(given.b));
    return [
      numberStep({ ko: `$\\mathbf{x} U = ${rowVector(given.x)} ${bmatrix(given.U)}$`, en: `$\\mathbf{x} U = ${rowVector(given.x)} ${bmatrix(given.U)}$` }, vectorOf(xU)),
      numberStep({ ko: `$\\mathbf{h}_{t-1} W = ${rowVector(given.h)} ${bmatrix(given.W)}$`, en: `$\\mathbf{h}_{t-1} W = ${rowVector(given.h)} ${bmatrix(given.W)}$` }, vectorOf(hW)),
      numberStep({ ko: `사전 활성 $\\mathbf{a} = \\mathbf{x} U + \\mathbf{h}_{t-1} W + \\mathbf{b}$`, en: `Pre-activation $\\mathbf{a} = \\mathbf{x} U + \\mathbf{h}_{t-1} W + \\mathbf{b}$` }, vectorOf(a)),
      numberStep({ ko: '$\\mathbf{h}_t = \\tanh(\\mathbf{a})$', en: '$\\mathbf{h}_t = \\tanh(\\mathbf{a})$' }, vectorOf(a.tanh()), ''),
    ];
  },

  prompt: (given) =>
    paragraphs(
      {
        ko: 'RNN 셀이 행 벡터 표기로 $\\mathbf{h}_t = \\tanh(\\mathbf{x}_t U + \\mathbf{h}_{t-1} W + \\mathbf{b})$를 계산합니다.',
        en: 'An RNN cell computes, in row-vector form, $\\mathbf{h}_t = \\tanh(\\mathbf{x}_t U + \\mathbf{h}_{t-1} W + \\mathbf{b})$.',
      },
      {
        ko: `$$\\mathbf{x}_t = ${rowVector(given.x)}$$\n$$\\mathbf{h}_{t-1} = ${rowVector(given.h)}$$\n$$U = ${bmatrix(given.U)}$$\n$$W = ${bmatrix(given.W)}$$\n$$\\mathbf{b} = ${rowVector(given.b)}$$`,
        en: `$$\\mathbf{x}_t = ${rowVector(given.x)}$$\n$$\\mathbf{h}_{t-1} = ${rowVector(given.h)}$$\n$$U = ${bmatrix(given.U)}$$\n$$W = ${bmatrix(given.W)}$$\n$$\\mathbf{b} = ${rowVector(given.b)}$$`,
      },
      { ko: '새 은닉 상태 $\\mathbf{h}_t$를 구하세요.', en: 'Find the new hidden state $\\mathbf{h}_t$.' },
      SIGNIFICANT_DIGITS,
    ),

  hints: () => [
    {
      ko: '먼저 활성화 이전 값 $\\mathbf{a} = \\mathbf{x}_t U + \\mathbf{h}_{t-1} W + \\mathbf{b}$를 원소별로 구하세요.',
      en: 'First compute the pre-activation $\\mathbf{a} = \\mathbf{x}_t U + \\mathbf{h}_{t-1} W + \\mathbf{b}$ entry by entry.',
    },
    {
      ko: '그다음 각 원소에 $\\tanh$를 적용합니다 (시그모이드가 아님).',
      en: 'Then apply $\\tanh$ to each entry (not the sigmoid).',
    },
  ],
});
