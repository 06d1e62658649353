import { tensor, type Tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num, rowVector } from '../latex';
import { SIGNIFICANT_DIGITS, field, paragraphs, scalar, vector } from '../prompt-parts';
import { vectorOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep, term, dotTerms } from '../worked-steps';

type Given = { w: number[]; x: number[]; y: number; alpha: number; lr: number };
type Expected = { objective: number; w: number[] };

/** E(w) = ½ (y − w·x)²: the data error of a linear unit on one example. */
const dataError = (given: Given, w: Tensor) => tensor(given.y).sub(w.mul(tensor(given.x)).sum()).pow(2).mul(0.5);

/** The objective with a given complexity term, and w after one gradient-descent step on it (or against it, `direction` = −1). */
function objectiveAndStep(given: Given, complexity: (w: Tensor) => Tensor, direction = 1): { objective: number; w: number[] } {
  const w = tensor(given.w, { requiresGrad: true });
  const objective = dataError(given, w).add(complexity(w));
  objective.backward();
  return { objective: objective.item(), w: vectorOf(w.detach().sub(w.grad!.mul(direction * given.lr))) };
}

const squaredNorm = (w: Tensor) => w.pow(2).sum();

export const weightDecay = defineExercise<Given, Expected>({
  meta: {
    id: 'weight-decay',
    topic: 'weight-decay',
    unit: 'regularization',
    title: { ko: '가중치 감소: 목적함수와 갱신 한 단계', en: 'Weight decay: objective and one update' },
    difficulty: 2,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['forgot-weight-decay', 'forgot-factor-two', 'sign-error', 'used-norm-not-squared'],
  },

  draw: (random) => ({
    w: random.vector(3, () => random.nonZeroDecimal(-1.5, 1.5)),
    x: random.vector(3, () => random.nonZeroDecimal(-2, 2)),
    y: random.nonZeroDecimal(-2, 2),
    alpha: random.pick([0.05, 0.1, 0.2]),
    lr: random.pick([0.1, 0.2, 0.5]),
  }),

  spec: ({ w }) => ({
    kind: 'fields',
    fields: {
      objective: field(scalar, '목적함수 F(w)', 'objective F(w)'),
      w: field(vector(w.length), '갱신 후 가중치 w', 'weights w after the step'),
    },
  }),

  solve: (given) => objectiveAndStep(given, (w) => squaredNorm(w).mul(given.alpha)),

  // A data error of almost zero would make the exercise only about the penalty.
  isAcceptable: (given) => dataError(given, tensor(given.w)).item() >= 0.02,

  mistakes(given) {
    const withoutDecay = objectiveAndStep(given, (w) => w.sum().mul(0));
    return [
      { id: 'forgot-weight-decay', answer: { objective: withoutDecay.objective } },
      { id: 'forgot-weight-decay', answer: { w: withoutDecay.w } },
      // Gradient αw instead of 2αw: the step of α/2 ‖w‖².
      { id: 'forgot-factor-two', answer: { w: objectiveAndStep(given, (w) => squaredNorm(w).mul(given.alpha / 2)).w } },
      { id: 'sign-error', answer: { w: objectiveAndStep(given, (w) => squaredNorm(w).mul(given.alpha), -1).w } },
      { id: 'used-norm-not-squared', answer: { objective: objectiveAndStep(given, (w) => squaredNorm(w).sqrt().mul(given.alpha)).objective } },
    ] satisfies MistakeCandidate<Expected>[];
  },

  explain(given) {
    const w = tensor(given.w);
    const x = tensor(given.x);
    const prediction = w.mul(x).sum().item();
    const residual = tensor(given.y).sub(prediction).item();
    const error = tensor(residual).pow(2).mul(0.5).item();
    const penalty = w.mul(w).sum().mul(given.alpha).item();
    const gradient = x.mul(-residual).add(w.mul(2 * given.alpha));
    return [
      numberStep({ ko: `예측 $\\mathbf{w}\\cdot\\mathbf{x} = ${dotTerms(given.w, given.x)}$`, en: `Prediction $\\mathbf{w}\\cdot\\mathbf{x} = ${dotTerms(given.w, given.x)}$` }, prediction),
      numberStep({ ko: `데이터 오차 $E = \\tfrac12 (y - \\mathbf{w}\\cdot\\mathbf{x})^2 = \\tfrac12 \\cdot ${term(residual)}^2$`, en: `Data error $E = \\tfrac12 (y - \\mathbf{w}\\cdot\\mathbf{x})^2 = \\tfrac12 \\cdot ${term(residual)}^2$` }, error),
      numberStep({ ko: `복잡도 항 $\\alpha \\lVert \\mathbf{w} \\rVert^2 = ${term(given.alpha)}\\cdot (${given.w.map((v) => `${term(v)}^2`).join(' + ')})$`, en: `Complexity term $\\alpha \\lVert \\mathbf{w} \\rVert^2 = ${term(given.alpha)}\\cdot (${given.w.map((v) => `${term(v)}^2`).join(' + ')})$` }, penalty),
      numberStep({ ko: `목적함수 $F = E + \\alpha \\lVert \\mathbf{w} \\rVert^2 = ${term(error)} + ${term(penalty)}$`, en: `Objective $F = E + \\alpha \\lVert \\mathbf{w} \\rVert^2 = ${term(error)} + ${term(penalty)}$` }, tensor(error).add(penalty).item(), 'objective'),
      numberStep({ ko: `기울기 $\\nabla F = -(y - \\mathbf{w}\\cdot\\mathbf{x})\\,\\mathbf{x} + 2\\alpha \\mathbf{w}$`, en: `Gradient $\\nabla F = -(y - \\mathbf{w}\\cdot\\mathbf{x})\\,\\mathbf{x} + 2\\alpha \\mathbf{w}$` }, vectorOf(gradient)),
      numberStep({ ko: `갱신 $\\mathbf{w} - \\eta \\nabla F$, $\\eta = ${num(given.lr)}$`, en: `Update $\\mathbf{w} - \\eta \\nabla F$ with $\\eta = ${num(given.lr)}$` }, vectorOf(w.sub(gradient.mul(given.lr))), 'w'),
    ];
  },

  prompt: (given) =>
    paragraphs(
      {
        ko: `선형 뉴런 $s = \\mathbf{w}\\cdot\\mathbf{x}$를 학습 예 $\\mathbf{x} = ${rowVector(given.x)}$, 목표 $y = ${num(given.y)}$로 학습합니다. 현재 가중치는 $\\mathbf{w} = ${rowVector(given.w)}$입니다.`,
        en: `A linear neuron $s = \\mathbf{w}\\cdot\\mathbf{x}$ is trained on the example $\\mathbf{x} = ${rowVector(given.x)}$ with target $y = ${num(given.y)}$. The current weights are $\\mathbf{w} = ${rowVector(given.w)}$.`,
      },
      {
        ko: `가중치 감소를 넣은 목적함수는 $F(\\mathbf{w}) = E(\\mathbf{w}) + \\alpha\\,C(\\mathbf{w})$, $E = \\tfrac{1}{2}(y - s)^2$, $C(\\mathbf{w}) = \\|\\mathbf{w}\\|^2 = \\sum_k w_k^2$이고 $\\alpha = ${num(given.alpha)}$입니다. 학습률 $\\eta = ${num(given.lr)}$로 경사하강법 $\\mathbf{w} \\leftarrow \\mathbf{w} - \\eta\\,\\nabla F(\\mathbf{w})$를 한 번 적용합니다.`,
        en: `With weight decay the objective is $F(\\mathbf{w}) = E(\\mathbf{w}) + \\alpha\\,C(\\mathbf{w})$ with $E = \\tfrac{1}{2}(y - s)^2$, $C(\\mathbf{w}) = \\|\\mathbf{w}\\|^2 = \\sum_k w_k^2$ and $\\alpha = ${num(given.alpha)}$. Take one gradient-descent step $\\mathbf{w} \\leftarrow \\mathbf{w} - \\eta\\,\\nabla F(\\mathbf{w})$ with learning rate $\\eta = ${num(given.lr)}$.`,
      },
      {
        ko: '현재 가중치에서의 $F(\\mathbf{w})$와 한 단계 뒤의 가중치를 구하세요.',
        en: 'Find $F(\\mathbf{w})$ at the current weights and the weights after the step.',
      },
      SIGNIFICANT_DIGITS,
    ),

  hints: () => [
    {
      ko: '$\\nabla E = -(y - s)\\,\\mathbf{x}$이고 $\\nabla C = 2\\mathbf{w}$입니다.',
      en: '$\\nabla E = -(y - s)\\,\\mathbf{x}$ and $\\nabla C = 2\\mathbf{w}$.',
    },
    {
      ko: '따라서 $\\mathbf{w} \\leftarrow \\mathbf{w} + \\eta\\,(y - s)\\,\\mathbf{x} - 2\\eta\\alpha\\,\\mathbf{w}$: 매 단계 가중치가 일정 비율 줄어듭니다.',
      en: 'So $\\mathbf{w} \\leftarrow \\mathbf{w} + \\eta\\,(y - s)\\,\\mathbf{x} - 2\\eta\\alpha\\,\\mathbf{w}$: every step shrinks the weights by a fixed fraction.',
    },
  ],
});
