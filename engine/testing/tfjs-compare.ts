import * as tf from '@tensorflow/tfjs';
import { Tensor, type DType } from '../tensor';
import { rng } from '../rng';

/**
 * Compare an engine computation with the same computation in TensorFlow.js (CPU backend):
 * forward values, and the gradient of Σ out ⊙ r (fixed random r) with respect to each input.
 * TF.js computes in float32, so tolerances are float32-sized.
 */
export interface TfInput {
  shape: number[];
  data: ArrayLike<number>;
  /** Defaults to true; false makes the input a constant (e.g. targets). */
  requiresGrad?: boolean;
}

export interface TfComparison {
  forwardError: number;
  gradErrors: number[];
  /** Largest magnitude seen, to judge errors relative to scale. */
  scale: number;
}

let isBackendReady = false;

export async function useTfCpu(): Promise<typeof tf> {
  if (!isBackendReady) {
    await tf.setBackend('cpu');
    await tf.ready();
    isBackendReady = true;
  }
  return tf;
}

export async function compareWithTf(
  inputs: readonly TfInput[],
  engineFn: (...xs: Tensor[]) => Tensor,
  tfFn: (...xs: tf.Tensor[]) => tf.Tensor,
  options: { dtype?: DType; seed?: number | string } = {},
): Promise<TfComparison> {
  await useTfCpu();
  const dtype = options.dtype ?? 'float32';
  const engineInputs = inputs.map((input) => {
    const t = new Tensor(dtype === 'float32' ? Float32Array.from(input.data) : Float64Array.from(input.data), input.shape);
    t.requiresGrad = input.requiresGrad ?? true;
    return t;
  });
  const out = engineFn(...engineInputs);
  const random = rng(options.seed ?? 'tfjs-compare');
  const weights = Array.from({ length: out.size }, () => random.uniform(-1, 1));
  if (out.requiresGrad) out.backward(new Tensor(Float64Array.from(weights), out.shape));

  const tfInputs = inputs.map((input) => tf.tensor(Array.from(input.data), input.shape, 'float32'));
  const tfOut = tfFn(...tfInputs);
  const tfOutValues = Array.from(tfOut.dataSync());
  if (tfOutValues.length !== out.size || tfOut.shape.join(',') !== out.shape.join(',')) {
    throw new Error(`shape mismatch: engine [${out.shape.join(', ')}], tfjs [${tfOut.shape.join(', ')}]`);
  }
  let scale = 0;
  let forwardError = 0;
  for (let i = 0; i < out.size; i++) {
    forwardError = Math.max(forwardError, Math.abs(out.data[i] - tfOutValues[i]));
    scale = Math.max(scale, Math.abs(tfOutValues[i]));
  }

  const gradIndices = inputs.map((input, i) => ((input.requiresGrad ?? true) ? i : -1)).filter((i) => i >= 0);
  const gradErrors = inputs.map(() => 0);
  if (gradIndices.length > 0) {
    const weightTensor = tf.tensor(weights, tfOut.shape, 'float32');
    const loss = (...xs: tf.Tensor[]): tf.Scalar => {
      const all = tfInputs.map((t, i) => {
        const at = gradIndices.indexOf(i);
        return at >= 0 ? xs[at] : t;
      });
      return tf.sum(tf.mul(tfFn(...all), weightTensor));
    };
    const grads = tf.grads(loss)(gradIndices.map((i) => tfInputs[i]));
    gradIndices.forEach((inputIndex, k) => {
      const expected = grads[k].dataSync();
      const actual = engineInputs[inputIndex].grad;
      let error = 0;
      for (let j = 0; j < expected.length; j++) {
        const value = actual ? actual.data[j] : 0;
        error = Math.max(error, Math.abs(value - expected[j]));
        scale = Math.max(scale, Math.abs(expected[j]));
      }
      gradErrors[inputIndex] = error;
    });
    tf.dispose([...grads, weightTensor]);
  }
  tf.dispose([...tfInputs, tfOut]);
  return { forwardError, gradErrors, scale };
}

/** Random input data in [low, high), reproducible. */
export function randomInput(shape: number[], seed: number | string, low = -1, high = 1, requiresGrad = true): TfInput {
  const random = rng(seed);
  const size = shape.reduce((p, d) => p * d, 1);
  const data = Array.from({ length: size }, () => random.uniform(low, high));
  return { shape, data, requiresGrad };
}

/** compareWithTf that throws unless forward and every gradient agree to `relativeTolerance` of the values' scale. */
export async function assertMatchesTf(
  inputs: readonly TfInput[],
  engineFn: (...xs: Tensor[]) => Tensor,
  tfFn: (...xs: tf.Tensor[]) => tf.Tensor,
  options: { dtype?: DType; seed?: number | string; relativeTolerance?: number } = {},
): Promise<TfComparison> {
  const result = await compareWithTf(inputs, engineFn, tfFn, options);
  const tolerance = (options.relativeTolerance ?? 1e-4) * Math.max(1, result.scale);
  const worst = Math.max(result.forwardError, ...result.gradErrors);
  if (!(worst <= tolerance)) {
    throw new Error(`engine and tfjs differ: forward error ${result.forwardError}, gradient errors [${result.gradErrors.join(', ')}], tolerance ${tolerance}`);
  }
  return result;
}
