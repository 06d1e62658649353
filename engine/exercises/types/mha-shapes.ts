import { nn, rng, zeros, type Tensor } from '../../index';
import { defineExercise, type MistakeCandidate } from '../definition';
import { num } from '../latex';
import { INTEGER_ANSWERS, field, paragraphs, scalar, shape } from '../prompt-parts';
import { EXACT_TOLERANCE } from '../tolerance';
import { numberStep, shapeStep } from '../worked-steps';

type Given = { batch: number; length: number; dModel: number; heads: number };
type Expected = { dk: number; queries: number[]; weights: number[]; output: number[]; params: number };

type Inspection = ReturnType<typeof buildAndInspect>;

/** solve() and mistakes() of one draw share one built layer. */
const inspections = new WeakMap<Given, Inspection>();

function inspect(given: Given): Inspection {
  let inspection = inspections.get(given);
  if (!inspection) {
    inspection = buildAndInspect(given);
    inspections.set(given, inspection);
  }
  return inspection;
}

/** Builds the engine's MultiHeadAttention and reads every shape and count off it. */
function buildAndInspect(given: Given) {
  const layer = new nn.MultiHeadAttention(given.dModel, given.heads, { rng: rng(0) });
  const x = zeros([given.batch, given.length, given.dModel]);
  const { output, weights } = layer.forward(x);
  // The per-head queries, split the way the layer splits them: [batch, heads, length, d_k].
  const queries = x.matmul(layer.Wq).reshape([given.batch, given.length, given.heads, -1]).transpose(0, 2, 1, 3);
  const params = layer.parameters();
  const count = (keep: (p: Tensor) => boolean) => params.filter(keep).reduce((n, p) => n + p.size, 0);
  return { layer, output, weights, queries, count };
}

export const mhaShapes = defineExercise<Given, Expected>({
  meta: {
    id: 'mha-shapes',
    topic: 'multi-head-attention',
    unit: 'attention',
    title: { ko: '멀티헤드 어텐션의 모양과 파라미터 수', en: 'Multi-head attention: shapes and parameter count' },
    difficulty: 2,
    tolerance: EXACT_TOLERANCE,
    mistakeIds: ['heads-not-split', 'forgot-bias', 'forgot-output-projection'],
  },

  draw(random) {
    // 5 · 5 · 10 · 6 = 1,500 variants, so a class of 200 can each have their own numbers.
    const heads = random.pick([2, 3, 4, 6, 8]);
    return { batch: random.int(2, 6), length: random.int(3, 12), dModel: heads * random.pick([2, 3, 4, 5, 6, 8]), heads };
  },

  spec: () => ({
    kind: 'fields',
    fields: {
      dk: field(scalar, '헤드당 차원 d_k', 'per-head size d_k'),
      queries: field(shape, '헤드로 나눈 쿼리의 모양', 'shape of the queries split into heads'),
      weights: field(shape, '어텐션 가중치의 모양', 'shape of the attention weights'),
      output: field(shape, '층 출력의 모양', 'shape of the layer output'),
      params: field(scalar, '학습 파라미터 수', 'number of trainable parameters'),
    },
  }),

  solve(given) {
    const { output, weights, queries, count } = inspect(given);
    return { dk: queries.shape[3], queries: [...queries.shape], weights: [...weights.shape], output: [...output.shape], params: count(() => true) };
  },

  mistakes(given) {
    const { layer, count } = inspect(given);
    return [
      { id: 'heads-not-split', answer: { dk: given.dModel } },
      { id: 'heads-not-split', answer: { queries: [given.batch, given.heads, given.length, given.dModel] } },
      // Only the 2-D projection matrices: the four biases left out.
      { id: 'forgot-bias', answer: { params: count((p) => p.ndim === 2) } },
      { id: 'forgot-output-projection', answer: { params: count((p) => p !== layer.Wo && p !== layer.bo) } },
    ] satisfies MistakeCandidate<Expected>[];
  },

  explain({ batch, length, dModel, heads }) {
    const dk = dModel / heads;
    return [
      numberStep({ ko: `$d_k = d_{\\text{model}} / h = ${dModel} / ${heads}$`, en: `$d_k = d_{\\text{model}} / h = ${dModel} / ${heads}$` }, dk, 'dk'),
      shapeStep({ ko: '쿼리를 헤드로 나눔: [배치, 헤드, 길이, $d_k$]', en: 'Queries split into heads: [batch, heads, length, $d_k$]' }, [batch, heads, length, dk], 'queries'),
      shapeStep({ ko: '헤드마다 위치×위치 가중치: [배치, 헤드, 길이, 길이]', en: 'One position × position weight matrix per head: [batch, heads, length, length]' }, [batch, heads, length, length], 'weights'),
      shapeStep({ ko: '헤드를 이어 붙이고 $W^O$로 투영: [배치, 길이, $d_{\\text{model}}$]', en: 'Heads concatenated and projected by $W^O$: [batch, length, $d_{\\text{model}}$]' }, [batch, length, dModel], 'output'),
      numberStep({ ko: `$W^Q, W^K, W^V, W^O$ 네 개, 각각 $d^2 + d$ (편향 포함): $4\\cdot(${dModel}^2 + ${dModel})$`, en: `Four projections $W^Q, W^K, W^V, W^O$, each $d^2 + d$ with its bias: $4\\cdot(${dModel}^2 + ${dModel})$` }, 4 * (dModel * dModel + dModel), 'params'),
    ];
  },

  prompt: (given) =>
    paragraphs(
      {
        ko: `멀티헤드 셀프 어텐션 층이 $d_{\\text{model}} = ${num(given.dModel)}$, 헤드 $h = ${num(given.heads)}$개를 씁니다. 투영 $W^Q, W^K, W^V, W^O$는 모두 $d_{\\text{model}} \\times d_{\\text{model}}$ 행렬이고 각각 편향이 있습니다. 입력은 길이 ${num(given.length)}인 시퀀스 ${num(given.batch)}개의 배치로, 모양이 [배치, 위치, $d_{\\text{model}}$]입니다.`,
        en: `A multi-head self-attention layer uses $d_{\\text{model}} = ${num(given.dModel)}$ and $h = ${num(given.heads)}$ heads. The projections $W^Q, W^K, W^V, W^O$ are all $d_{\\text{model}} \\times d_{\\text{model}}$ matrices, each with a bias. The input is a batch of ${num(given.batch)} sequences of length ${num(given.length)}, shaped [batch, positions, $d_{\\text{model}}$].`,
      },
      {
        ko: '헤드당 차원 $d_k$, 헤드로 나눈 쿼리의 모양 [배치, 헤드, 위치, 특징], 어텐션 가중치의 모양, 층 출력의 모양, 학습 파라미터 수를 구하세요.',
        en: 'Find the per-head size $d_k$, the shape of the queries split into heads as [batch, heads, positions, features], the shape of the attention weights, the shape of the layer output, and the number of trainable parameters.',
      },
      INTEGER_ANSWERS,
    ),

  hints: () => [
    {
      ko: '$d_{\\text{model}}$을 헤드 수로 나눠 각 헤드에 나눠 줍니다. 가중치는 헤드마다 (쿼리 위치 × 키 위치)입니다.',
      en: '$d_{\\text{model}}$ is divided among the heads. The weights are (query positions × key positions) for every head.',
    },
    {
      ko: '투영 행렬 네 개와 편향 네 개의 원소 수를 모두 더하세요.',
      en: 'Add up the entries of the four projection matrices and the four biases.',
    },
  ],
});
