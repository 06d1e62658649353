import { tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num } from '../latex';
import { SIGNIFICANT_DIGITS, field, paragraphs, scalar } from '../prompt-parts';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep, term } from '../worked-steps';

type Given = { z: number; upstream: number };
type Expected = { value: number; derivative: number; gradient: number };

/** ∂(upstream·σ(z))/∂z by backpropagation through the engine's sigmoid. */
function gradientThroughSigmoid(z: number, upstream: number): number {
  const input = tensor(z, { requiresGrad: true });
  input.sigmoid().mul(upstream).backward();
  return input.grad!.item();
}

export const sigmoidDerivative = defineExercise<Given, Expected>({
  meta: {
    id: 'sigmoid-derivative',
    topic: 'sigmoid-neuron',
    unit: 'perceptron',
    title: { ko: '시그모이드 값과 도함수', en: 'Sigmoid value and derivative' },
    difficulty: 1,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['used-preactivation', 'forgot-sigmoid-derivative'],
  },

  draw: (random) => ({
    // |z| ≤ 3: no saturated sigmoid whose derivative is ≈ 0. Hundredths, so a class of 200 can
    // each have their own numbers (600 values of z × 7 upstream gradients).
    z: random.nonZeroDecimal(-3, 3, 2),
    upstream: random.pick([-2, -1.5, -0.5, 0.5, 1.5, 2, 3]),
  }),

  spec: () => ({
    kind: 'fields',
    fields: {
      value: field(scalar, 'σ(z)', 'σ(z)'),
      derivative: field(scalar, "σ′(z) = dσ/dz", "σ′(z) = dσ/dz"),
      gradient: field(scalar, '∂L/∂z', '∂L/∂z'),
    },
  }),

  solve: ({ z, upstream }) => ({
    value: tensor(z).sigmoid().item(),
    derivative: gradientThroughSigmoid(z, 1),
    gradient: gradientThroughSigmoid(z, upstream),
  }),

  mistakes({ z, upstream }) {
    // s(1 − s) evaluated at the pre-activation z instead of at s = σ(z).
    const atPreactivation = tensor(z).mul(tensor(1).sub(z));
    return [
      { id: 'used-preactivation', answer: { derivative: atPreactivation.item(), gradient: atPreactivation.mul(upstream).item() } },
      { id: 'forgot-sigmoid-derivative', answer: { gradient: upstream } },
    ] satisfies MistakeCandidate<Expected>[];
  },

  explain({ z, upstream }) {
    const value = tensor(1).div(tensor(1).add(tensor(-z).exp())).item();
    const derivative = tensor(value).mul(tensor(1).sub(value)).item();
    return [
      numberStep({ ko: `$\\sigma(z) = \\dfrac{1}{1 + e^{-z}} = \\dfrac{1}{1 + e^{${num(-z)}}}$`, en: `$\\sigma(z) = \\dfrac{1}{1 + e^{-z}} = \\dfrac{1}{1 + e^{${num(-z)}}}$` }, value, 'value'),
      numberStep({ ko: `$\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z)) = ${term(value)}\\cdot ${term(1 - value)}$`, en: `$\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z)) = ${term(value)}\\cdot ${term(1 - value)}$` }, derivative, 'derivative'),
      numberStep({ ko: `연쇄 법칙: $\\dfrac{\\partial L}{\\partial z} = \\dfrac{\\partial L}{\\partial \\sigma}\\,\\sigma'(z) = ${term(upstream)}\\cdot ${term(derivative)}$`, en: `Chain rule: $\\dfrac{\\partial L}{\\partial z} = \\dfrac{\\partial L}{\\partial \\sigma}\\,\\sigma'(z) = ${term(upstream)}\\cdot ${term(derivative)}$` }, tensor(upstream).mul(derivative).item(), 'gradient'),
    ];
  },

  prompt: ({ z, upstream }) =>
    paragraphs(
      {
        ko: `시그모이드 뉴런의 입력(pre-activation)이 $z = ${num(z)}$이고 출력은 $\\sigma(z) = \\dfrac{1}{1 + e^{-z}}$입니다. 역전파 중 출력 쪽에서 $\\dfrac{\\partial L}{\\partial \\sigma} = ${num(upstream)}$이 들어옵니다.`,
        en: `A sigmoid neuron has pre-activation $z = ${num(z)}$ and output $\\sigma(z) = \\dfrac{1}{1 + e^{-z}}$. During backpropagation the gradient $\\dfrac{\\partial L}{\\partial \\sigma} = ${num(upstream)}$ arrives from the output side.`,
      },
      {
        ko: '$\\sigma(z)$, 도함수 $\\sigma\'(z)$, 그리고 $\\dfrac{\\partial L}{\\partial z}$를 구하세요.',
        en: "Find $\\sigma(z)$, the derivative $\\sigma'(z)$, and $\\dfrac{\\partial L}{\\partial z}$.",
      },
      SIGNIFICANT_DIGITS,
    ),

  hints: () => [
    {
      ko: "시그모이드의 도함수는 출력값으로 쓸 수 있습니다: $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$.",
      en: "The sigmoid's derivative can be written with its output: $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$.",
    },
    {
      ko: "연쇄 법칙: $\\dfrac{\\partial L}{\\partial z} = \\dfrac{\\partial L}{\\partial \\sigma}\\,\\sigma'(z)$.",
      en: "Chain rule: $\\dfrac{\\partial L}{\\partial z} = \\dfrac{\\partial L}{\\partial \\sigma}\\,\\sigma'(z)$.",
    },
  ],
});
