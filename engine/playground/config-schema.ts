import { z } from 'zod';
import { TRAINING_LIMITS } from './limits';

// One schema per model, discriminated by `model`: the shape of every knob and its range.
// Client-safe. The whole-model checks (parameter count, heads dividing dModel) live in
// training-config.ts, which builds on this file and count-parameters.ts — so this file imports
// neither, and config-schema → cnn-shapes → count-parameters → training-config has no cycle.

const ZSeed = z.int().min(0).max(2_147_483_647);
const ZEpochs = z.int().min(1).max(TRAINING_LIMITS.maxEpochs);
const ZSamples = (min: number) => z.int().min(min).max(TRAINING_LIMITS.maxSamples);
const ZNoise = z.number().min(0).max(0.5);
const ZValSplit = z.number().min(0.1).max(0.5);
const ZDropout = z.number().min(0).max(0.8);

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'] as const;
export const ZOptimizerName = z.enum(OPTIMIZERS);
export const ZActivation = z.enum(ACTIVATIONS);

const ZLr = z.number().min(1e-5).max(5);
const ZWeightDecay = z.number().min(0).max(0.1);

/**
 * Changes of one knob made while a run trained, `{ epoch, <knob>: value }`, each applied from the
 * start of its epoch on. Stored with the run so it replays exactly; at most maxLrChanges per knob,
 * epochs increasing (training-config.ts).
 */
function knobSchedule<S extends z.ZodRawShape>(value: S) {
  return z.array(z.object({ epoch: z.int().min(1).max(TRAINING_LIMITS.maxEpochs), ...value })).max(TRAINING_LIMITS.maxLrChanges);
}
export const ZLrSchedule = knobSchedule({ lr: ZLr });
export const ZWeightDecaySchedule = knobSchedule({ weightDecay: ZWeightDecay });

/**
 * The knobs a student may change while a gradient-trained run trains, each with the configuration
 * key its changes are stored under. One table for the training loop, the worker's shared buffer,
 * the run command, the socket event and the PyTorch export.
 */
export const ADJUSTABLE_KNOB_NAMES = ['lr', 'weightDecay'] as const;
export type AdjustableKnob = (typeof ADJUSTABLE_KNOB_NAMES)[number];
export const ADJUSTABLE_KNOBS = { lr: 'lrSchedule', weightDecay: 'weightDecaySchedule' } as const satisfies Record<AdjustableKnob, string>;
/** Each adjustable knob's range, shared by the socket event and the form. */
export const ZAdjustableKnobValue = { lr: ZLr, weightDecay: ZWeightDecay } as const satisfies Record<AdjustableKnob, z.ZodNumber>;

/** Knobs every gradient-trained model shares. `patience` 0 turns early stopping off. */
const gradientKnobs = {
  optimizer: ZOptimizerName,
  lr: ZLr,
  lrSchedule: ZLrSchedule.optional(),
  batchSize: z.int().min(1).max(512),
  epochs: ZEpochs,
  weightDecay: ZWeightDecay,
  weightDecaySchedule: ZWeightDecaySchedule.optional(),
  patience: z.int().min(0).max(100),
  seed: ZSeed,
};

export const CLASSIC_TASKS = ['and', 'or', 'xor'] as const;
export const PLANE_TASKS = ['xor', 'circle', 'spirals', 'blobs'] as const;
/** The MLP also trains on the student's own points ('custom'); challenges keep to the generated tasks. */
export const MLP_TASKS = [...PLANE_TASKS, 'custom'] as const;

/** Your own data for the MLP: points inside the picture's square, at least `min` with 2 of each class. */
export const CUSTOM_POINTS = { min: 6, minPerClass: 2, max: 500, extent: 1.5 } as const;
const ZCoordinate = z.number().min(-CUSTOM_POINTS.extent).max(CUSTOM_POINTS.extent);
/** One point: [x, y, class 0 or 1]. */
export const ZPlanePoint = z.tuple([ZCoordinate, ZCoordinate, z.union([z.literal(0), z.literal(1)])]);
export type PlanePoint = z.infer<typeof ZPlanePoint>;
export const SEQUENCE_TASKS = ['first-symbol', 'last-symbol'] as const;
export const TRANSLATION_TASKS = ['reverse', 'sort'] as const;

const classicKnobs = {
  task: z.enum(CLASSIC_TASKS),
  lr: z.number().min(1e-4).max(5),
  epochs: ZEpochs,
  seed: ZSeed,
  /** 0: the four corners; > 0: 20 jittered copies of each corner (std = noise) to train on. */
  noise: ZNoise,
};

export const ZPerceptronConfig = z.object({ model: z.literal('perceptron'), ...classicKnobs });
export const ZDeltaRuleConfig = z.object({ model: z.literal('delta-rule'), ...classicKnobs });

export const ZMlpConfig = z.object({
  model: z.literal('mlp'),
  task: z.enum(MLP_TASKS),
  /** The points to train on when task is 'custom' (samples and noise are then not used). */
  points: z.array(ZPlanePoint).max(CUSTOM_POINTS.max).optional(),
  samples: ZSamples(40),
  noise: ZNoise,
  valSplit: ZValSplit,
  hidden: z.array(z.int().min(1).max(64)).max(TRAINING_LIMITS.maxHiddenLayers),
  activation: ZActivation,
  dropout: ZDropout,
  ...gradientKnobs,
});

export const ZCnnConfig = z.object({
  model: z.literal('cnn'),
  task: z.literal('digits'),
  samples: ZSamples(100),
  noise: ZNoise,
  valSplit: ZValSplit,
  filters: z.int().min(1).max(8),
  kernel: z.union([z.literal(3), z.literal(5)]),
  /** A second convolution block; 0 leaves it out. */
  filters2: z.int().min(0).max(8),
  /** A dense hidden layer before the output; 0 leaves it out. */
  hidden: z.int().min(0).max(64),
  activation: ZActivation,
  dropout: ZDropout,
  ...gradientKnobs,
});

const recurrentKnobs = {
  task: z.enum(SEQUENCE_TASKS),
  samples: ZSamples(100),
  valSplit: ZValSplit,
  seqLength: z.int().min(2).max(40),
  symbols: z.int().min(2).max(6),
  hiddenSize: z.int().min(1).max(64),
  ...gradientKnobs,
};

export const ZRnnConfig = z.object({ model: z.literal('rnn'), ...recurrentKnobs });
export const ZLstmConfig = z.object({ model: z.literal('lstm'), ...recurrentKnobs });

export const ZTransformerConfig = z.object({
  model: z.literal('transformer'),
  task: z.enum(TRANSLATION_TASKS),
  samples: ZSamples(100),
  valSplit: ZValSplit,
  seqLength: z.int().min(3).max(10),
  vocab: z.int().min(3).max(16),
  dModel: z.int().min(4).max(64),
  heads: z.int().min(1).max(4),
  layers: z.int().min(1).max(3),
  dFF: z.int().min(4).max(128),
  dropout: ZDropout,
  ...gradientKnobs,
});

/** The shape of a configuration, each knob within its own range. */
export const ZConfigShape = z.discriminatedUnion('model', [
  ZPerceptronConfig,
  ZDeltaRuleConfig,
  ZMlpConfig,
  ZCnnConfig,
  ZRnnConfig,
  ZLstmConfig,
  ZTransformerConfig,
]);

/** A stored configuration: its shape, without today's limits (they may have changed since it ran). */
export const ZStoredTrainingConfig = ZConfigShape;

export type TTrainingConfig = z.infer<typeof ZConfigShape>;
export type TPerceptronConfig = z.infer<typeof ZPerceptronConfig>;
export type TDeltaRuleConfig = z.infer<typeof ZDeltaRuleConfig>;
export type TClassicConfig = TPerceptronConfig | TDeltaRuleConfig;
export type TMlpConfig = z.infer<typeof ZMlpConfig>;
export type TCnnConfig = z.infer<typeof ZCnnConfig>;
export type TRnnConfig = z.infer<typeof ZRnnConfig>;
export type TLstmConfig = z.infer<typeof ZLstmConfig>;
export type TRecurrentConfig = TRnnConfig | TLstmConfig;
export type TTransformerConfig = z.infer<typeof ZTransformerConfig>;
export type ModelKind = TTrainingConfig['model'];
export type GradientConfig = TMlpConfig | TCnnConfig | TRecurrentConfig | TTransformerConfig;

export const MODEL_KINDS = ['perceptron', 'delta-rule', 'mlp', 'cnn', 'rnn', 'lstm', 'transformer'] as const satisfies readonly ModelKind[];
