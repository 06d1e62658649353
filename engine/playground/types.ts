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
};

/** Probability of class 1 on a res × res grid over `extent` (row 0 at yMax), for 2-D tasks. */
export type BoundarySnapshot = {
  kind: 'boundary';
  epoch: number;
  res: number;
  extent: [xMin: number, xMax: number, yMin: number, yMax: number];
  grid: number[];
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
};

/** ‖∂loss/∂x_t‖ per time step on a validation batch: how much the first symbols still matter. */
export type SequenceSnapshot = {
  kind: 'sequence';
  epoch: number;
  gradNorms: number[];
};

/** Attention weights [layer][head][query][key] on one validation sequence. */
export type AttentionSnapshot = {
  kind: 'attention';
  epoch: number;
  input: number[];
  target: number[];
  predicted: number[];
  weights: number[][][][];
};

export type TrainingSnapshot = BoundarySnapshot | CnnSnapshot | SequenceSnapshot | AttentionSnapshot;

/** Why a run ended. 'done': all epochs; 'early': patience ran out; 'user': stop button; 'time': wall-time limit. */
export type StopReason = 'done' | 'early' | 'user' | 'time';

export type TrainingOutcome = {
  stopReason: StopReason;
  metrics: EpochMetric[];
  finalValAcc: number;
  params: number;
  snapshot: TrainingSnapshot | null;
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
  snapshot?: TrainingSnapshot;
  totalEpochs: number;
  stopReason?: StopReason;
  error?: string;
  finalValAcc?: number;
};
