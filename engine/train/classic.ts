import { EngineError } from '../errors';

// The two single-neuron learning rules from the lecture, written as their own algorithms
// rather than as "gradient descent on some loss": Rosenblatt's rule is not a gradient method
// (the step function has no useful derivative), and seeing it stand alone is the point.
//
// Weight vectors carry the bias first: w = [w0, w1, …, wd] with a constant input x0 = 1,
// so s = w0 + w1·x1 + … + wd·xd.

export interface PerceptronOptions {
  /** Step size; Rosenblatt's original rule is lr = 1. */
  lr?: number;
  /** Maximum number of passes over the data. */
  epochs?: number;
  /** Initial weights [w0 (bias), w1, …, wd]; zeros by default so runs are reproducible. */
  w0?: readonly number[];
}

export interface PerceptronResult {
  /** Final weights [w0 (bias), w1, …, wd]. */
  weights: number[];
  /** A copy of the weights after every update (one entry per misclassified input seen). */
  history: number[][];
  /** Number of misclassified inputs met in each epoch; the run converged iff the last is 0. */
  mistakesPerEpoch: number[];
  /** True when an entire pass classified every input correctly. */
  converged: boolean;
  /** Number of epochs run (the clean pass that proves convergence included). */
  epochs: number;
}

export interface DeltaRuleOptions {
  lr: number;
  epochs: number;
  /** Initial weights [w0 (bias), w1, …, wd]; zeros by default. */
  w0?: readonly number[];
}

export interface DeltaRuleResult {
  /** Final weights [w0 (bias), w1, …, wd]. */
  weights: number[];
  /** A copy of the weights at the end of every epoch. */
  history: number[][];
  /** E = ½ Σ (t − s)² over the whole set, measured with the weights at the end of each epoch. */
  errors: number[];
}

/** s = w0 + Σ wᵢ xᵢ: the linear output both rules start from. */
export function linearOutput(weights: readonly number[], x: readonly number[]): number {
  let s = weights[0];
  for (let i = 0; i < x.length; i++) s += weights[i + 1] * x[i];
  return s;
}

/** The threshold unit of the lecture: +1 if s > 0, −1 otherwise (s = 0 counts as −1). */
export function perceptronOutput(weights: readonly number[], x: readonly number[]): 1 | -1 {
  return linearOutput(weights, x) > 0 ? 1 : -1;
}

/**
 * Rosenblatt's perceptron rule. Inputs are presented in order, epoch after epoch; on a
 * misclassified input the input (times lr) is added to the weights for a +1 label and
 * subtracted for a −1 label. Stops after the first epoch without a mistake.
 */
export function trainPerceptron(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: PerceptronOptions = {},
): PerceptronResult {
  const { lr = 1, epochs = 100 } = options;
  checkDataset('trainPerceptron', X, y);
  for (const label of y) {
    if (label !== 1 && label !== -1) throw new EngineError('trainPerceptron', `labels must be +1 or −1, got ${label}`);
  }
  const weights = initialWeights('trainPerceptron', X, options.w0);
  const history: number[][] = [];
  const mistakesPerEpoch: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    let mistakes = 0;
    for (let n = 0; n < X.length; n++) {
      if (perceptronOutput(weights, X[n]) === y[n]) continue;
      mistakes++;
      const step = lr * y[n];
      weights[0] += step; // x0 = 1
      for (let i = 0; i < X[n].length; i++) weights[i + 1] += step * X[n][i];
      history.push(weights.slice());
    }
    mistakesPerEpoch.push(mistakes);
    if (mistakes === 0) break;
  }
  return {
    weights,
    history,
    mistakesPerEpoch,
    converged: mistakesPerEpoch[mistakesPerEpoch.length - 1] === 0,
    epochs: mistakesPerEpoch.length,
  };
}

/**
 * Widrow–Hoff delta rule (LMS) on a linear unit: after each input, w ← w + lr (t − s) x with
 * x0 = 1. This is stochastic gradient descent on ½ (t − s)², written out by hand.
 */
export function trainDeltaRule(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: DeltaRuleOptions,
): DeltaRuleResult {
  const { lr, epochs } = options;
  checkDataset('trainDeltaRule', X, y);
  const weights = initialWeights('trainDeltaRule', X, options.w0);
  const history: number[][] = [];
  const errors: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let n = 0; n < X.length; n++) {
      const step = lr * (y[n] - linearOutput(weights, X[n]));
      weights[0] += step;
      for (let i = 0; i < X[n].length; i++) weights[i + 1] += step * X[n][i];
    }
    history.push(weights.slice());
    errors.push(sumSquaredError(weights, X, y));
  }
  return { weights, history, errors };
}

function sumSquaredError(weights: readonly number[], X: readonly (readonly number[])[], y: readonly number[]): number {
  let e = 0;
  for (let n = 0; n < X.length; n++) e += 0.5 * (y[n] - linearOutput(weights, X[n])) ** 2;
  return e;
}

function checkDataset(op: string, X: readonly (readonly number[])[], y: readonly number[]): void {
  if (X.length === 0) throw new EngineError(op, 'the training set is empty');
  if (X.length !== y.length) throw new EngineError(op, `${X.length} inputs but ${y.length} labels`);
  const d = X[0].length;
  for (const x of X) {
    if (x.length !== d) throw new EngineError(op, `inputs have different lengths (${d} and ${x.length})`);
  }
}

function initialWeights(op: string, X: readonly (readonly number[])[], w0: readonly number[] | undefined): number[] {
  const size = X[0].length + 1;
  if (w0 === undefined) return new Array<number>(size).fill(0);
  if (w0.length !== size) throw new EngineError(op, `w0 needs ${size} entries (bias first), got ${w0.length}`);
  return w0.slice();
}
