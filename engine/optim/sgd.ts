import type { Tensor } from '../tensor';
import { Optimizer } from './optimizer';
import { EngineError } from '../errors';

export interface SGDOptions {
  lr: number;
  /** Heavy-ball momentum μ; 0 turns it off. */
  momentum?: number;
  /** PyTorch's dampening τ: the buffer update is b ← μ b + (1 − τ) g. */
  dampening?: number;
  /** L2 penalty λ, added to the gradient as λ w (PyTorch's weight_decay, not AdamW's). */
  weightDecay?: number;
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent with PyTorch's semantics (torch.optim.SGD):
 *   g ← ∇ + λ w;  b ← g on the first step, μ b + (1 − τ) g after;  w ← w − lr · (nesterov ? g + μ b : b).
 * Usage: `const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 })`.
 */
export class SGD extends Optimizer {
  /** May be changed between steps (a learning-rate schedule). */
  lr: number;
  readonly momentum: number;
  readonly dampening: number;
  /** May be changed between steps (regularisation changed while training). */
  weightDecay: number;
  readonly nesterov: boolean;
  private readonly buffers: (Float64Array | null)[];

  constructor(params: Iterable<Tensor>, options: SGDOptions) {
    super(params);
    this.lr = options.lr;
    this.momentum = options.momentum ?? 0;
    this.dampening = options.dampening ?? 0;
    this.weightDecay = options.weightDecay ?? 0;
    this.nesterov = options.nesterov ?? false;
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new EngineError('SGD', 'Nesterov momentum needs momentum > 0 and dampening = 0');
    }
    this.buffers = this.params.map(() => null);
  }

  step(): void {
    const { lr, momentum: mu, dampening, weightDecay: wd, nesterov } = this;
    this.params.forEach((p, k) => {
      const grad = p.grad?.data;
      if (!grad) return; // took no part in the loss
      const w = p.data;
      let buf = this.buffers[k];
      const isFirstStep = buf === null;
      if (mu !== 0 && buf === null) buf = this.buffers[k] = new Float64Array(w.length);
      for (let i = 0; i < w.length; i++) {
        let g = grad[i] + wd * w[i];
        if (buf) {
          buf[i] = isFirstStep ? g : mu * buf[i] + (1 - dampening) * g;
          g = nesterov ? g + mu * buf[i] : buf[i];
        }
        w[i] -= lr * g;
      }
    });
  }
}
