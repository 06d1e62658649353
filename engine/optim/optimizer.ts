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
