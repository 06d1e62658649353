import { shapeSize } from '../../index';
import { numbersField } from '../answer-fields';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num } from '../latex';
import { INTEGER_ANSWERS, field, paragraphs, scalar, shape } from '../prompt-parts';
import { convOutputSize, poolOutputSize } from '../shape-probe';
import { EXACT_TOLERANCE } from '../tolerance';
import { numberStep, shapeStep } from '../worked-steps';

type Conv = { filters: number; kernel: number; padding: number };
type Given = { channels: number; size: number; conv1: Conv; conv2: Conv; hidden: number; classes: number };
type Expected = { c1: number[]; s2: number[]; c3: number[]; s4: number[]; flat: number };

/** LeNet's subsampling: 2×2 windows, stride 2. */
const POOL = { kernel: 2, stride: 2 };

/** [filters, H′, W′] after a stride-1 convolution of a [C, H, W] map, or null if it does not fit. */
function afterConv(input: readonly number[], conv: Conv): number[] | null {
  const size = input.length === 3 ? convOutputSize(input[1], input[2], { kernel: conv.kernel, stride: 1, padding: conv.padding }) : null;
  return size && [conv.filters, ...size];
}

function afterPool(input: readonly number[] | null): number[] | null {
  const size = input && input.length === 3 ? poolOutputSize(input[1], input[2], POOL) : null;
  return input && size && [input[0], ...size];
}

function progression(given: Given): Expected | null {
  const c1 = afterConv([given.channels, given.size, given.size], given.conv1);
  const s2 = afterPool(c1);
  const c3 = s2 && afterConv(s2, given.conv2);
  const s4 = afterPool(c3);
  return c1 && s2 && c3 && s4 && { c1, s2, c3, s4, flat: shapeSize(s4) };
}

export const lenetShapes = defineExercise<Given, Expected>({
  meta: {
    id: 'lenet-shapes',
    topic: 'lenet',
    unit: 'cnn',
    title: { ko: 'LeNet 계열 신경망의 층별 모양', en: 'Layer-by-layer shapes of a LeNet-like network' },
    difficulty: 2,
    tolerance: EXACT_TOLERANCE,
    mistakeIds: ['forgot-padding', 'kept-input-channels', 'skipped-pooling', 'flatten-forgot-channels'],
  },

  draw(random) {
    // Work backwards from S4 so both poolings see even sizes: S4 → C3 = 2·S4 → S2 = C3 + K2 − 1
    // → C1 = 2·S2 → input = C1 − 2·P1 + K1 − 1 (with S4 = 5, K = 5, P = 0 this is LeNet-5's 32).
    const conv1 = { filters: random.pick([4, 6, 8]), kernel: random.pick([3, 5, 5]), padding: random.pick([0, 0, 1, 2]) };
    const conv2 = { filters: random.pick([10, 12, 16, 20]), kernel: random.pick([3, 5]), padding: 0 };
    const c1 = 2 * (2 * random.int(4, 6) + conv2.kernel - 1);
    return { channels: random.pick([1, 1, 3]), size: c1 - 2 * conv1.padding + conv1.kernel - 1, conv1, conv2, hidden: random.pick([84, 100, 120]), classes: 10 };
  },

  spec: () => ({
    kind: 'fields',
    fields: {
      c1: field(shape, 'C1 (합성곱 1) 출력 모양', 'C1 (convolution 1) output shape'),
      s2: field(shape, 'S2 (풀링 1) 출력 모양', 'S2 (pooling 1) output shape'),
      c3: field(shape, 'C3 (합성곱 2) 출력 모양', 'C3 (convolution 2) output shape'),
      s4: field(shape, 'S4 (풀링 2) 출력 모양', 'S4 (pooling 2) output shape'),
      flat: field(scalar, '펼친(flatten) 벡터의 길이', 'length of the flattened vector'),
    },
  }),

  solve: (given) => progression(given) ?? { c1: [], s2: [], c3: [], s4: [], flat: 0 },

  // Both pooling layers see an even size, so no row or column is silently dropped.
  isAcceptable: (given, expected) => expected.flat > 0 && expected.c1[1] % 2 === 0 && expected.c3[1] % 2 === 0 && expected.s4[1] >= 2,

  /** Error carried forward: each layer is checked against the student's own previous shape. */
  expectedFor(given, answer, expected) {
    const own = (name: 'c1' | 's2' | 'c3' | 's4') => numbersField(answer, name);
    return {
      c1: expected.c1,
      s2: afterPool(own('c1')) ?? expected.s2,
      c3: afterConv(own('s2'), given.conv2) ?? expected.c3,
      s4: afterPool(own('c3')) ?? expected.s4,
      flat: shapeSize(own('s4')),
    };
  },

  mistakes(given, expected) {
    const candidates: MistakeCandidate<Expected>[] = [];
    const unpadded = afterConv([given.channels, given.size, given.size], { ...given.conv1, padding: 0 });
    if (given.conv1.padding > 0 && unpadded) candidates.push({ id: 'forgot-padding', answer: { c1: unpadded } });
    if (given.channels !== given.conv1.filters) candidates.push({ id: 'kept-input-channels', answer: { c1: [given.channels, ...expected.c1.slice(1)] } });
    candidates.push(
      { id: 'skipped-pooling', answer: { s2: expected.c1 } },
      { id: 'skipped-pooling', answer: { s4: expected.c3 } },
      { id: 'flatten-forgot-channels', answer: { flat: shapeSize(expected.s4.slice(1)) } },
    );
    return candidates;
  },

  /** Each layer's size by the formulas: (H + 2P − K) + 1 for a stride-1 convolution, H / 2 for 2×2 pooling. */
  explain(given) {
    const conv = (input: number[], layer: Conv) => [layer.filters, input[1] + 2 * layer.padding - layer.kernel + 1, input[2] + 2 * layer.padding - layer.kernel + 1];
    const pool = (input: number[]) => [input[0], Math.floor(input[1] / 2), Math.floor(input[2] / 2)];
    const c1 = conv([given.channels, given.size, given.size], given.conv1);
    const s2 = pool(c1);
    const c3 = conv(s2, given.conv2);
    const s4 = pool(c3);
    const convText = (input: number[], layer: Conv, name: string) => ({
      ko: `${name}: 필터 ${layer.filters}개, 크기 $${input[1]} + 2\\cdot ${layer.padding} - ${layer.kernel} + 1$`,
      en: `${name}: ${layer.filters} filters, size $${input[1]} + 2\\cdot ${layer.padding} - ${layer.kernel} + 1$`,
    });
    const poolText = (input: number[], name: string) => ({ ko: `${name}: 2×2 풀링은 채널을 그대로 두고 크기를 반으로 ($${input[1]} / 2$)`, en: `${name}: 2×2 pooling keeps the channels and halves the size ($${input[1]} / 2$)` });
    return [
      shapeStep(convText([given.channels, given.size, given.size], given.conv1, 'C1'), c1, 'c1'),
      shapeStep(poolText(c1, 'S2'), s2, 's2'),
      shapeStep(convText(s2, given.conv2, 'C3'), c3, 'c3'),
      shapeStep(poolText(c3, 'S4'), s4, 's4'),
      numberStep({ ko: `펼친 길이 = 채널 × 높이 × 너비 = $${s4.join('\\times ')}$`, en: `Flattened length = channels × height × width = $${s4.join('\\times ')}$` }, s4[0] * s4[1] * s4[2], 'flat'),
    ];
  },

  prompt(given) {
    const { conv1, conv2 } = given;
    const pad = (conv: Conv) => (conv.padding > 0 ? { ko: `, 패딩 ${num(conv.padding)}`, en: `, padding ${num(conv.padding)}` } : { ko: ', 패딩 없음', en: ', no padding' });
    const input = `${num(given.channels)} × ${num(given.size)} × ${num(given.size)}`;
    return paragraphs(
      {
        ko: `LeNet을 닮은 신경망이 채널 × 높이 × 너비가 ${input}인 이미지를 받습니다. 층은 다음과 같습니다 (모든 합성곱은 스트라이드 1).`,
        en: `A LeNet-like network takes images of channels × height × width = ${input}. Its layers are (all convolutions have stride 1):`,
      },
      {
        ko: [
          `- C1: ${num(conv1.kernel)}×${num(conv1.kernel)} 필터 ${num(conv1.filters)}개${pad(conv1).ko}`,
          '- S2: 2×2 최대 풀링, 스트라이드 2',
          `- C3: ${num(conv2.kernel)}×${num(conv2.kernel)} 필터 ${num(conv2.filters)}개${pad(conv2).ko}`,
          '- S4: 2×2 최대 풀링, 스트라이드 2',
          `- 펼치기(flatten) → 완전연결 ${num(given.hidden)} → 출력 ${num(given.classes)}`,
        ].join('\n'),
        en: [
          `- C1: ${num(conv1.filters)} filters of ${num(conv1.kernel)}×${num(conv1.kernel)}${pad(conv1).en}`,
          '- S2: 2×2 max pooling, stride 2',
          `- C3: ${num(conv2.filters)} filters of ${num(conv2.kernel)}×${num(conv2.kernel)}${pad(conv2).en}`,
          '- S4: 2×2 max pooling, stride 2',
          `- flatten → fully connected ${num(given.hidden)} → output ${num(given.classes)}`,
        ].join('\n'),
      },
      {
        ko: 'C1, S2, C3, S4의 출력 모양을 [채널, 높이, 너비]로, 그리고 펼친 벡터의 길이를 구하세요.',
        en: 'Give the output shapes of C1, S2, C3 and S4 as [channels, height, width], and the length of the flattened vector.',
      },
      INTEGER_ANSWERS,
    );
  },

  hints: () => [
    {
      ko: '합성곱의 출력 크기는 $H + 2P - K + 1$ (스트라이드 1), 채널 수는 필터 개수입니다. 2×2 풀링은 높이와 너비를 절반으로 줄이고 채널은 그대로 둡니다.',
      en: 'A stride-1 convolution gives size $H + 2P - K + 1$ with as many channels as filters; 2×2 pooling halves height and width and keeps the channels.',
    },
    {
      ko: '펼친 길이는 S4의 채널 × 높이 × 너비입니다.',
      en: 'The flattened length is S4\'s channels × height × width.',
    },
  ],
});
