import { tensor, trainPerceptron } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num, rowVector } from '../latex';
import { SIGNIFICANT_DIGITS, field, paragraphs, scalar, vector } from '../prompt-parts';
import { vectorOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { biasFirst, linearOutput, splitBias } from '../single-neuron';
import { numberStep, choiceStep, term, dotTerms } from '../worked-steps';

type Given = { w: number[]; b: number; x: number[]; y: number; lr: number };
type Expected = { s: number; output: string; w: number[]; b: number };

const OUTPUT_OPTIONS = [
  { id: '+1', label: { ko: '+1', en: '+1' } },
  { id: '-1', label: { ko: '−1', en: '−1' } },
];

export const perceptronStep = defineExercise<Given, Expected>({
  meta: {
    id: 'perceptron-step',
    topic: 'perceptron-learning-rule',
    unit: 'perceptron',
    title: { ko: '퍼셉트론 출력과 로젠블랫 갱신 한 단계', en: 'Perceptron output and one Rosenblatt update' },
    difficulty: 1,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['forgot-bias', 'updated-when-correct', 'sign-error', 'forgot-learning-rate'],
  },

  draw(random) {
    const d = random.pick([2, 3]);
    const w = random.vector(d, () => random.nonZeroDecimal(-1, 1));
    const b = random.nonZeroDecimal(-1, 1);
    const x = random.vector(d, () => random.pick([-3, -2, -1, 1, 2, 3]));
    const lr = random.pick([1, 0.5, 0.2, 0.1]);
    const f = linearOutput({ w, b, x }).step().item();
    // Mostly misclassified inputs (an update to compute), sometimes a correct one (no update).
    const y = random.chance(0.7) ? -f : f;
    return { w, b, x, y, lr };
  },

  spec: (given) => ({
    kind: 'fields',
    fields: {
      s: field(scalar, 's = w·x + b', 's = w·x + b'),
      output: field({ kind: 'choice', options: OUTPUT_OPTIONS }, '출력 f(s)', 'output f(s)'),
      w: field(vector(given.w.length), '갱신 후 가중치 w', 'weights w after the step'),
      b: field(scalar, '갱신 후 편향 b', 'bias b after the step'),
    },
  }),

  solve(given) {
    const s = linearOutput(given);
    const weights = trainPerceptron([given.x], [given.y], { lr: given.lr, epochs: 1, w0: biasFirst(given) }).weights;
    return { s: s.item(), output: s.step().item() > 0 ? '+1' : '-1', ...splitBias(weights) };
  },

  // |s| ≥ 0.2 keeps the input clearly on one side of the boundary.
  isAcceptable: (_given, expected) => Math.abs(expected.s) >= 0.2,

  mistakes(given, expected) {
    const before = tensor(biasFirst(given));
    const step = tensor([1, ...given.x]).mul(given.lr * given.y);
    const forgotBias: MistakeCandidate<Expected> = { id: 'forgot-bias', answer: { s: linearOutput({ ...given, b: 0 }).item() } };
    const isMisclassified = expected.output !== (given.y > 0 ? '+1' : '-1');
    if (!isMisclassified) return [forgotBias, { id: 'updated-when-correct', answer: splitBias(vectorOf(before.add(step))) }];
    const candidates: MistakeCandidate<Expected>[] = [forgotBias, { id: 'sign-error', answer: splitBias(vectorOf(before.sub(step))) }];
    if (given.lr !== 1) {
      const weights = trainPerceptron([given.x], [given.y], { lr: 1, epochs: 1, w0: biasFirst(given) }).weights;
      candidates.push({ id: 'forgot-learning-rate', answer: splitBias(weights) });
    }
    return candidates;
  },

  explain(given) {
    const s = tensor(given.w).mul(tensor(given.x)).sum().add(given.b).item();
    const output = s > 0 ? '+1' : '-1';
    const y = given.y > 0 ? '+1' : '-1';
    const steps = [
      numberStep({ ko: `가중합 $s = \\mathbf{w}\\cdot\\mathbf{x} + b = ${dotTerms(given.w, given.x)} + ${term(given.b)}$`, en: `Weighted sum $s = \\mathbf{w}\\cdot\\mathbf{x} + b = ${dotTerms(given.w, given.x)} + ${term(given.b)}$` }, s, 's'),
      choiceStep({ ko: `$s ${s > 0 ? '>' : '\\le'} 0$이므로 출력 $f(s)$`, en: `$s ${s > 0 ? '>' : '\\le'} 0$, so the output $f(s)$` }, output, 'output'),
    ];
    if (output === y) {
      return [
        ...steps,
        numberStep({ ko: `$f(s) = y = ${y}$: 올바르게 분류했으므로 가중치는 그대로 $\\mathbf{w}$`, en: `$f(s) = y = ${y}$: classified correctly, so the weights stay $\\mathbf{w}$` }, given.w, 'w'),
        numberStep({ ko: '편향도 그대로 $b$', en: 'and the bias stays $b$' }, given.b, 'b'),
      ];
    }
    const change = given.lr * given.y;
    return [
      ...steps,
      numberStep({ ko: `$f(s) \\ne y = ${y}$이므로 갱신: $\\eta y = ${term(given.lr)}\\cdot ${term(given.y)}$`, en: `$f(s) \\ne y = ${y}$, so update: $\\eta y = ${term(given.lr)}\\cdot ${term(given.y)}$` }, change),
      numberStep({ ko: `$\\mathbf{w} + \\eta y\\,\\mathbf{x} = ${rowVector(given.w)} + ${term(change)}\\cdot ${rowVector(given.x)}$`, en: `$\\mathbf{w} + \\eta y\\,\\mathbf{x} = ${rowVector(given.w)} + ${term(change)}\\cdot ${rowVector(given.x)}$` }, vectorOf(tensor(given.w).add(tensor(given.x).mul(change))), 'w'),
      numberStep({ ko: `$b + \\eta y = ${term(given.b)} + ${term(change)}$`, en: `$b + \\eta y = ${term(given.b)} + ${term(change)}$` }, tensor(given.b).add(change).item(), 'b'),
    ];
  },

  prompt(given) {
    const y = given.y > 0 ? '+1' : '-1';
    return paragraphs(
      {
        ko: `퍼셉트론은 $s = \\mathbf{w}\\cdot\\mathbf{x} + b$를 계산하고 $s > 0$이면 $f(s) = +1$, 아니면 $f(s) = -1$을 출력합니다. 가중치는 $\\mathbf{w} = ${rowVector(given.w)}$, 편향은 $b = ${num(given.b)}$입니다. 학습 입력 $\\mathbf{x} = ${rowVector(given.x)}$의 목표 출력은 $y = ${y}$입니다.`,
        en: `A perceptron computes $s = \\mathbf{w}\\cdot\\mathbf{x} + b$ and outputs $f(s) = +1$ if $s > 0$, otherwise $f(s) = -1$. Its weights are $\\mathbf{w} = ${rowVector(given.w)}$ and its bias is $b = ${num(given.b)}$. The training input $\\mathbf{x} = ${rowVector(given.x)}$ has target $y = ${y}$.`,
      },
      {
        ko: `로젠블랫 규칙: $f(s) \\ne y$이면 학습률 $\\eta = ${num(given.lr)}$로 $\\mathbf{w} \\leftarrow \\mathbf{w} + \\eta\\, y\\, \\mathbf{x}$, $b \\leftarrow b + \\eta\\, y$로 갱신하고, $f(s) = y$이면 그대로 둡니다.`,
        en: `Rosenblatt's rule: if $f(s) \\ne y$, update $\\mathbf{w} \\leftarrow \\mathbf{w} + \\eta\\, y\\, \\mathbf{x}$ and $b \\leftarrow b + \\eta\\, y$ with learning rate $\\eta = ${num(given.lr)}$; if $f(s) = y$, leave them unchanged.`,
      },
      {
        ko: `$s$, $f(s)$, 그리고 이 한 단계 뒤의 가중치와 편향을 구하세요.`,
        en: `Find $s$, $f(s)$, and the weights and bias after this one step.`,
      },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: () => [
    {
      ko: '먼저 $s = w_1x_1 + w_2x_2 + \\dots + b$를 계산한 뒤 $f(s)$를 목표 $y$와 비교하세요.',
      en: 'First compute $s = w_1x_1 + w_2x_2 + \\dots + b$, then compare $f(s)$ with the target $y$.',
    },
    {
      ko: '틀렸다면 입력에 $\\eta y$를 곱해 가중치에 더하고, 편향에는 $\\eta y$를 더합니다. 맞았다면 아무것도 바뀌지 않습니다.',
      en: 'If it was wrong, add $\\eta y$ times the input to the weights and $\\eta y$ to the bias. If it was right, nothing changes.',
    },
  ],
});

