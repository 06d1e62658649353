import type { Tensor } from '../tensor';
import { Optimizer } from './optimizer';

export interface AdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  /** L2 penalty λ added to the gradient as λ w before the moments (torch.optim.Adam, not AdamW). */
  weightDecay?: number;
}

/**
 * Adam with bias correction, as torch.optim.Adam:
 *   g ← ∇ + λ w;  m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
 *   w ← w − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε).
 * Usage: `const opt = new Adam(model.parameters(), { lr: 1e-3 })`.
 */
export class Adam extends Optimizer {
  /** May be changed between steps (a learning-rate schedule). */
  lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  /** May be changed between steps (regularisation changed while training). */
  weightDecay: number;
  /** Steps taken per parameter (t in the bias correction); a parameter without a gradient skips a step, as in PyTorch. */
  private readonly steps: number[];
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params);
    this.lr = options.lr ?? 1e-3;
    this.betas = options.betas ?? [0.9, 0.999];
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0;
    this.m = this.params.map((p) => new Float64Array(p.size));
    this.v = this.params.map((p) => new Float64Array(p.size));
    this.steps = this.params.map(() => 0);
  }

  step(): void {
    const { lr, eps, weightDecay: wd } = this;
    const [beta1, beta2] = this.betas;
    this.params.forEach((p, k) => {
      const grad = p.grad?.data;
      if (!grad) return; // took no part in the loss
      const t = ++this.steps[k];
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      const w = p.data;
      const m = this.m[k];
      const v = this.v[k];
      for (let i = 0; i < w.length; i++) {
        const g = grad[i] + wd * w[i];
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        w[i] -= (lr * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + eps);
      }
    });
  }
}
