import type { Tensor } from '../tensor';

/**
 * What SGD and Adam share: the list of parameters they own and zeroGrad(). Updates write
 * into each parameter's data in place, outside the autograd graph, as torch.no_grad() would.
 */
export abstract class Optimizer {
  readonly params: readonly Tensor[];

  constructor(params: Iterable<Tensor>) {
    this.params = [...params];
  }

  abstract step(): void;

  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }
}

/** The gradient as a flat array, or null for a parameter that took no part in the loss. */
export function gradData(p: Tensor): ArrayLike<number> | null {
  return p.grad ? p.grad.data : null;
}
