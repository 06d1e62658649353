import { dropout, tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num, rowVector } from '../latex';
import { SIGNIFICANT_DIGITS, field, paragraphs, vector } from '../prompt-parts';
import { vectorOf } from '../tensor-values';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep } from '../worked-steps';

type Given = { activations: number[]; p: number; mask: number[] };
type Expected = { train: number[]; test: number[]; inverted: number[] };

/** The engine's dropout on the shown activations. */
function drop(given: Given, options: { training: boolean; mode: 'inverted' | 'scale-at-test'; mask?: number[]; p?: number }): number[] {
  return vectorOf(dropout(tensor(given.activations), options.p ?? given.p, { training: options.training, mode: options.mode, mask: options.mask ?? given.mask }));
}

export const dropoutExercise = defineExercise<Given, Expected>({
  meta: {
    id: 'dropout',
    topic: 'dropout',
    unit: 'cnn',
    title: { ko: '드롭아웃: 학습 때와 테스트 때', en: 'Dropout at training and at test time' },
    difficulty: 1,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['used-inverted-scaling', 'forgot-test-scaling', 'used-drop-probability', 'inverted-mask', 'forgot-inverted-scaling'],
  },

  draw: (random) => ({
    activations: random.vector(6, () => random.decimal(0.1, 2)),
    p: random.pick([0.5, 0.5, 0.2, 0.25, 0.4]),
    mask: random.vector(6, () => (random.chance(0.5) ? 1 : 0)),
  }),

  spec: ({ activations }) => ({
    kind: 'fields',
    fields: {
      train: field(vector(activations.length), '(1) 강의 방식, 학습 때 출력', "(1) lecture's dropout, training output"),
      test: field(vector(activations.length), '(1) 강의 방식, 테스트 때 출력', "(1) lecture's dropout, test output"),
      inverted: field(vector(activations.length), '(2) 역 드롭아웃, 학습 때 출력', '(2) inverted dropout, training output'),
    },
  }),

  solve: (given) => ({
    train: drop(given, { training: true, mode: 'scale-at-test' }),
    test: drop(given, { training: false, mode: 'scale-at-test' }),
    inverted: drop(given, { training: true, mode: 'inverted' }),
  }),

  // At least two units kept and two dropped, so the mask matters.
  isAcceptable: ({ mask }) => mask.filter((m) => m === 1).length >= 2 && mask.filter((m) => m === 0).length >= 2,

  mistakes(given) {
    const candidates: MistakeCandidate<Expected>[] = [
      { id: 'used-inverted-scaling', answer: { train: drop(given, { training: true, mode: 'inverted' }) } },
      // Inverted dropout's test time (identity) used for the lecture's variant.
      { id: 'forgot-test-scaling', answer: { test: drop(given, { training: false, mode: 'inverted' }) } },
      { id: 'inverted-mask', answer: { train: drop(given, { training: true, mode: 'scale-at-test', mask: given.mask.map((m) => 1 - m) }) } },
      { id: 'forgot-inverted-scaling', answer: { inverted: drop(given, { training: true, mode: 'scale-at-test' }) } },
    ];
    // Scaling by p instead of 1 − p is the same as dropping with probability 1 − p.
    if (given.p !== 0.5) candidates.push({ id: 'used-drop-probability', answer: { test: drop(given, { training: false, mode: 'scale-at-test', p: 1 - given.p }) } });
    return candidates;
  },

  explain(given) {
    const a = tensor(given.activations);
    const kept = a.mul(tensor(given.mask));
    const keep = tensor(1).sub(given.p).item();
    return [
      numberStep({ ko: `(1) 학습 때: 마스크가 1인 단위만 남김, $\\mathbf{a}\\odot\\mathbf{m}$`, en: `(1) Training: keep the units whose mask is 1, $\\mathbf{a}\\odot\\mathbf{m}$` }, vectorOf(kept), 'train'),
      numberStep({ ko: `(1) 테스트 때: 모든 단위를 쓰고 유지 확률 $1 - p = ${num(keep)}$을 곱함`, en: `(1) Test: use every unit, multiplied by the keep probability $1 - p = ${num(keep)}$` }, vectorOf(a.mul(keep)), 'test'),
      numberStep({ ko: `(2) 역 드롭아웃, 학습 때: $\\mathbf{a}\\odot\\mathbf{m} / (1 - p) = \\mathbf{a}\\odot\\mathbf{m} / ${num(keep)}$ (테스트 때는 그대로)`, en: `(2) Inverted dropout, training: $\\mathbf{a}\\odot\\mathbf{m} / (1 - p) = \\mathbf{a}\\odot\\mathbf{m} / ${num(keep)}$ (unchanged at test time)` }, vectorOf(kept.div(keep)), 'inverted'),
    ];
  },

  prompt: (given) =>
    paragraphs(
      {
        ko: `은닉층 출력 $\\mathbf{h} = ${rowVector(given.activations)}$에 드롭 확률 $p = ${num(given.p)}$인 드롭아웃을 적용합니다. 이번 학습 단계의 마스크는 $\\mathbf{m} = ${rowVector(given.mask)}$이며, $m_i = 1$이면 뉴런을 유지하고 $0$이면 제거합니다.`,
        en: `Dropout with drop probability $p = ${num(given.p)}$ is applied to the hidden outputs $\\mathbf{h} = ${rowVector(given.activations)}$. In this training step the mask is $\\mathbf{m} = ${rowVector(given.mask)}$: unit $i$ is kept if $m_i = 1$ and dropped if $m_i = 0$.`,
      },
      {
        ko: '(1) 강의의 드롭아웃: 학습 때는 $\\mathbf{h} \\odot \\mathbf{m}$ (스케일 없음), 테스트 때는 모든 뉴런을 쓰고 출력에 $(1 - p)$를 곱합니다.\n(2) 역 드롭아웃(라이브러리 방식): 학습 때 남은 값에 $1/(1 - p)$를 곱하고, 테스트 때는 그대로 둡니다.',
        en: "(1) The lecture's dropout: during training the output is $\\mathbf{h} \\odot \\mathbf{m}$ (no scaling); at test time every unit is used and the outputs are multiplied by $(1 - p)$.\n(2) Inverted dropout (what libraries do): during training the kept values are multiplied by $1/(1 - p)$; at test time nothing changes.",
      },
      {
        ko: '(1)의 학습 때 출력과 테스트 때 출력, (2)의 학습 때 출력을 구하세요.',
        en: 'Find the training output and the test output of (1), and the training output of (2).',
      },
      SIGNIFICANT_DIGITS,
    ),

  hints: () => [
    {
      ko: '마스크가 0인 자리는 학습 때 출력이 0입니다.',
      en: 'Wherever the mask is 0, the training output is 0.',
    },
    {
      ko: '두 방식 모두 학습 때와 테스트 때 출력의 기댓값이 같도록 스케일합니다: 유지 확률은 $1 - p$입니다.',
      en: 'Both variants scale so that the expected output is the same at training and test time; the keep probability is $1 - p$.',
    },
  ],
});
