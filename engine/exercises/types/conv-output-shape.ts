import { defineExercise, type MistakeCandidate } from '../definition';
import { num } from '../latex';
import { INTEGER_ANSWERS, paragraphs, shape } from '../prompt-parts';
import { convOutputSize, type ConvGeometry } from '../shape-probe';
import { EXACT_TOLERANCE } from '../tolerance';
import { numberStep, shapeStep } from '../worked-steps';

type Given = { channels: number; height: number; width: number; filters: number; kernel: number; stride: number; padding: number };
type Expected = number[];

const geometryOf = (given: Given): ConvGeometry => ({ kernel: given.kernel, stride: given.stride, padding: given.padding });

/** [filters, H′, W′]: output channels are the filter count, the spatial size comes from the engine. */
function outputShape(given: Given, geometry: ConvGeometry, height = given.height, width = given.width): number[] | null {
  const size = convOutputSize(height, width, geometry);
  return size && [given.filters, ...size];
}

export const convOutputShape = defineExercise<Given, Expected>({
  meta: {
    id: 'conv-output-shape',
    topic: 'convolution',
    unit: 'cnn',
    title: { ko: '합성곱 출력의 모양', en: 'Shape of a convolution output' },
    difficulty: 1,
    tolerance: EXACT_TOLERANCE,
    mistakeIds: ['forgot-padding', 'padded-one-side', 'off-by-one-stride', 'forgot-stride', 'kept-input-channels'],
  },

  draw(random) {
    const kernel = random.pick([1, 3, 3, 5, 5, 7]);
    const stride = random.pick([1, 2, 2, 3]);
    const padding = random.int(0, Math.min(3, kernel - 1));
    // Pick the output size first, so the input size makes every window fit exactly (no floor).
    const inputSize = () => (random.int(2, 16) - 1) * stride + kernel - 2 * padding;
    return { channels: random.pick([1, 3, 8, 16]), height: inputSize(), width: inputSize(), filters: random.pick([4, 6, 8, 12, 16, 32]), kernel, stride, padding };
  },

  spec: () => shape,

  solve: (given) => outputShape(given, geometryOf(given)) ?? [],

  // A safety net for the draw: windows fit exactly, inputs are not tiny, outputs are ≥ 2 a side.
  isAcceptable: (given, expected) =>
    Math.min(given.height, given.width) >= 4 &&
    expected[1] >= 2 &&
    expected[2] >= 2 &&
    [given.height, given.width].every((size) => (size + 2 * given.padding - given.kernel) % given.stride === 0),

  mistakes(given, expected) {
    const geometry = geometryOf(given);
    const candidates: MistakeCandidate<Expected>[] = [];
    const add = (id: MistakeCandidate['id'], answer: number[] | null) => {
      if (answer) candidates.push({ id, answer });
    };
    if (given.padding > 0) {
      add('forgot-padding', outputShape(given, { ...geometry, padding: 0 }));
      // Padding added once: the input looks P larger instead of 2P.
      add('padded-one-side', outputShape(given, { ...geometry, padding: 0 }, given.height + given.padding, given.width + given.padding));
    }
    // (H + 2P − K)/S without the +1: no engine call computes a wrong formula, so subtract it here.
    add('off-by-one-stride', [expected[0], expected[1] - 1, expected[2] - 1]);
    if (given.stride > 1) add('forgot-stride', outputShape(given, { ...geometry, stride: 1 }));
    if (given.channels !== given.filters) add('kept-input-channels', [given.channels, expected[1], expected[2]]);
    return candidates;
  },

  explain(given) {
    const size = (n: number) => (n + 2 * given.padding - given.kernel) / given.stride + 1;
    const formula = (n: number) => `\\dfrac{${n} + 2\\cdot ${given.padding} - ${given.kernel}}{${given.stride}} + 1`;
    return [
      numberStep({ ko: `출력 높이 $H' = \\dfrac{H + 2P - K}{S} + 1 = ${formula(given.height)}$`, en: `Output height $H' = \\dfrac{H + 2P - K}{S} + 1 = ${formula(given.height)}$` }, size(given.height)),
      numberStep({ ko: `출력 너비 $W' = ${formula(given.width)}$`, en: `Output width $W' = ${formula(given.width)}$` }, size(given.width)),
      shapeStep({ ko: `출력 채널 수는 필터 수 ${given.filters}: [필터, H′, W′]`, en: `Output channels are the ${given.filters} filters: [filters, H′, W′]` }, [given.filters, size(given.height), size(given.width)], ''),
    ];
  },

  prompt: (given) =>
    paragraphs(
      {
        ko: `채널 × 높이 × 너비가 ${num(given.channels)} × ${num(given.height)} × ${num(given.width)}인 입력에 ${num(given.kernel)}×${num(given.kernel)} 필터 ${num(given.filters)}개를 가진 합성곱 층을 스트라이드 ${num(given.stride)}, 패딩 ${num(given.padding)}(사방에 0을 채움)으로 적용합니다.`,
        en: `A convolution layer with ${num(given.filters)} filters of size ${num(given.kernel)}×${num(given.kernel)}, stride ${num(given.stride)} and zero padding ${num(given.padding)} on every side is applied to an input of channels × height × width = ${num(given.channels)} × ${num(given.height)} × ${num(given.width)}.`,
      },
      {
        ko: '출력의 모양을 [채널, 높이, 너비]로 쓰세요.',
        en: 'Write the output shape as [channels, height, width].',
      },
      INTEGER_ANSWERS,
    ),

  hints: () => [
    {
      ko: '출력 높이는 $\\dfrac{H + 2P - K}{S} + 1$이고 너비도 같은 방식입니다.',
      en: 'The output height is $\\dfrac{H + 2P - K}{S} + 1$, and the width works the same way.',
    },
    {
      ko: '출력 채널 수는 필터의 개수입니다.',
      en: 'The number of output channels is the number of filters.',
    },
  ],
});
