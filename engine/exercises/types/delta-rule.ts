import { tensor, trainDeltaRule } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num, rowVector } from '../latex';
import { SIGNIFICANT_DIGITS, field, paragraphs, scalar, vector } from '../prompt-parts';
import { vectorOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { biasFirst, linearOutput, splitBias } from '../single-neuron';
import { numberStep, term, dotTerms } from '../worked-steps';

type Given = { w: number[]; b: number; x: number[]; y: number; lr: number };
type Expected = { s: number; w: number[]; b: number };

const oneStep = (given: Given, lr: number) => splitBias(trainDeltaRule([given.x], [given.y], { lr, epochs: 1, w0: biasFirst(given) }).weights);

export const deltaRule = defineExercise<Given, Expected>({
  meta: {
    id: 'delta-rule',
    topic: 'delta-rule',
    unit: 'perceptron',
    title: { ko: '델타 규칙으로 가중치 한 번 갱신하기', en: 'One delta-rule weight update' },
    difficulty: 1,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['forgot-bias', 'sign-error', 'used-thresholded-output', 'forgot-input', 'forgot-learning-rate'],
  },

  draw(random) {
    const d = random.pick([2, 3]);
    return {
      w: random.vector(d, () => random.nonZeroDecimal(-1, 1)),
      b: random.nonZeroDecimal(-1, 1),
      x: random.vector(d, () => random.nonZeroDecimal(-2, 2)),
      y: random.nonZeroDecimal(-2, 2),
      lr: random.pick([0.1, 0.2, 0.5]),
    };
  },

  spec: (given) => ({
    kind: 'fields',
    fields: {
      s: field(scalar, '선형 출력 s', 'linear output s'),
      w: field(vector(given.w.length), '갱신 후 가중치 w', 'weights w after the update'),
      b: field(scalar, '갱신 후 편향 b', 'bias b after the update'),
    },
  }),

  solve: (given) => ({ s: linearOutput(given).item(), ...oneStep(given, given.lr) }),

  // An error |y − s| below 0.2 makes the update too small to see.
  isAcceptable: (given, expected) => Math.abs(given.y - expected.s) >= 0.2,

  mistakes(given) {
    const s = linearOutput(given);
    const input = tensor([1, ...given.x]);
    const before = tensor(biasFirst(given));
    const error = tensor(given.y).sub(s);
    const update = input.mul(error).mul(given.lr);
    return [
      { id: 'forgot-bias', answer: { s: linearOutput({ ...given, b: 0 }).item() } },
      { id: 'sign-error', answer: splitBias(vectorOf(before.sub(update))) },
      // Perceptron-style error: y − f(s) with the threshold output f(s) = ±1.
      { id: 'used-thresholded-output', answer: splitBias(vectorOf(before.add(input.mul(tensor(given.y).sub(s.step())).mul(given.lr)))) },
      // Every weight moved by η(y − s), as if each input were 1.
      { id: 'forgot-input', answer: { w: vectorOf(tensor(given.w).add(error.mul(given.lr))) } },
      { id: 'forgot-learning-rate', answer: oneStep(given, 1) },
    ] satisfies MistakeCandidate<Expected>[];
  },

  explain(given) {
    const s = tensor(given.w).mul(tensor(given.x)).sum().add(given.b).item();
    const error = tensor(given.y).sub(s).item();
    const scaled = tensor(error).mul(given.lr).item();
    return [
      numberStep({ ko: `선형 출력 $s = \\mathbf{w}\\cdot\\mathbf{x} + b = ${dotTerms(given.w, given.x)} + ${term(given.b)}$`, en: `Linear output $s = \\mathbf{w}\\cdot\\mathbf{x} + b = ${dotTerms(given.w, given.x)} + ${term(given.b)}$` }, s, 's'),
      numberStep({ ko: `오차 $y - s = ${term(given.y)} - ${term(s)}$`, en: `Error $y - s = ${term(given.y)} - ${term(s)}$` }, error),
      numberStep({ ko: `$\\eta\\,(y - s) = ${term(given.lr)}\\cdot ${term(error)}$`, en: `$\\eta\\,(y - s) = ${term(given.lr)}\\cdot ${term(error)}$` }, scaled),
      numberStep({ ko: `$\\mathbf{w} + \\eta (y - s)\\,\\mathbf{x} = ${rowVector(given.w)} + ${term(scaled)}\\cdot ${rowVector(given.x)}$`, en: `$\\mathbf{w} + \\eta (y - s)\\,\\mathbf{x} = ${rowVector(given.w)} + ${term(scaled)}\\cdot ${rowVector(given.x)}$` }, vectorOf(tensor(given.w).add(tensor(given.x).mul(scaled))), 'w'),
      numberStep({ ko: `$b + \\eta (y - s) = ${term(given.b)} + ${term(scaled)}$`, en: `$b + \\eta (y - s) = ${term(given.b)} + ${term(scaled)}$` }, tensor(given.b).add(scaled).item(), 'b'),
    ];
  },

  prompt(given) {
    return paragraphs(
      {
        ko: `선형 뉴런이 $s = \\mathbf{w}\\cdot\\mathbf{x} + b$를 출력합니다. 가중치 $\\mathbf{w} = ${rowVector(given.w)}$, 편향 $b = ${num(given.b)}$이고, 학습 예 $\\mathbf{x} = ${rowVector(given.x)}$의 목표 출력은 $y = ${num(given.y)}$입니다.`,
        en: `A linear neuron outputs $s = \\mathbf{w}\\cdot\\mathbf{x} + b$. Its weights are $\\mathbf{w} = ${rowVector(given.w)}$ and its bias is $b = ${num(given.b)}$; the training example $\\mathbf{x} = ${rowVector(given.x)}$ has target $y = ${num(given.y)}$.`,
      },
      {
        ko: `오차 $E = \\tfrac{1}{2}(y - s)^2$를 줄이는 델타 규칙 $w_i \\leftarrow w_i + \\eta\\,(y - s)\\,x_i$, $b \\leftarrow b + \\eta\\,(y - s)$를 학습률 $\\eta = ${num(given.lr)}$로 한 번 적용합니다. $s$와 갱신 후의 가중치, 편향을 구하세요.`,
        en: `Apply the delta rule $w_i \\leftarrow w_i + \\eta\\,(y - s)\\,x_i$, $b \\leftarrow b + \\eta\\,(y - s)$, which reduces $E = \\tfrac{1}{2}(y - s)^2$, once with learning rate $\\eta = ${num(given.lr)}$. Find $s$ and the weights and bias after the update.`,
      },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: () => [
    {
      ko: '먼저 $s$를 구하고 오차 $y - s$를 계산하세요. 모든 가중치가 같은 오차를 씁니다.',
      en: 'Compute $s$ first, then the error $y - s$; every weight uses the same error.',
    },
    {
      ko: '각 가중치의 변화량은 $\\eta\\,(y - s)\\,x_i$이고, 편향은 입력이 항상 1인 가중치처럼 $\\eta\\,(y - s)$만큼 바뀝니다.',
      en: 'Each weight changes by $\\eta\\,(y - s)\\,x_i$; the bias behaves like a weight whose input is always 1 and changes by $\\eta\\,(y - s)$.',
    },
  ],
});
