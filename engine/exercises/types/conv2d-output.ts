import { conv2d, tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix, num } from '../latex';
import { SIGNIFICANT_DIGITS, paragraphs } from '../prompt-parts';
import { matrixOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { image: number[][]; kernel: number[][]; bias: number; stride: number; padding: number };
type Expected = number[][];

/** The engine's conv2d on one single-channel image with one filter. */
function convolve(given: Given, options: { kernel?: number[][]; stride?: number; withBias?: boolean } = {}) {
  const kernel = options.kernel ?? given.kernel;
  const bias = options.withBias === false ? null : tensor([given.bias]);
  return conv2d(tensor([[given.image]]), tensor([[kernel]]), bias, { stride: options.stride ?? given.stride, padding: given.padding });
}

export const conv2dOutput = defineExercise<Given, Expected>({
  meta: {
    id: 'conv2d-output',
    topic: 'convolution',
    unit: 'cnn',
    title: { ko: '합성곱 층의 출력 계산', en: 'Output of a convolution layer' },
    difficulty: 2,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['flipped-kernel', 'forgot-bias', 'ignored-stride'],
  },

  draw(random) {
    const size = random.pick([2, 3]);
    const stride = random.pick([1, 1, 2]);
    const padding = random.pick([0, 0, 1]);
    // Choose the output size first, then the input size that gives it exactly (no floor).
    const [outH, outW] = [random.int(2, 3), random.int(2, 3)];
    const inputSize = (out: number) => Math.max(size, (out - 1) * stride + size - 2 * padding);
    return {
      image: random.matrix(inputSize(outH), inputSize(outW), () => random.pick([-1, 0, 1, 2, 3])),
      kernel: random.matrix(size, size, () => random.pick([-1, 0, 1, 2])),
      bias: random.pick([-2, -1, 1, 2]),
      stride,
      padding,
    };
  },

  spec(given) {
    const out = convolve(given);
    return { kind: 'matrix', rows: out.shape[2], cols: out.shape[3] };
  },

  solve: (given) => matrixOf(convolve(given)),

  // Every window fits exactly (no floor in the output size), the output is 2–3 cells a side, and
  // a kernel of one repeated value would be too easy.
  isAcceptable(given, expected) {
    const fits = (size: number) => (size + 2 * given.padding - given.kernel.length) % given.stride === 0;
    const isSmall = (size: number) => size >= 2 && size <= 3;
    return fits(given.image.length) && fits(given.image[0].length) && isSmall(expected.length) && isSmall(expected[0].length) && new Set(given.kernel.flat()).size >= 2;
  },

  mistakes(given, expected) {
    const flipped = given.kernel.map((row) => [...row].reverse()).reverse();
    const candidates: MistakeCandidate<Expected>[] = [
      { id: 'flipped-kernel', answer: matrixOf(convolve(given, { kernel: flipped })) },
      { id: 'forgot-bias', answer: matrixOf(convolve(given, { withBias: false })) },
    ];
    if (given.stride > 1) {
      // Stride 1 everywhere, keeping as many outputs as the answer grid has.
      const unstrided = convolve(given, { stride: 1 }).slice([null, null, [0, expected.length], [0, expected[0].length]]);
      candidates.push({ id: 'ignored-stride', answer: matrixOf(unstrided) });
    }
    return candidates;
  },

  /** Each output cell as the sum of one window times the kernel, plus the bias (no flipping). */
  explain(given) {
    const k = given.kernel.length;
    const p = given.padding;
    const padded = p === 0 ? given.image : [
      ...Array.from({ length: p }, () => new Array<number>(given.image[0].length + 2 * p).fill(0)),
      ...given.image.map((row) => [...new Array<number>(p).fill(0), ...row, ...new Array<number>(p).fill(0)]),
      ...Array.from({ length: p }, () => new Array<number>(given.image[0].length + 2 * p).fill(0)),
    ];
    const rows = (padded.length - k) / given.stride + 1;
    const cols = (padded[0].length - k) / given.stride + 1;
    const windowAt = (r: number, c: number) => padded.slice(r * given.stride, r * given.stride + k).map((row) => row.slice(c * given.stride, c * given.stride + k));
    const cell = (r: number, c: number) => tensor(windowAt(r, c)).mul(tensor(given.kernel)).sum().add(given.bias).item();
    const output = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
    const steps = [];
    if (p > 0) steps.push(numberStep({ ko: `입력 둘레에 0을 ${p}줄 덧댐 (패딩)`, en: `The input with ${p} ring${p === 1 ? '' : 's'} of zeros around it (padding)` }, padded));
    steps.push(
      numberStep({ ko: `왼쪽 위 출력: 첫 창 $${bmatrix(windowAt(0, 0))}$과 커널을 칸끼리 곱해 더하고 편향 ${num(given.bias)}을 더함 (커널은 뒤집지 않음)`, en: `Top-left output: the first window $${bmatrix(windowAt(0, 0))}$ times the kernel, cell by cell, summed, plus the bias ${num(given.bias)} (the kernel is not flipped)` }, output[0][0]),
      numberStep({ ko: `창을 ${given.stride}칸씩 옮기며 같은 계산 → 출력 ${rows}×${cols}`, en: `Slide the window by ${given.stride}, same computation each time → a ${rows}×${cols} output` }, output, ''),
    );
    return steps;
  },

  prompt(given) {
    const k = given.kernel.length;
    const padding =
      given.padding > 0
        ? { ko: `입력 둘레에 ${num(given.padding)}칸씩 0을 채우고(zero padding)`, en: `zero padding of ${num(given.padding)} on every side` }
        : { ko: '패딩 없이', en: 'no padding' };
    const math = `$$X = ${bmatrix(given.image)},\\qquad K = ${bmatrix(given.kernel)}$$`;
    return paragraphs(
      {
        ko: `입력 이미지 $X$에 필터가 $K$(${k}×${k})이고 편향이 $b = ${num(given.bias)}$인 합성곱 층을 적용합니다. ${padding.ko}, 스트라이드 ${num(given.stride)}로 필터를 밀면서 겹치는 값끼리 곱해 더하고 편향을 더합니다 (딥러닝 라이브러리의 합성곱과 같은 방식).`,
        en: `A convolution layer with a ${k}×${k} filter $K$ and bias $b = ${num(given.bias)}$ is applied to the image $X$ with ${padding.en} and stride ${num(given.stride)}: slide the filter, multiply overlapping values, sum them and add the bias (as deep-learning libraries compute a convolution).`,
      },
      { ko: math, en: math },
      { ko: '출력 특징 맵 전체를 구하세요.', en: 'Find the whole output feature map.' },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: (given) => [
    {
      ko: `출력의 왼쪽 위 값은 (패딩한) 입력의 왼쪽 위 ${given.kernel.length}×${given.kernel.length} 영역과 $K$를 원소별로 곱해 더한 뒤 $b$를 더한 값입니다. 필터는 뒤집지 않습니다.`,
      en: `The top-left output is the elementwise product of $K$ with the top-left ${given.kernel.length}×${given.kernel.length} patch of the (padded) input, summed, plus $b$. The filter is not flipped.`,
    },
    {
      ko: `다음 출력은 필터를 ${num(given.stride)}칸 옮겨서 계산합니다.`,
      en: `The next output moves the filter by ${num(given.stride)} position(s).`,
    },
  ],
});
