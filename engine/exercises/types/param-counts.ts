import { nn, rng, zeros, type Tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num } from '../latex';
import { INTEGER_ANSWERS, field, paragraphs, scalar } from '../prompt-parts';
import { convOutputSize } from '../shape-probe';
import { EXACT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { channels: number; size: number; filters: number; kernel: number };
type Expected = { conv: number; local: number; fc: number };

interface Options {
  withBias: boolean;
  /** Input channels each filter spans (the right answer uses all of them). */
  channels: number;
}

/**
 * The trainable tensors of the three layers, built with the engine; a count is their total size.
 * The convolution is the engine's Conv2d layer. The engine has no locally connected or
 * correspondingly sized dense layer to instantiate cheaply, so their parameter tensors are
 * built directly: one C·K·K weight vector (and bias) per output unit, and a dense weight matrix
 * from every input to every output unit (plus one bias per output unit).
 */
function parameters(given: Given, { withBias, channels }: Options): Record<keyof Expected, Tensor[]> {
  const [outH, outW] = convOutputSize(given.size, given.size, { kernel: given.kernel, stride: 1, padding: 0 }) ?? [0, 0];
  const outputs = given.filters * outH * outW;
  const bias = (n: number) => (withBias ? [zeros([n])] : []);
  const conv = new nn.Conv2d(channels, given.filters, given.kernel, { rng: rng(0), bias: withBias });
  return {
    conv: conv.parameters(),
    local: [zeros([outputs, channels * given.kernel * given.kernel]), ...bias(outputs)],
    fc: [zeros([given.channels * given.size * given.size, outputs]), ...bias(outputs)],
  };
}

function counts(given: Given, options: Options): Expected {
  const layers = parameters(given, options);
  const total = (tensors: Tensor[]) => tensors.reduce((n, t) => n + t.size, 0);
  return { conv: total(layers.conv), local: total(layers.local), fc: total(layers.fc) };
}

export const paramCounts = defineExercise<Given, Expected>({
  meta: {
    id: 'param-counts',
    topic: 'weight-sharing',
    unit: 'cnn',
    title: { ko: '완전연결·지역연결·합성곱 층의 파라미터 수', en: 'Parameters of fully connected, locally connected and convolution layers' },
    difficulty: 2,
    tolerance: EXACT_TOLERANCE,
    mistakeIds: ['forgot-bias', 'forgot-input-channels'],
  },

  // 4 · 9 · 8 · 2 = 576 variants, so a class of 200 can each have their own numbers.
  draw: (random) => ({
    channels: random.int(1, 4),
    size: random.int(4, 12),
    filters: random.int(2, 9),
    kernel: random.pick([2, 3]),
  }),

  spec: () => ({
    kind: 'fields',
    fields: {
      conv: field(scalar, '(가) 합성곱 층 (가중치 공유)', '(a) convolution layer (shared weights)'),
      local: field(scalar, '(나) 지역연결 층 (공유 없음)', '(b) locally connected layer (no sharing)'),
      fc: field(scalar, '(다) 완전연결 층', '(c) fully connected layer'),
    },
  }),

  solve: (given) => counts(given, { withBias: true, channels: given.channels }),

  mistakes(given) {
    const withoutBias = counts(given, { withBias: false, channels: given.channels });
    const candidates: MistakeCandidate<Expected>[] = [
      { id: 'forgot-bias', answer: { conv: withoutBias.conv } },
      { id: 'forgot-bias', answer: { local: withoutBias.local } },
      { id: 'forgot-bias', answer: { fc: withoutBias.fc } },
    ];
    if (given.channels > 1) {
      const oneChannel = counts(given, { withBias: true, channels: 1 });
      candidates.push({ id: 'forgot-input-channels', answer: { conv: oneChannel.conv } }, { id: 'forgot-input-channels', answer: { local: oneChannel.local } });
    }
    return candidates;
  },

  explain(given) {
    const { channels: c, size, filters: f, kernel: k } = given;
    const perFilter = c * k * k;
    const out = size - k + 1;
    const units = f * out * out;
    const inputs = c * size * size;
    return [
      numberStep({ ko: `필터 하나의 가중치: 입력 채널 전부에 걸침, $C\\cdot K\\cdot K = ${c}\\cdot ${k}\\cdot ${k}$`, en: `Weights of one filter, spanning every input channel: $C\\cdot K\\cdot K = ${c}\\cdot ${k}\\cdot ${k}$` }, perFilter),
      numberStep({ ko: `(가) 합성곱: 필터 ${f}개가 위치마다 같은 가중치를 씀, $${f}\\cdot (${perFilter} + 1)$ (편향 포함)`, en: `(a) Convolution: ${f} filters share their weights across positions, $${f}\\cdot (${perFilter} + 1)$ (with bias)` }, f * (perFilter + 1), 'conv'),
      numberStep({ ko: `출력 단위 수: $F\\cdot H'\\cdot W' = ${f}\\cdot ${out}\\cdot ${out}$`, en: `Output units: $F\\cdot H'\\cdot W' = ${f}\\cdot ${out}\\cdot ${out}$` }, units),
      numberStep({ ko: `(나) 지역연결: 단위마다 자기 가중치, $${units}\\cdot (${perFilter} + 1)$`, en: `(b) Locally connected: each unit has its own weights, $${units}\\cdot (${perFilter} + 1)$` }, units * (perFilter + 1), 'local'),
      numberStep({ ko: `(다) 완전연결: 입력 ${inputs}개 모두가 단위마다 연결, $${inputs}\\cdot ${units} + ${units}$`, en: `(c) Fully connected: all ${inputs} inputs feed every unit, $${inputs}\\cdot ${units} + ${units}$` }, inputs * units + units, 'fc'),
    ];
  },

  prompt(given) {
    const input = `${num(given.channels)} × ${num(given.size)} × ${num(given.size)}`;
    const k = `${num(given.kernel)}×${num(given.kernel)}`;
    return paragraphs(
      {
        ko: `채널 × 높이 × 너비가 ${input}인 입력에 ${k} 필터 ${num(given.filters)}개로 합성곱(스트라이드 1, 패딩 없음)을 하면 출력 특징 맵이 생깁니다. 같은 입력에서 같은 크기의 출력을 만드는 세 가지 층의 학습 파라미터(가중치 + 편향) 수를 구하세요.`,
        en: `Convolving an input of channels × height × width = ${input} with ${num(given.filters)} filters of ${k} (stride 1, no padding) gives an output feature map. Count the trainable parameters (weights + biases) of three layers that map this input to an output of that same size:`,
      },
      {
        ko: [
          '- (가) 합성곱 층: 위치마다 같은 필터를 공유하고, 필터마다 편향 1개.',
          '- (나) 지역연결 층: 수용 영역은 (가)와 같지만 출력 뉴런마다 자기 가중치와 편향 1개를 가짐.',
          '- (다) 완전연결 층: 모든 입력이 모든 출력 뉴런에 연결되고, 출력 뉴런마다 편향 1개.',
        ].join('\n'),
        en: [
          '- (a) a convolution layer: every position shares the same filters, with one bias per filter;',
          '- (b) a locally connected layer: the same receptive fields as (a), but every output unit has its own weights and one bias;',
          '- (c) a fully connected layer: every input connects to every output unit, with one bias per output unit.',
        ].join('\n'),
      },
      INTEGER_ANSWERS,
    );
  },

  hints: () => [
    {
      ko: '먼저 출력 특징 맵의 크기 (필터 수) × $(H - K + 1)$ × $(W - K + 1)$를 구하세요. 필터 하나는 모든 입력 채널을 봅니다.',
      en: 'First find the output size: (filters) × $(H - K + 1)$ × $(W - K + 1)$. Each filter spans every input channel.',
    },
    {
      ko: '합성곱은 필터 개수만큼의 가중치 묶음만 배우고, 지역연결은 출력 뉴런마다 한 묶음씩 배웁니다.',
      en: 'A convolution learns one set of weights per filter; a locally connected layer learns one set per output unit.',
    },
  ],
});
