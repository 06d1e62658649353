import { z } from 'zod';
import { CUSTOM_POINTS, ZConfigShape, type ModelKind } from './config-schema';
import { countParameters } from './count-parameters';
import { TRAINING_LIMITS } from './limits';

// What a person reads when a knob is out of range, in both languages, with the allowed range taken
// from the schema itself (so the form's hints, its errors and the server's refusal never disagree).
// Client-safe: the knob form and the socket handler both use it.

type Text = { ko: string; en: string };

export type KnobRange = { min: number; max: number; isInt: boolean };

export const KNOB_LABELS: Record<string, Text> = {
  rule: { ko: '학습 규칙', en: 'Learning rule' },
  cell: { ko: '순환 셀', en: 'Recurrent cell' },
  task: { ko: '과제', en: 'Task' },
  lr: { ko: '학습률', en: 'Learning rate' },
  epochs: { ko: '에포크', en: 'Epochs' },
  seed: { ko: '초기화 시드', en: 'Initialisation seed' },
  noise: { ko: '데이터 잡음', en: 'Data noise' },
  samples: { ko: '샘플 수', en: 'Samples' },
  valSplit: { ko: '검증 비율', en: 'Validation split' },
  hidden: { ko: '은닉층 유닛 (쉼표로 구분)', en: 'Hidden units per layer (comma-separated)' },
  activation: { ko: '활성화 함수', en: 'Activation' },
  dropout: { ko: '드롭아웃', en: 'Dropout' },
  optimizer: { ko: '옵티마이저', en: 'Optimizer' },
  batchSize: { ko: '배치 크기', en: 'Batch size' },
  weightDecay: { ko: '가중치 감쇠', en: 'Weight decay' },
  patience: { ko: '조기 종료 인내(0 = 끔)', en: 'Early-stopping patience (0 = off)' },
  filters: { ko: '1층 필터 수', en: 'Filters (layer 1)' },
  kernel: { ko: '커널 크기', en: 'Kernel size' },
  filters2: { ko: '2층 필터 수 (0 = 없음)', en: 'Filters (layer 2, 0 = none)' },
  hiddenDense: { ko: '완전연결 은닉 유닛 (0 = 없음)', en: 'Dense hidden units (0 = none)' },
  seqLength: { ko: '시퀀스 길이', en: 'Sequence length' },
  symbols: { ko: '기호 수', en: 'Symbols' },
  hiddenSize: { ko: '은닉 상태 크기', en: 'Hidden size' },
  vocab: { ko: '어휘 크기', en: 'Vocabulary' },
  dModel: { ko: 'd_model', en: 'd_model' },
  heads: { ko: '헤드 수', en: 'Heads' },
  layers: { ko: '층 수', en: 'Layers' },
  dFF: { ko: '피드포워드 크기', en: 'Feed-forward size' },
  points: { ko: '내 데이터', en: 'Your points' },
  lrSchedule: { ko: '학습 중 바꾼 학습률', en: 'Learning-rate changes' },
  weightDecaySchedule: { ko: '학습 중 바꾼 가중치 감쇠', en: 'Weight-decay changes' },
};

/** Names of the models, tasks and option values, as the playground and live prediction rounds show them. */
export const MODEL_NAMES: Record<ModelKind, Text> = {
  perceptron: { ko: '퍼셉트론', en: 'Perceptron' },
  'delta-rule': { ko: '델타 규칙', en: 'Delta rule' },
  mlp: { ko: '다층 퍼셉트론(MLP)', en: 'MLP' },
  cnn: { ko: '합성곱 신경망(CNN)', en: 'CNN' },
  rnn: { ko: 'RNN', en: 'RNN' },
  lstm: { ko: 'LSTM', en: 'LSTM' },
  transformer: { ko: '트랜스포머', en: 'Transformer' },
};

export const TASK_NAMES: Record<string, Text> = {
  and: { ko: 'AND', en: 'AND' },
  or: { ko: 'OR', en: 'OR' },
  xor: { ko: 'XOR', en: 'XOR' },
  circle: { ko: '원', en: 'Circle' },
  spirals: { ko: '두 나선', en: 'Two spirals' },
  blobs: { ko: '가우시안 덩어리', en: 'Gaussian blobs' },
  custom: { ko: '내 데이터', en: 'Your own data' },
  digits: { ko: '숫자 이미지 (12×12)', en: 'Digit images (12×12)' },
  'first-symbol': { ko: '첫 기호 기억하기', en: 'Remember the first symbol' },
  'last-symbol': { ko: '마지막 기호 (대조군)', en: 'Last symbol (control)' },
  reverse: { ko: '뒤집기', en: 'Reverse' },
  sort: { ko: '정렬', en: 'Sort' },
};

export const OPTION_NAMES: Record<string, Text> = {
  sgd: { ko: 'SGD', en: 'SGD' },
  momentum: { ko: 'SGD + 모멘텀 0.9', en: 'SGD + momentum 0.9' },
  adam: { ko: 'Adam', en: 'Adam' },
  relu: { ko: 'ReLU', en: 'ReLU' },
  tanh: { ko: 'tanh', en: 'tanh' },
  sigmoid: { ko: '시그모이드', en: 'sigmoid' },
};

const SCHEMAS = new Map<string, z.ZodObject>(ZConfigShape.options.map((schema) => [schema.shape.model.value, schema]));

function numberRange(field: unknown): KnobRange | null {
  if (!(field instanceof z.ZodNumber)) return null;
  return { min: field.minValue ?? -Infinity, max: field.maxValue ?? Infinity, isInt: Boolean(field.isInt) };
}

/** The allowed range of a number knob of a model, read from the schema; for `hidden`, the range of one layer. */
export function knobRange(model: ModelKind, knob: string): KnobRange | null {
  const field = SCHEMAS.get(model)?.shape[knob];
  if (field instanceof z.ZodArray) return numberRange(field.element);
  return numberRange(field);
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** "0.00001 – 5", the hint under a number knob. */
export function formatRange(range: KnobRange): string {
  return `${numberFormat.format(range.min)} – ${numberFormat.format(range.max)}`;
}

/** The hint under the hidden-layers knob. */
export function hiddenLayersHint(): Text {
  const range = knobRange('mlp', 'hidden');
  const span = range ? formatRange(range) : '';
  const layers = TRAINING_LIMITS.maxHiddenLayers;
  return { ko: `층마다 ${span}, 최대 ${layers}층 (비우면 선형 모델)`, en: `${span} per layer, up to ${layers} layers (empty: a linear model)` };
}

/**
 * One zod issue of a training configuration as a sentence a student reads, with the allowed range.
 * `input` is what was parsed: a half-filled form in the browser, anything at all on the server.
 */
export function describeKnobIssue(issue: z.core.$ZodIssue, input: unknown): Text {
  const knob = String(issue.path[0] ?? '');
  // The whole-model checks run only once every knob has its shape.
  const shaped = issue.code === 'custom' ? ZConfigShape.safeParse(input) : null;
  const config = shaped?.success ? shaped.data : null;
  if (knob === 'model' && config) {
    const params = countParameters(config).toLocaleString('en-US');
    const limit = TRAINING_LIMITS.maxParams.toLocaleString('en-US');
    return {
      ko: `파라미터가 ${params}개로 한도 ${limit}개를 넘습니다. 층이나 유닛을 줄이세요.`,
      en: `This model has ${params} parameters; the limit is ${limit}. Use fewer layers or units.`,
    };
  }
  if (knob === 'heads' && config?.model === 'transformer') {
    return {
      ko: `d_model(${config.dModel})이 헤드 수(${config.heads})로 나누어떨어져야 합니다.`,
      en: `d_model (${config.dModel}) must be divisible by the number of heads (${config.heads}).`,
    };
  }
  if (knob === 'points') return customPointsRule();
  const model = typeof input === 'object' && input !== null && 'model' in input ? (input as { model: unknown }).model : undefined;
  if (knob === 'hidden' && model === 'mlp') {
    const hint = hiddenLayersHint();
    return { ko: `쉼표로 구분한 정수를 입력하세요: ${hint.ko}`, en: `Enter whole numbers separated by commas: ${hint.en}` };
  }
  const range = typeof model === 'string' && SCHEMAS.has(model) ? knobRange(model as ModelKind, knob) : null;
  if (range) {
    const span = formatRange(range);
    return range.isInt
      ? { ko: `${span} 사이의 정수를 입력하세요.`, en: `Enter a whole number from ${span.replace(' – ', ' to ')}.` }
      : { ko: `${span} 사이의 값을 입력하세요.`, en: `Enter a number from ${span.replace(' – ', ' to ')}.` };
  }
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return { ko: '목록에서 하나를 고르세요.', en: 'Choose one of the options.' };
  return { ko: '올바르지 않은 값입니다.', en: 'This value is not valid.' };
}

/** The first problem of each knob, keyed by knob name ('model' for the whole-model checks). */
export function knobErrors(error: z.ZodError, input: unknown): Record<string, Text> {
  const errors: Record<string, Text> = {};
  // The whole-model checks (parameter count, heads) mean something only once every knob is in range.
  const hasShapeIssues = error.issues.some((issue) => issue.code !== 'custom');
  for (const issue of error.issues) {
    if (hasShapeIssues && issue.code === 'custom') continue;
    const knob = String(issue.path[0] ?? 'model');
    errors[knob] ??= describeKnobIssue(issue, input);
  }
  return errors;
}

/** The label of a knob as the form shows it (the CNN's `hidden` is its dense layer). */
export function knobLabel(model: ModelKind, knob: string): Text {
  return KNOB_LABELS[model === 'cnn' && knob === 'hidden' ? 'hiddenDense' : knob] ?? { ko: knob, en: knob };
}

/** What your own data must be, said the same way by the form's hint and its error. */
export function customPointsRule(): Text {
  const { min, minPerClass, max, extent } = CUSTOM_POINTS;
  return {
    ko: `점 ${min}–${max}개, 각 클래스에 ${minPerClass}개 이상, 좌표는 −${extent} … ${extent} 안이어야 합니다.`,
    en: `${min}–${max} points, at least ${minPerClass} of each class, coordinates within −${extent} … ${extent}.`,
  };
}

/** The knobs worth showing in a one-line description, in a fixed order; the rest are the playground's defaults. */
const DESCRIBED_KNOBS = ['task', 'hidden', 'activation', 'seqLength', 'hiddenSize', 'dModel', 'heads', 'layers', 'filters', 'optimizer', 'lr', 'batchSize', 'epochs', 'dropout', 'noise'] as const;

/**
 * One line describing a configuration in the reader's language, with the form's labels and names:
 * "MLP · Task Two spirals · Hidden units per layer 16, 16 · Activation sigmoid · Learning rate 3 …".
 */
export function describeConfig(config: { model: ModelKind } & Record<string, unknown>, locale: keyof Text): string {
  const parts = DESCRIBED_KNOBS.filter((knob) => config[knob] !== undefined).map((knob) => {
    // The form's hints in parentheses ("(comma-separated)") are for typing, not for reading.
    const label = knobLabel(config.model, knob)[locale].replace(/\s*\(.*\)$/, '');
    const value = config[knob];
    const shown = Array.isArray(value) ? value.join(', ') || '—' : typeof value === 'string' ? ((knob === 'task' ? TASK_NAMES : OPTION_NAMES)[value]?.[locale] ?? value) : String(value);
    return `${label} ${shown}`;
  });
  return [MODEL_NAMES[config.model][locale], ...parts].join(' · ');
}
