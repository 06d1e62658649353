import { tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix, rowVector } from '../latex';
import { SIGNIFICANT_DIGITS, field, matrix, paragraphs, vector } from '../prompt-parts';
import { matrixOf, vectorOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { X: number[][]; W: number[][]; b: number[]; dY: number[][] };
type Expected = { dX: number[][]; dW: number[][]; db: number[] };

export const affineBackward = defineExercise<Given, Expected>({
  meta: {
    id: 'affine-backward',
    topic: 'affine-layer',
    unit: 'backprop',
    title: { ko: 'Affine 계층의 역전파', en: 'Backward pass of an affine layer' },
    difficulty: 2,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['forgot-transpose', 'forgot-sum-db', 'averaged-instead-of-summed'],
  },

  draw(random) {
    // W is square so that a forgotten transpose still gives an answer of the right shape;
    // batch ≠ width so the batch axis cannot be confused with a feature axis.
    const [n, d] = random.pick([
      [2, 3],
      [3, 2],
      [4, 2],
    ]);
    return {
      X: random.matrix(n, d, () => random.pick([-3, -2, -1, 1, 2, 3])),
      W: random.matrix(d, d, () => random.nonZeroDecimal(-1, 1)),
      b: random.vector(d, () => random.nonZeroDecimal(-1, 1)),
      dY: random.matrix(n, d, () => random.nonZeroDecimal(-1, 1)),
    };
  },

  spec: ({ X, W }) => ({
    kind: 'fields',
    fields: {
      dX: field(matrix(X.length, X[0].length), '∂L/∂X', '∂L/∂X'),
      dW: field(matrix(W.length, W[0].length), '∂L/∂W', '∂L/∂W'),
      db: field(vector(W[0].length), '∂L/∂b', '∂L/∂b'),
    },
  }),

  solve(given) {
    const X = tensor(given.X, { requiresGrad: true });
    const W = tensor(given.W, { requiresGrad: true });
    const b = tensor(given.b, { requiresGrad: true });
    X.matmul(W).add(b).backward(tensor(given.dY));
    return { dX: matrixOf(X.grad!), dW: matrixOf(W.grad!), db: vectorOf(b.grad!) };
  },

  mistakes(given) {
    const X = tensor(given.X);
    const W = tensor(given.W);
    const dY = tensor(given.dY);
    const batch = given.X.length;
    return [
      { id: 'forgot-transpose', answer: { dX: matrixOf(dY.matmul(W)) } },
      { id: 'forgot-transpose', answer: { dW: matrixOf(dY.transpose().matmul(X)) } },
      // Only one sample's gradient instead of the sum over the batch.
      { id: 'forgot-sum-db', answer: { db: vectorOf(dY.slice(0, 0, 1)) } },
      { id: 'averaged-instead-of-summed', answer: { db: vectorOf(dY.mean(0)) } },
      { id: 'averaged-instead-of-summed', answer: { dW: matrixOf(X.transpose().matmul(dY).div(batch)) } },
    ] satisfies MistakeCandidate<Expected>[];
  },

  explain(given) {
    const X = tensor(given.X);
    const W = tensor(given.W);
    const dY = tensor(given.dY);
    return [
      numberStep({ ko: `$\\dfrac{\\partial L}{\\partial X} = \\dfrac{\\partial L}{\\partial Y} W^\\top = ${bmatrix(given.dY)} ${bmatrix(matrixOf(W.transpose()))}$`, en: `$\\dfrac{\\partial L}{\\partial X} = \\dfrac{\\partial L}{\\partial Y} W^\\top = ${bmatrix(given.dY)} ${bmatrix(matrixOf(W.transpose()))}$` }, matrixOf(dY.matmul(W.transpose())), 'dX'),
      numberStep({ ko: `$\\dfrac{\\partial L}{\\partial W} = X^\\top \\dfrac{\\partial L}{\\partial Y} = ${bmatrix(matrixOf(X.transpose()))} ${bmatrix(given.dY)}$`, en: `$\\dfrac{\\partial L}{\\partial W} = X^\\top \\dfrac{\\partial L}{\\partial Y} = ${bmatrix(matrixOf(X.transpose()))} ${bmatrix(given.dY)}$` }, matrixOf(X.transpose().matmul(dY)), 'dW'),
      numberStep({ ko: '$\\dfrac{\\partial L}{\\partial b}$: $\\dfrac{\\partial L}{\\partial Y}$의 행(샘플)을 모두 더함', en: '$\\dfrac{\\partial L}{\\partial b}$: the rows (samples) of $\\dfrac{\\partial L}{\\partial Y}$ added up' }, vectorOf(dY.sum(0)), 'db'),
    ];
  },

  prompt: (given) =>
    paragraphs(
      {
        ko: `Affine 계층이 배치 $N = ${given.X.length}$개(한 행에 샘플 하나)에 대해 $Y = XW + \\mathbf{b}$를 계산합니다 ($\\mathbf{b}$는 모든 행에 더해짐).`,
        en: `An affine layer computes $Y = XW + \\mathbf{b}$ for a batch of $N = ${given.X.length}$ samples, one per row ($\\mathbf{b}$ is added to every row).`,
      },
      {
        ko: `$$X = ${bmatrix(given.X)}$$\n$$W = ${bmatrix(given.W)}$$\n$$\\mathbf{b} = ${rowVector(given.b)}$$`,
        en: `$$X = ${bmatrix(given.X)}$$\n$$W = ${bmatrix(given.W)}$$\n$$\\mathbf{b} = ${rowVector(given.b)}$$`,
      },
      {
        ko: `역전파로 $\\dfrac{\\partial L}{\\partial Y} = ${bmatrix(given.dY)}$가 들어왔습니다. $\\dfrac{\\partial L}{\\partial X}$, $\\dfrac{\\partial L}{\\partial W}$, $\\dfrac{\\partial L}{\\partial \\mathbf{b}}$를 구하세요.`,
        en: `Backpropagation delivers $\\dfrac{\\partial L}{\\partial Y} = ${bmatrix(given.dY)}$. Find $\\dfrac{\\partial L}{\\partial X}$, $\\dfrac{\\partial L}{\\partial W}$ and $\\dfrac{\\partial L}{\\partial \\mathbf{b}}$.`,
      },
      SIGNIFICANT_DIGITS,
    ),

  hints: () => [
    {
      ko: '각 기울기는 해당 변수와 같은 모양입니다. 모양을 맞춰 보면 어디에 전치가 들어가는지 알 수 있습니다.',
      en: 'Each gradient has the shape of its variable; matching shapes tells you where the transposes go.',
    },
    {
      ko: '$\\dfrac{\\partial L}{\\partial X} = \\dfrac{\\partial L}{\\partial Y}W^{\\mathsf T}$, $\\dfrac{\\partial L}{\\partial W} = X^{\\mathsf T}\\dfrac{\\partial L}{\\partial Y}$, 그리고 $\\mathbf{b}$의 기울기는 배치 전체에 대한 합입니다.',
      en: '$\\dfrac{\\partial L}{\\partial X} = \\dfrac{\\partial L}{\\partial Y}W^{\\mathsf T}$, $\\dfrac{\\partial L}{\\partial W} = X^{\\mathsf T}\\dfrac{\\partial L}{\\partial Y}$, and the gradient of $\\mathbf{b}$ is a sum over the batch.',
    },
  ],
});
