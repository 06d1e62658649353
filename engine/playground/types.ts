// Shapes shared by the worker, the server and the browser. Client-safe. Type aliases rather than
// interfaces, so they are assignable to Prisma's JSON input type when stored.

/** One epoch of the stored curve. `ms` is the training time since the run started. */
export type EpochMetric = {
  epoch: number;
  loss: number;
  valLoss: number;
  acc: number;
  valAcc: number;
  ms: number;
  /** The learning rate this epoch trained with (gradient-trained models). */
  lr?: number;
  /** The weight decay this epoch trained with (gradient-trained models). */
  weightDecay?: number;
};

/** Summary of one parameter tensor at a snapshot: how the weights move as training goes on. */
export type WeightStat = { name: string; size: number; mean: number; std: number; min: number; max: number };

/**
 * An MLP as TensorFlow Playground draws it: every layer's weights `[layer][in][out]` and biases,
 * and for every hidden neuron its activation over a thumbRes × thumbRes grid of the plane
 * (row 0 at yMax), the neuron's own little decision picture. Only for networks whose layers
 * have at most NETWORK_MAX_UNITS units, so a run's stored pictures stay small.
 */
export type NetworkPicture = {
  activation: 'relu' | 'tanh' | 'sigmoid';
  /** Widths from the 2 inputs to the 1 output. */
  sizes: number[];
  weights: number[][][];
  biases: number[][];
  thumbRes: number;
  /** [hidden layer][neuron] → thumbRes² activations, 2 decimals. */
  thumbs: number[][][];
};

/** Probability of class 1 on a res × res grid over `extent` (row 0 at yMax), for 2-D tasks. */
export type BoundarySnapshot = {
  kind: 'boundary';
  epoch: number;
  res: number;
  extent: [xMin: number, xMax: number, yMin: number, yMax: number];
  grid: number[];
  network?: NetworkPicture;
  weightStats?: WeightStat[];
};

/** First-layer filters and their feature maps on one validation image. */
export type CnnSnapshot = {
  kind: 'cnn';
  epoch: number;
  kernel: number;
  filters: number[][];
  imageSide: number;
  image: number[];
  label: number;
  predicted: number;
  mapSide: number;
  featureMaps: number[][];
  weightStats?: WeightStat[];
  /**
   * The trained parameters, one flat list per tensor in the model's `parameters()` order: only on
   * a run's last picture, for "draw a digit" (engine/playground/draw-digit.ts).
   */
  parameters?: number[][];
};

/** ‖∂loss/∂x_t‖ per time step on a validation batch: how much the first symbols still matter. */
export type SequenceSnapshot = {
  kind: 'sequence';
  epoch: number;
  gradNorms: number[];
  weightStats?: WeightStat[];
};

/** Attention weights [layer][head][query][key] on one validation sequence. */
export type AttentionSnapshot = {
  kind: 'attention';
  epoch: number;
  input: number[];
  target: number[];
  predicted: number[];
  weights: number[][][][];
  weightStats?: WeightStat[];
  /**
   * The trained parameters (stored-parameters.ts): only on a run's last picture, for "your own
   * sentence" (the server rebuilds the model from them: engine/playground/trained-transformer.ts).
   */
  parameters?: number[][];
};

export type TrainingSnapshot = BoundarySnapshot | CnnSnapshot | SequenceSnapshot | AttentionSnapshot;

/** Why a run ended. 'done': all epochs; 'early': patience ran out; 'user': stop button; 'time': wall-time limit. */
export type StopReason = 'done' | 'early' | 'user' | 'time';

/** A learning-rate change while training, applied from the start of `epoch` on. */
export type LrChange = { epoch: number; lr: number };
/** A weight-decay change while training, applied from the start of `epoch` on. */
export type WeightDecayChange = { epoch: number; weightDecay: number };
/** The changes of every adjustable knob, keyed as the configuration stores them (ADJUSTABLE_KNOBS). */
export type KnobSchedules = { lrSchedule: LrChange[]; weightDecaySchedule: WeightDecayChange[] };

export type TrainingOutcome = {
  stopReason: StopReason;
  metrics: EpochMetric[];
  finalValAcc: number;
  params: number;
  /** The latest picture. */
  snapshot: TrainingSnapshot | null;
  /** Every picture taken, in epoch order (at most MAX_FRAMES): the run's timeline. */
  frames: TrainingSnapshot[];
  /** Knob changes applied (the configuration's schedules, plus any made while it trained). */
  schedules: KnobSchedules;
  trainMs: number;
};

export type RunStatusName = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'STOPPED' | 'FAILED';

/** What the server streams to the owner of a run (socket event `training:progress`). */
export type RunProgress = {
  runId: string;
  status: RunStatusName;
  /** 1-based place in the queue while QUEUED. */
  position?: number;
  /** Epochs not sent before, in order. */
  metrics: EpochMetric[];
  /** The latest picture. */
  snapshot?: TrainingSnapshot;
  /** Pictures not sent before, in order (the timeline; a reconnect's watch gets them all). */
  frames?: TrainingSnapshot[];
  totalEpochs: number;
  stopReason?: StopReason;
  error?: string;
  finalValAcc?: number;
};
