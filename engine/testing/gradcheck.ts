import { noGrad, Tensor } from '../tensor';
import { rng } from '../rng';

/**
 * Finite-difference gradient check, the reference every op's backward is tested against.
 * The output is projected to a scalar with fixed random weights r (loss = Σ out ⊙ r), so every
 * output element's gradient path is exercised, not just their sum. Each input element that
 * requires grad is nudged by ±eps (central difference) in place and restored.
 * Use float64 inputs: float32 cannot resolve the differences.
 */
export interface GradcheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
  seed?: number | string;
}

export interface GradcheckMismatch {
  input: number;
  index: number;
  analytic: number;
  numeric: number;
}

export interface GradcheckReport {
  ok: boolean;
  checked: number;
  maxAbsError: number;
  mismatches: GradcheckMismatch[];
}

export function gradcheck(fn: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], options: GradcheckOptions = {}): GradcheckReport {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-6;
  const rtol = options.rtol ?? 1e-5;
  for (const input of inputs) {
    if (input.requiresGrad && input.dtype !== 'float64') throw new Error('gradcheck: use float64 inputs');
  }
  const probe = noGrad(() => fn(...inputs));
  const random = rng(options.seed ?? 'gradcheck');
  const weights = new Float64Array(probe.size);
  for (let i = 0; i < weights.length; i++) weights[i] = random.uniform(-1, 1);
  const project = (out: Tensor): number => {
    let total = 0;
    for (let i = 0; i < out.size; i++) total += out.data[i] * weights[i];
    return total;
  };

  for (const input of inputs) input.zeroGrad();
  const out = fn(...inputs);
  out.backward(new Tensor(weights.slice(), out.shape));

  const mismatches: GradcheckMismatch[] = [];
  let maxAbsError = 0;
  let checked = 0;
  inputs.forEach((input, inputIndex) => {
    if (!input.requiresGrad) return;
    const data = input.data;
    for (let i = 0; i < data.length; i++) {
      const original = data[i];
      data[i] = original + eps;
      const plus = noGrad(() => project(fn(...inputs)));
      data[i] = original - eps;
      const minus = noGrad(() => project(fn(...inputs)));
      data[i] = original;
      const numeric = (plus - minus) / (2 * eps);
      const analytic = input.grad ? input.grad.data[i] : 0;
      const error = Math.abs(analytic - numeric);
      maxAbsError = Math.max(maxAbsError, error);
      checked++;
      if (!(error <= atol + rtol * Math.abs(numeric))) mismatches.push({ input: inputIndex, index: i, analytic, numeric });
    }
  });
  return { ok: mismatches.length === 0, checked, maxAbsError, mismatches };
}

/** gradcheck that throws a readable error listing the first mismatches. */
export function assertGradcheck(fn: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], options: GradcheckOptions = {}): GradcheckReport {
  const report = gradcheck(fn, inputs, options);
  if (!report.ok) {
    const lines = report.mismatches.slice(0, 5).map((m) => `input ${m.input}[${m.index}]: analytic ${m.analytic}, numeric ${m.numeric}`);
    throw new Error(`gradcheck failed on ${report.mismatches.length} of ${report.checked} elements:\n${lines.join('\n')}`);
  }
  if (report.checked === 0) throw new Error('gradcheck checked nothing: no input has requiresGrad');
  return report;
}
