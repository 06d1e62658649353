import { crossEntropy, tensor, type Tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix } from '../latex';
import { SIGNIFICANT_DIGITS, field, matrix, paragraphs, scalar } from '../prompt-parts';
import { matrixOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

/** 'mean' over the batch (a single sample is a batch of one) or 'sum'. */
type Given = { logits: number[][]; targets: number[]; reduction: 'mean' | 'sum' };
type Expected = { loss: number; grad: number[][] };

const oneHot = ({ logits, targets }: Given) => logits.map((row, n) => row.map((_, c) => (c === targets[n] ? 1 : 0)));

/** The loss as the prompt defines it, built on the engine's cross-entropy (a batch mean). */
function loss(given: Given, logits: Tensor): Tensor {
  const mean = crossEntropy(logits, given.targets);
  return given.reduction === 'sum' ? mean.mul(given.logits.length) : mean;
}

export const softmaxCeGrad = defineExercise<Given, Expected>({
  meta: {
    id: 'softmax-ce-grad',
    topic: 'softmax-cross-entropy',
    unit: 'backprop',
    title: { ko: '소프트맥스 + 교차 엔트로피의 기울기', en: 'Gradient of softmax with cross-entropy' },
    difficulty: 2,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['summed-instead-of-averaged', 'averaged-instead-of-summed', 'forgot-subtract-target', 'softmax-wrong-axis', 'sign-error'],
  },

  draw(random) {
    const batch = random.pick([1, 2, 2, 3]);
    const classes = random.pick([3, 4]);
    return {
      logits: random.matrix(batch, classes, () => random.decimal(-2, 2)),
      targets: random.vector(batch, () => random.int(0, classes - 1)),
      reduction: batch === 1 ? 'mean' : random.pick(['mean', 'sum'] as const),
    };
  },

  spec: ({ logits }) => ({
    kind: 'fields',
    fields: {
      loss: field(scalar, '손실 L', 'loss L'),
      grad: field(matrix(logits.length, logits[0].length), '∂L/∂Z', '∂L/∂Z'),
    },
  }),

  solve(given) {
    const logits = tensor(given.logits, { requiresGrad: true });
    const value = loss(given, logits);
    value.backward();
    return { loss: value.item(), grad: matrixOf(logits.grad!) };
  },

  // No near one-hot softmax: the exercise is about the whole probability vector.
  isAcceptable: (given) => tensor(given.logits).softmax(-1).max().item() <= 0.95,

  mistakes(given, expected) {
    const batch = given.logits.length;
    const scale = given.reduction === 'mean' ? 1 / batch : 1;
    const logits = tensor(given.logits);
    const targets = tensor(oneHot(given));
    const grad = tensor(expected.grad);
    const candidates: MistakeCandidate<Expected>[] = [
      { id: 'forgot-subtract-target', answer: { grad: matrixOf(logits.softmax(-1).mul(scale)) } },
      { id: 'sign-error', answer: { grad: matrixOf(grad.neg()) } },
    ];
    if (batch === 1) return candidates;
    const [wrongReduction, factor] = given.reduction === 'mean' ? (['summed-instead-of-averaged', batch] as const) : (['averaged-instead-of-summed', 1 / batch] as const);
    candidates.push(
      { id: wrongReduction, answer: { loss: tensor(expected.loss).mul(factor).item() } },
      { id: wrongReduction, answer: { grad: matrixOf(grad.mul(factor)) } },
      // Softmax down each column (over the batch) instead of along each row.
      { id: 'softmax-wrong-axis', answer: { grad: matrixOf(logits.softmax(0).sub(targets).mul(scale)) } },
    );
    return candidates;
  },

  explain(given) {
    const batch = given.logits.length;
    const exps = tensor(given.logits).exp();
    const probabilities = exps.div(exps.sum(1, true));
    const P = matrixOf(probabilities);
    const perSample = given.targets.map((target, n) => tensor(P[n][target]).log().neg().item());
    const total = tensor(perSample).sum().item();
    const isMean = given.reduction === 'mean';
    const loss = isMean ? total / batch : total;
    const difference = probabilities.sub(tensor(oneHot(given)));
    const grad = isMean ? difference.div(batch) : difference;
    return [
      numberStep({ ko: '행마다 소프트맥스 $P = \\mathrm{softmax}(Z)$: $p_{nc} = e^{z_{nc}} / \\sum_k e^{z_{nk}}$', en: 'Softmax of each row, $P = \\mathrm{softmax}(Z)$: $p_{nc} = e^{z_{nc}} / \\sum_k e^{z_{nk}}$' }, P),
      numberStep({ ko: `샘플마다 $-\\log p_{n,t_n}$ (정답 클래스 ${given.targets.join(', ')})`, en: `Each sample's $-\\log p_{n,t_n}$ (target classes ${given.targets.join(', ')})` }, perSample),
      numberStep(isMean ? { ko: `손실 $L$: ${batch}개 샘플의 평균`, en: `Loss $L$: the mean over ${batch} sample${batch === 1 ? '' : 's'}` } : { ko: `손실 $L$: ${batch}개 샘플의 합`, en: `Loss $L$: the sum over ${batch} samples` }, loss, 'loss'),
      numberStep(isMean ? { ko: `$\\dfrac{\\partial L}{\\partial Z} = (P - Y) / ${batch}$, $Y$는 원-핫 정답`, en: `$\\dfrac{\\partial L}{\\partial Z} = (P - Y) / ${batch}$, with $Y$ the one-hot targets` } : { ko: '$\\dfrac{\\partial L}{\\partial Z} = P - Y$, $Y$는 원-핫 정답', en: '$\\dfrac{\\partial L}{\\partial Z} = P - Y$, with $Y$ the one-hot targets' }, matrixOf(grad), 'grad'),
    ];
  },

  prompt(given) {
    const batch = given.logits.length;
    const setup =
      batch === 1
        ? {
            ko: '샘플 하나에 대한 분류기의 로짓(소프트맥스 이전 점수)이 $Z$이고 정답 원-핫 벡터가 $T$입니다.',
            en: 'For a single sample, a classifier produces the logits (pre-softmax scores) $Z$; the one-hot target is $T$.',
          }
        : {
            ko: `배치 $N = ${batch}$개 샘플(한 행에 하나)에 대한 분류기의 로짓(소프트맥스 이전 점수)이 $Z$이고 정답 원-핫 행렬이 $T$입니다.`,
            en: `For a batch of $N = ${batch}$ samples (one per row), a classifier produces the logits (pre-softmax scores) $Z$; the one-hot targets are $T$.`,
          };
    const definition =
      given.reduction === 'sum'
        ? { ko: '손실은 배치 전체의 **합** $L = -\\sum_{n}\\sum_{c} T_{nc}\\,\\log\\operatorname{softmax}(Z_n)_c$입니다.', en: 'The loss is the **sum** over the batch, $L = -\\sum_{n}\\sum_{c} T_{nc}\\,\\log\\operatorname{softmax}(Z_n)_c$.' }
        : batch === 1
          ? { ko: '손실은 $L = -\\sum_{c} T_{c}\\,\\log\\operatorname{softmax}(Z)_c$입니다.', en: 'The loss is $L = -\\sum_{c} T_{c}\\,\\log\\operatorname{softmax}(Z)_c$.' }
          : { ko: '손실은 배치 **평균** $L = -\\frac{1}{N}\\sum_{n}\\sum_{c} T_{nc}\\,\\log\\operatorname{softmax}(Z_n)_c$입니다.', en: 'The loss is the batch **mean**, $L = -\\frac{1}{N}\\sum_{n}\\sum_{c} T_{nc}\\,\\log\\operatorname{softmax}(Z_n)_c$.' };
    const matrices = `$$Z = ${bmatrix(given.logits)}$$\n$$T = ${bmatrix(oneHot(given))}$$`;
    return paragraphs(
      setup,
      { ko: matrices, en: matrices },
      definition,
      { ko: '자연로그를 씁니다. $L$과 $\\dfrac{\\partial L}{\\partial Z}$를 구하세요.', en: 'Use the natural log. Find $L$ and $\\dfrac{\\partial L}{\\partial Z}$.' },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: (given) => [
    {
      ko: '먼저 각 행의 소프트맥스 확률 $\\operatorname{softmax}(Z_n)_c = e^{Z_{nc}} / \\sum_k e^{Z_{nk}}$를 구하세요.',
      en: 'First compute each row\'s softmax probabilities $\\operatorname{softmax}(Z_n)_c = e^{Z_{nc}} / \\sum_k e^{Z_{nk}}$.',
    },
    given.reduction === 'mean' && given.logits.length > 1
      ? { ko: '기울기는 (소프트맥스 확률 − 원-핫 정답)을 배치 크기 $N$으로 나눈 값입니다.', en: 'The gradient is (softmax probabilities − one-hot targets) divided by the batch size $N$.' }
      : { ko: '기울기는 (소프트맥스 확률 − 원-핫 정답)입니다.', en: 'The gradient is (softmax probabilities − one-hot targets).' },
  ],
});
