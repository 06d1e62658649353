// The playground's limits, in one place. Client-safe (no server imports): the knob form shows
// them next to the inputs and checks a configuration before it is sent.

export const TRAINING_LIMITS = {
  /** Trainable scalars in one model. */
  maxParams: 50_000,
  maxEpochs: 500,
  /** Training stops (status STOPPED, reason "time") once an epoch ends past this. */
  wallSeconds: 60,
  /** Extra time after the wall limit before the worker thread is terminated outright. */
  hardKillGraceSeconds: 10,
  /** Runs one user may have training at once; more wait in the queue. */
  maxRunningPerUser: 1,
  /** Runs one user may have waiting in the queue. */
  maxQueuedPerUser: 3,
  /** Runs waiting across all users in one server process. */
  maxQueueLength: 200,
  /** V8 old-generation heap of one worker thread (resourceLimits.maxOldGenerationSizeMb). */
  workerMemoryMb: 256,
  maxSamples: 2_000,
  /** Learning-rate changes while one run trains. */
  maxLrChanges: 20,
  /** Hidden layers of an MLP. */
  maxHiddenLayers: 4,
} as const;

export type TrainingLimits = typeof TRAINING_LIMITS;
