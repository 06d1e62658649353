import { lstmCell, tensor } from '../../index';
import { numberField } from '../answer-fields';
import { defineExercise, type MistakeCandidate } from '../definition';
import { bmatrix, num, rowVector } from '../latex';
import { SIGNIFICANT_DIGITS, field, paragraphs, scalar } from '../prompt-parts';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { vectorOf } from '../tensor-values';
import { numberStep, term, roundForDisplay } from '../worked-steps';

// One hidden unit keeps the step computable by hand: every gate is a single number.
type Given = { x: number[]; h: number; c: number; Wx: number[][]; Wh: number[]; b: number[] };
type Expected = { f: number; i: number; g: number; o: number; c: number; h: number };

/** The four pre-activations [z_f, z_i, z_g, z_o] = x Wx + h Wh + b. */
const preactivation = (given: Given) => tensor([given.x]).matmul(tensor(given.Wx)).add(tensor([[given.h]]).matmul(tensor([given.Wh]))).add(tensor(given.b));

export const lstmStep = defineExercise<Given, Expected>({
  meta: {
    id: 'lstm-step',
    topic: 'lstm',
    unit: 'rnn-lstm',
    title: { ko: 'LSTM 셀 한 단계: 게이트와 상태', en: 'One LSTM step: gates and states' },
    difficulty: 3,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['used-preactivation', 'used-sigmoid-candidate', 'wrong-gate-order', 'forgot-forget-gate', 'forgot-tanh-cell'],
  },

  draw(random) {
    const value = () => random.nonZeroDecimal(-1, 1);
    return {
      x: random.vector(2, value),
      h: value(),
      c: random.nonZeroDecimal(-1.5, 1.5),
      Wx: random.matrix(2, 4, value),
      Wh: random.vector(4, value),
      b: random.vector(4, value),
    };
  },

  spec: () => ({
    kind: 'fields',
    fields: {
      f: field(scalar, '망각 게이트 f', 'forget gate f'),
      i: field(scalar, '입력 게이트 i', 'input gate i'),
      g: field(scalar, '후보 셀 상태 g', 'candidate cell state g'),
      o: field(scalar, '출력 게이트 o', 'output gate o'),
      c: field(scalar, '새 셀 상태 c_t', 'new cell state c_t'),
      h: field(scalar, '새 은닉 상태 h_t', 'new hidden state h_t'),
    },
  }),

  solve(given) {
    const { h, c, gates } = lstmCell(tensor([given.x]), tensor([[given.h]]), tensor([[given.c]]), {
      Wx: tensor(given.Wx),
      Wh: tensor([given.Wh]),
      b: tensor(given.b),
    });
    return { f: gates.f.item(), i: gates.i.item(), g: gates.g.item(), o: gates.o.item(), c: c.item(), h: h.item() };
  },

  // Pre-activations within ±3: no saturated gate, so each gate's value matters.
  isAcceptable: (given) => Array.from(preactivation(given).data).every((z) => Math.abs(z) <= 3),

  /** Error carried forward: c′ from the student's own gates, h′ from their own o and c′. */
  expectedFor(given, answer, expected) {
    const own = (name: keyof Expected) => tensor(numberField(answer, name));
    return {
      ...expected,
      c: own('f').mul(given.c).add(own('i').mul(own('g'))).item(),
      h: own('o').mul(own('c').tanh()).item(),
    };
  },

  mistakes(given, expected) {
    const z = preactivation(given);
    const [zf, zi, zg, zo] = Array.from(z.data);
    return [
      { id: 'used-preactivation', answer: { f: zf } },
      { id: 'used-preactivation', answer: { i: zi } },
      { id: 'used-preactivation', answer: { g: zg } },
      { id: 'used-preactivation', answer: { o: zo } },
      { id: 'used-sigmoid-candidate', answer: { g: tensor(zg).sigmoid().item() } },
      // Blocks read as i, f, g, o.
      { id: 'wrong-gate-order', answer: { f: tensor(zi).sigmoid().item(), i: tensor(zf).sigmoid().item() } },
      { id: 'forgot-forget-gate', answer: { c: tensor(given.c).add(tensor(expected.i).mul(expected.g)).item() } },
      { id: 'forgot-tanh-cell', answer: { h: tensor(expected.o).mul(expected.c).item() } },
    ] satisfies MistakeCandidate<Expected>[];
  },

  explain(given) {
    const z = tensor([given.x]).matmul(tensor(given.Wx)).add(tensor([given.Wh]).mul(given.h)).add(tensor(given.b));
    const [zf, zi, zg, zo] = vectorOf(z);
    const f = tensor(zf).sigmoid().item();
    const i = tensor(zi).sigmoid().item();
    const g = tensor(zg).tanh().item();
    const o = tensor(zo).sigmoid().item();
    const c = tensor(f).mul(given.c).add(tensor(i).mul(g)).item();
    return [
      numberStep({ ko: '사전 활성 $[z_f, z_i, z_g, z_o] = \\mathbf{x} W_x + h_{t-1} W_h + \\mathbf{b}$ (블록 순서 f, i, g, o)', en: 'Pre-activations $[z_f, z_i, z_g, z_o] = \\mathbf{x} W_x + h_{t-1} W_h + \\mathbf{b}$ (block order f, i, g, o)' }, vectorOf(z)),
      numberStep({ ko: `망각 게이트 $f = \\sigma(${roundForDisplay(zf)})$`, en: `Forget gate $f = \\sigma(${roundForDisplay(zf)})$` }, f, 'f'),
      numberStep({ ko: `입력 게이트 $i = \\sigma(${roundForDisplay(zi)})$`, en: `Input gate $i = \\sigma(${roundForDisplay(zi)})$` }, i, 'i'),
      numberStep({ ko: `후보 $g = \\tanh(${roundForDisplay(zg)})$`, en: `Candidate $g = \\tanh(${roundForDisplay(zg)})$` }, g, 'g'),
      numberStep({ ko: `출력 게이트 $o = \\sigma(${roundForDisplay(zo)})$`, en: `Output gate $o = \\sigma(${roundForDisplay(zo)})$` }, o, 'o'),
      numberStep({ ko: `$c_t = f\\,c_{t-1} + i\\,g = ${term(f)}\\cdot ${term(given.c)} + ${term(i)}\\cdot ${term(g)}$`, en: `$c_t = f\\,c_{t-1} + i\\,g = ${term(f)}\\cdot ${term(given.c)} + ${term(i)}\\cdot ${term(g)}$` }, c, 'c'),
      numberStep({ ko: `$h_t = o\\,\\tanh(c_t) = ${term(o)}\\cdot \\tanh(${term(c)})$`, en: `$h_t = o\\,\\tanh(c_t) = ${term(o)}\\cdot \\tanh(${term(c)})$` }, tensor(c).tanh().mul(o).item(), 'h'),
    ];
  },

  prompt(given) {
    const weights = `$$\\mathbf{x}_t = ${rowVector(given.x)}$$\n$$h_{t-1} = ${num(given.h)}$$\n$$c_{t-1} = ${num(given.c)}$$\n$$W_x = ${bmatrix(given.Wx)}$$\n$$W_h = ${rowVector(given.Wh)}$$\n$$\\mathbf{b} = ${rowVector(given.b)}$$`;
    return paragraphs(
      {
        ko: '은닉 유닛이 하나인 LSTM 셀이 $\\mathbf{z} = \\mathbf{x}_t W_x + h_{t-1} W_h + \\mathbf{b}$를 계산합니다. $\\mathbf{z}$의 네 칸은 차례로 $z_f, z_i, z_g, z_o$이고 $f = \\sigma(z_f)$, $i = \\sigma(z_i)$, $g = \\tanh(z_g)$, $o = \\sigma(z_o)$입니다.',
        en: 'An LSTM cell with one hidden unit computes $\\mathbf{z} = \\mathbf{x}_t W_x + h_{t-1} W_h + \\mathbf{b}$. The four entries of $\\mathbf{z}$ are, in order, $z_f, z_i, z_g, z_o$, and $f = \\sigma(z_f)$, $i = \\sigma(z_i)$, $g = \\tanh(z_g)$, $o = \\sigma(z_o)$.',
      },
      { ko: weights, en: weights },
      {
        ko: '네 게이트 값과 새 셀 상태 $c_t$, 새 은닉 상태 $h_t$를 구하세요.',
        en: 'Find the four gate values, the new cell state $c_t$ and the new hidden state $h_t$.',
      },
      SIGNIFICANT_DIGITS,
    );
  },

  hints: () => [
    {
      ko: '새 셀 상태는 이전 셀 상태 중 남길 부분과 새로 쓸 부분의 합입니다: $c_t = f\\,c_{t-1} + i\\,g$.',
      en: 'The new cell state adds what is kept of the old one and what is written: $c_t = f\\,c_{t-1} + i\\,g$.',
    },
    {
      ko: '새 은닉 상태는 $h_t = o\\,\\tanh(c_t)$입니다.',
      en: 'The new hidden state is $h_t = o\\,\\tanh(c_t)$.',
    },
  ],
});
