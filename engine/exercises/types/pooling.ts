import { avgPool2d, maxPool2d, tensor, type Tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix, num } from '../latex';
import { SIGNIFICANT_DIGITS, field, matrix, paragraphs } from '../prompt-parts';
import { matrixOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { input: number[][]; kernel: number; stride: number };
type Expected = { max: number[][]; avg: number[][] };

type Pool = (x: Tensor, options: { kernel: number; stride: number }) => Tensor;

/** A pooling of the single-channel input, optionally cropped to the answer grid. */
function pool(given: Given, op: Pool, stride = given.stride, crop?: readonly [number, number]): number[][] {
  const out = op(tensor([[given.input]]), { kernel: given.kernel, stride });
  return matrixOf(crop ? out.slice([null, null, [0, crop[0]], [0, crop[1]]]) : out);
}

export const pooling = defineExercise<Given, Expected>({
  meta: {
    id: 'pooling',
    topic: 'pooling',
    unit: 'cnn',
    title: { ko: '최대 풀링과 평균 풀링', en: 'Max pooling and average pooling' },
    difficulty: 1,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['swapped-max-avg', 'summed-instead-of-averaged', 'ignored-stride'],
  },

  draw(random) {
    const [kernel, stride] = random.pick([
      [2, 2],
      [2, 2],
      [2, 1],
      [3, 1],
      [3, 2],
    ]);
    // The input size that makes every window fit exactly for a 2- or 3-cell output.
    const inputSize = (out: number) => (out - 1) * stride + kernel;
    const [outH, outW] = [random.int(2, 3), random.int(2, 3)];
    return { input: random.matrix(inputSize(outH), inputSize(outW), () => random.int(0, 9)), kernel, stride };
  },

  spec(given) {
    const out = pool(given, maxPool2d);
    const [rows, cols] = [out.length, out[0].length];
    return {
      kind: 'fields',
      fields: {
        max: field(matrix(rows, cols), '최대 풀링 출력', 'max pooling output'),
        avg: field(matrix(rows, cols), '평균 풀링 출력', 'average pooling output'),
      },
    };
  },

  solve: (given) => ({ max: pool(given, maxPool2d), avg: pool(given, avgPool2d) }),

  mistakes(given, expected) {
    const area = given.kernel * given.kernel;
    const candidates: MistakeCandidate<Expected>[] = [
      { id: 'swapped-max-avg', answer: { max: expected.avg, avg: expected.max } },
      // Sum pooling: the window total without dividing by its size.
      { id: 'summed-instead-of-averaged', answer: { avg: matrixOf(tensor(expected.avg).mul(area)) } },
    ];
    if (given.stride > 1) {
      const grid = [expected.max.length, expected.max[0].length] as const;
      candidates.push(
        { id: 'ignored-stride', answer: { max: pool(given, maxPool2d, 1, grid) } },
        { id: 'ignored-stride', answer: { avg: pool(given, avgPool2d, 1, grid) } },
      );
    }
    return candidates;
  },

  explain(given) {
    const { kernel: k, stride } = given;
    const rows = (given.input.length - k) / stride + 1;
    const cols = (given.input[0].length - k) / stride + 1;
    const windowAt = (r: number, c: number) => tensor(given.input.slice(r * stride, r * stride + k).map((row) => row.slice(c * stride, c * stride + k)));
    const over = (reduce: (window: Tensor) => number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => reduce(windowAt(r, c))));
    return [
      numberStep({ ko: `${k}×${k} 창을 ${stride}칸씩 옮김: 출력 ${rows}×${cols}. 첫 창`, en: `A ${k}×${k} window moved by ${stride}: a ${rows}×${cols} output. The first window` }, matrixOf(windowAt(0, 0))),
      numberStep({ ko: '최대 풀링: 창마다 가장 큰 값', en: 'Max pooling: the largest value of each window' }, over((w) => w.max().item()), 'max'),
      numberStep({ ko: `평균 풀링: 창마다 ${k * k}개 값의 평균`, en: `Average pooling: the mean of the ${k * k} values of each window` }, over((w) => w.mean().item()), 'avg'),
    ];
  },

  prompt(given) {
    const math = `$$X = ${bmatrix(given.input)}$$`;
    return paragraphs(
      {
        ko: `입력 $X$에 ${num(given.kernel)}×${num(given.kernel)} 창, 스트라이드 ${num(given.stride)}, 패딩 없이 (1) 최대 풀링과 (2) 평균 풀링을 각각 적용합니다.`,
        en: `Apply (1) max pooling and (2) average pooling to the input $X$ with a ${num(given.kernel)}×${num(given.kernel)} window, stride ${num(given.stride)} and no padding.`,
      },
      { ko: math, en: math },
      { ko: '두 출력 행렬을 구하세요.', en: 'Find both output matrices.' },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: (given) => [
    {
      ko: `창을 왼쪽 위에서 시작해 ${num(given.stride)}칸씩 옮깁니다. 창마다 출력 하나가 나옵니다.`,
      en: `Start the window at the top-left and move it ${num(given.stride)} cell(s) at a time; each window gives one output.`,
    },
    {
      ko: '최대 풀링은 창 안의 가장 큰 값, 평균 풀링은 창 안 값들의 평균입니다.',
      en: 'Max pooling keeps the largest value in the window; average pooling takes the mean of its values.',
    },
  ],
});
