import { tensor, type Tensor } from '../../index';
import { numberField } from '../answer-fields';
import type { FieldSpec } from '../answer-spec';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num } from '../latex';
import { SIGNIFICANT_DIGITS, field, paragraphs, scalar } from '../prompt-parts';
import { DEFAULT_TOLERANCE } from '../tolerance';
import { numberStep, term } from '../worked-steps';

// The lecture's shopping example as a graph of add and multiply nodes:
//   appleCost = apples × applePrice, orangeCost = oranges × orangePrice,
//   subtotal = appleCost + orangeCost, total = subtotal × tax.

type Given = { apples: number; applePrice: number; oranges: number; orangePrice: number; tax: number; upstream: number };
type Input = 'apples' | 'applePrice' | 'oranges' | 'orangePrice' | 'tax';
type NodeId = 'appleCost' | 'orangeCost' | 'subtotal' | 'total';
type Value = Input | NodeId;
type GradientField = 'dApples' | 'dApplePrice' | 'dOranges' | 'dOrangePrice' | 'dTax' | 'dAppleCost' | 'dOrangeCost' | 'dSubtotal';
type Expected = Record<NodeId | GradientField, number>;

interface GraphNode {
  id: NodeId;
  op: 'add' | 'mul';
  inputs: readonly [Value, Value];
}

/** In topological order; every value feeds exactly one node, so each gradient has one source. */
const NODES: readonly GraphNode[] = [
  { id: 'appleCost', op: 'mul', inputs: ['apples', 'applePrice'] },
  { id: 'orangeCost', op: 'mul', inputs: ['oranges', 'orangePrice'] },
  { id: 'subtotal', op: 'add', inputs: ['appleCost', 'orangeCost'] },
  { id: 'total', op: 'mul', inputs: ['subtotal', 'tax'] },
];

/** The gradient field of each value that feeds a node (the total feeds none). */
const GRADIENT_OF: Record<Exclude<Value, 'total'>, GradientField> = {
  apples: 'dApples',
  applePrice: 'dApplePrice',
  oranges: 'dOranges',
  orangePrice: 'dOrangePrice',
  tax: 'dTax',
  appleCost: 'dAppleCost',
  orangeCost: 'dOrangeCost',
  subtotal: 'dSubtotal',
};
const INPUTS = ['apples', 'applePrice', 'oranges', 'orangePrice', 'tax'] as const;

const apply = (op: GraphNode['op'], a: Tensor, b: Tensor) => (op === 'add' ? a.add(b) : a.mul(b));

const isNode = (value: string): value is NodeId => NODES.some((node) => node.id === value);

/**
 * The gradients a node passes to its inputs, by running the node alone in the engine with the
 * given input values and upstream gradient.
 */
function localBackward(node: GraphNode, inputValues: readonly [number, number], upstream: number): [number, number] {
  const [a, b] = inputValues.map((v) => tensor(v, { requiresGrad: true }));
  apply(node.op, a, b).backward(tensor(upstream));
  return [a.grad!.item(), b.grad!.item()];
}

const LABELS: Record<NodeId | GradientField, [string, string]> = {
  appleCost: ['사과 금액 (apples × applePrice)', 'apple cost (apples × applePrice)'],
  orangeCost: ['귤 금액 (oranges × orangePrice)', 'orange cost (oranges × orangePrice)'],
  subtotal: ['합계 (appleCost + orangeCost)', 'subtotal (appleCost + orangeCost)'],
  total: ['지불 금액 (subtotal × tax)', 'total (subtotal × tax)'],
  dSubtotal: ['∂L/∂subtotal', '∂L/∂subtotal'],
  dTax: ['∂L/∂tax', '∂L/∂tax'],
  dAppleCost: ['∂L/∂appleCost', '∂L/∂appleCost'],
  dOrangeCost: ['∂L/∂orangeCost', '∂L/∂orangeCost'],
  dApples: ['∂L/∂apples', '∂L/∂apples'],
  dApplePrice: ['∂L/∂applePrice', '∂L/∂applePrice'],
  dOranges: ['∂L/∂oranges', '∂L/∂oranges'],
  dOrangePrice: ['∂L/∂orangePrice', '∂L/∂orangePrice'],
};

/** Forward nodes first, then gradients from the output back to the inputs: the order students work in. */
const FIELD_ORDER: readonly (NodeId | GradientField)[] = [
  'appleCost', 'orangeCost', 'subtotal', 'total',
  'dSubtotal', 'dTax', 'dAppleCost', 'dOrangeCost', 'dApples', 'dApplePrice', 'dOranges', 'dOrangePrice',
];

/** Builds an Expected from one number per field. */
function assemble(valueOf: (field: NodeId | GradientField) => number): Expected {
  const expected: Expected = { appleCost: 0, orangeCost: 0, subtotal: 0, total: 0, dSubtotal: 0, dTax: 0, dAppleCost: 0, dOrangeCost: 0, dApples: 0, dApplePrice: 0, dOranges: 0, dOrangePrice: 0 };
  for (const name of FIELD_ORDER) expected[name] = valueOf(name);
  return expected;
}

export const compGraph = defineExercise<Given, Expected>({
  meta: {
    id: 'comp-graph',
    topic: 'computational-graph',
    unit: 'backprop',
    title: { ko: '계산 그래프의 순전파와 역전파', en: 'Forward and backward on a computational graph' },
    difficulty: 2,
    tolerance: DEFAULT_TOLERANCE,
    mistakeIds: ['swapped-mul-grads', 'split-add-gradient', 'forgot-upstream-gradient'],
  },

  draw: (random) => ({
    apples: random.int(2, 9),
    applePrice: random.int(5, 50) * 10,
    oranges: random.int(2, 9),
    orangePrice: random.int(5, 50) * 10,
    tax: random.pick([1.05, 1.08, 1.1, 1.15, 1.2]),
    upstream: random.pick([1, 1, 2, 0.5, 1.5]),
  }),

  spec: () => ({
    kind: 'fields',
    fields: Object.fromEntries(FIELD_ORDER.map((name): [string, FieldSpec] => [name, field(scalar, ...LABELS[name])])),
  }),

  /** One autograd pass through the whole graph. */
  solve(given) {
    const values = new Map<Value, Tensor>();
    for (const input of INPUTS) values.set(input, tensor(given[input], { requiresGrad: true }));
    for (const node of NODES) values.set(node.id, apply(node.op, values.get(node.inputs[0])!, values.get(node.inputs[1])!).retainGrad());
    values.get('total')!.backward(tensor(given.upstream));
    const gradients = new Map<string, number>();
    for (const [id, t] of values) if (id !== 'total') gradients.set(GRADIENT_OF[id], t.grad!.item());
    return assemble((name) => (isNode(name) ? values.get(name)!.item() : gradients.get(name)!));
  },

  /**
   * Error carried forward: every node is checked against the student's own upstream values
   * (forward: their inputs; backward: their gradient arriving at the node and their forward
   * values), so one slip is marked once.
   */
  expectedFor(given, answer) {
    const own = (name: NodeId | GradientField) => numberField(answer, name);
    const valueOf = (value: Value) => (isNode(value) ? own(value) : given[value]);
    const expected = new Map<NodeId | GradientField, number>();
    for (const node of NODES) {
      const [a, b] = node.inputs.map((input) => tensor(valueOf(input)));
      expected.set(node.id, apply(node.op, a, b).item());
      const upstream = node.id === 'total' ? given.upstream : own(GRADIENT_OF[node.id]);
      const grads = localBackward(node, [valueOf(node.inputs[0]), valueOf(node.inputs[1])], upstream);
      node.inputs.forEach((input, i) => {
        if (input !== 'total') expected.set(GRADIENT_OF[input], grads[i]);
      });
    }
    return assemble((name) => expected.get(name)!);
  },

  mistakes(given, expected) {
    const candidates: MistakeCandidate<Expected>[] = [];
    for (const node of NODES.filter((n) => n.op === 'mul')) {
      const upstream = node.id === 'total' ? given.upstream : expected[GRADIENT_OF[node.id]];
      // Each input receives upstream × itself instead of upstream × the other input.
      const answer: Partial<Expected> = {};
      for (const input of node.inputs) {
        if (input !== 'total') answer[GRADIENT_OF[input]] = tensor(upstream).mul(isNode(input) ? expected[input] : given[input]).item();
      }
      candidates.push({ id: 'swapped-mul-grads', answer });
    }
    const halved = tensor(expected.dSubtotal).div(2).item();
    candidates.push({ id: 'split-add-gradient', answer: { dAppleCost: halved, dOrangeCost: halved } });
    if (given.upstream !== 1) {
      const [dSubtotal, dTax] = localBackward(NODES[3], [expected.subtotal, given.tax], 1);
      candidates.push({ id: 'forgot-upstream-gradient', answer: { dSubtotal, dTax } });
    }
    return candidates;
  },

  /** Forward node by node, then the chain rule from the total back to each input, one local derivative at a time. */
  explain(given) {
    const mul = (a: number, b: number) => tensor(a).mul(b).item();
    const appleCost = mul(given.apples, given.applePrice);
    const orangeCost = mul(given.oranges, given.orangePrice);
    const subtotal = tensor(appleCost).add(orangeCost).item();
    const total = mul(subtotal, given.tax);
    const dSubtotal = mul(given.upstream, given.tax);
    const dTax = mul(given.upstream, subtotal);
    const same = (ko: string, en: string) => ({ ko, en });
    return [
      numberStep(same(`$\\text{appleCost} = \\text{apples}\\times\\text{applePrice} = ${num(given.apples)}\\times ${num(given.applePrice)}$`, `$\\text{appleCost} = \\text{apples}\\times\\text{applePrice} = ${num(given.apples)}\\times ${num(given.applePrice)}$`), appleCost, 'appleCost'),
      numberStep(same(`$\\text{orangeCost} = ${num(given.oranges)}\\times ${num(given.orangePrice)}$`, `$\\text{orangeCost} = ${num(given.oranges)}\\times ${num(given.orangePrice)}$`), orangeCost, 'orangeCost'),
      numberStep(same(`$\\text{subtotal} = ${term(appleCost)} + ${term(orangeCost)}$`, `$\\text{subtotal} = ${term(appleCost)} + ${term(orangeCost)}$`), subtotal, 'subtotal'),
      numberStep(same(`$\\text{total} = ${term(subtotal)}\\times ${num(given.tax)}$`, `$\\text{total} = ${term(subtotal)}\\times ${num(given.tax)}$`), total, 'total'),
      numberStep({ ko: `역전파 시작: $\\partial L/\\partial\\text{total} = ${num(given.upstream)}$. 곱셈 노드는 상류 기울기에 *다른* 입력을 곱해 보냅니다: $\\partial L/\\partial\\text{subtotal} = ${num(given.upstream)}\\times ${num(given.tax)}$`, en: `Backward starts with $\\partial L/\\partial\\text{total} = ${num(given.upstream)}$. A multiply node sends the upstream gradient times the *other* input: $\\partial L/\\partial\\text{subtotal} = ${num(given.upstream)}\\times ${num(given.tax)}$` }, dSubtotal, 'dSubtotal'),
      numberStep(same(`$\\partial L/\\partial\\text{tax} = ${num(given.upstream)}\\times ${term(subtotal)}$`, `$\\partial L/\\partial\\text{tax} = ${num(given.upstream)}\\times ${term(subtotal)}$`), dTax, 'dTax'),
      numberStep({ ko: '덧셈 노드는 상류 기울기를 그대로 두 입력에 보냅니다: $\\partial L/\\partial\\text{appleCost} = \\partial L/\\partial\\text{subtotal}$', en: 'An add node passes the upstream gradient unchanged to both inputs: $\\partial L/\\partial\\text{appleCost} = \\partial L/\\partial\\text{subtotal}$' }, dSubtotal, 'dAppleCost'),
      numberStep(same('$\\partial L/\\partial\\text{orangeCost} = \\partial L/\\partial\\text{subtotal}$', '$\\partial L/\\partial\\text{orangeCost} = \\partial L/\\partial\\text{subtotal}$'), dSubtotal, 'dOrangeCost'),
      numberStep(same(`$\\partial L/\\partial\\text{apples} = ${term(dSubtotal)}\\times ${num(given.applePrice)}$`, `$\\partial L/\\partial\\text{apples} = ${term(dSubtotal)}\\times ${num(given.applePrice)}$`), mul(dSubtotal, given.applePrice), 'dApples'),
      numberStep(same(`$\\partial L/\\partial\\text{applePrice} = ${term(dSubtotal)}\\times ${num(given.apples)}$`, `$\\partial L/\\partial\\text{applePrice} = ${term(dSubtotal)}\\times ${num(given.apples)}$`), mul(dSubtotal, given.apples), 'dApplePrice'),
      numberStep(same(`$\\partial L/\\partial\\text{oranges} = ${term(dSubtotal)}\\times ${num(given.orangePrice)}$`, `$\\partial L/\\partial\\text{oranges} = ${term(dSubtotal)}\\times ${num(given.orangePrice)}$`), mul(dSubtotal, given.orangePrice), 'dOranges'),
      numberStep(same(`$\\partial L/\\partial\\text{orangePrice} = ${term(dSubtotal)}\\times ${num(given.oranges)}$`, `$\\partial L/\\partial\\text{orangePrice} = ${term(dSubtotal)}\\times ${num(given.oranges)}$`), mul(dSubtotal, given.oranges), 'dOrangePrice'),
    ];
  },

  prompt: (given) =>
    paragraphs(
      {
        ko: `현빈 군이 1개에 ${num(given.applePrice)}원인 사과를 ${num(given.apples)}개, 1개에 ${num(given.orangePrice)}원인 귤을 ${num(given.oranges)}개 샀습니다. 소비세를 포함한 지불 금액은 (합계) × $\\text{tax}$이고, $\\text{tax} = ${num(given.tax)}$입니다. 계산 그래프는 다음과 같습니다.`,
        en: `Hyunbin buys ${num(given.apples)} apples at ${num(given.applePrice)} won each and ${num(given.oranges)} oranges at ${num(given.orangePrice)} won each. Consumption tax multiplies the amount by $\\text{tax} = ${num(given.tax)}$. The computational graph is:`,
      },
      {
        ko: '$$\\text{appleCost} = \\text{apples}\\times\\text{applePrice}$$\n$$\\text{orangeCost} = \\text{oranges}\\times\\text{orangePrice}$$\n$$\\text{subtotal} = \\text{appleCost} + \\text{orangeCost}$$\n$$\\text{total} = \\text{subtotal}\\times\\text{tax}$$',
        en: '$$\\text{appleCost} = \\text{apples}\\times\\text{applePrice}$$\n$$\\text{orangeCost} = \\text{oranges}\\times\\text{orangePrice}$$\n$$\\text{subtotal} = \\text{appleCost} + \\text{orangeCost}$$\n$$\\text{total} = \\text{subtotal}\\times\\text{tax}$$',
      },
      {
        ko: `역전파는 출력에서 $\\dfrac{\\partial L}{\\partial\\,\\text{total}} = ${num(given.upstream)}$로 시작합니다. 모든 노드의 순전파 값과, 모든 노드·입력에서의 기울기 $\\dfrac{\\partial L}{\\partial(\\cdot)}$를 구하세요.`,
        en: `Backpropagation starts from $\\dfrac{\\partial L}{\\partial\\,\\text{total}} = ${num(given.upstream)}$. Find the forward value of every node and the gradient $\\dfrac{\\partial L}{\\partial(\\cdot)}$ at every node and input.`,
      },
      SIGNIFICANT_DIGITS,
    ),

  hints: () => [
    {
      ko: '덧셈 노드는 상류 기울기를 양쪽에 그대로 전달합니다.',
      en: 'An add node passes the upstream gradient unchanged to both inputs.',
    },
    {
      ko: '곱셈 노드 $z = xy$는 $x$쪽에 (상류 기울기)$\\times y$를, $y$쪽에 (상류 기울기)$\\times x$를 전달합니다.',
      en: 'A multiply node $z = xy$ sends (upstream gradient)$\\times y$ to $x$ and (upstream gradient)$\\times x$ to $y$.',
    },
  ],
});
