import { EngineError } from '../errors';
import { allocate, defineOp, Tensor } from '../tensor';
import { formatShape, sameShape } from '../shape';
import type { Rng } from '../rng';

export interface DropoutOptions {
  training: boolean;
  /** Draws the mask when training and no `mask` is given. */
  rng?: Rng;
  /**
   * 'inverted' (default, what libraries do): training keeps a unit with probability 1 − p and
   * scales it by 1/(1 − p); at test time the layer is the identity.
   * 'scale-at-test' (the lecture's original formulation): training keeps units unscaled; at
   * test time every activation is multiplied by (1 − p).
   */
  mode?: 'inverted' | 'scale-at-test';
  /** A given keep-mask (1 = keep, 0 = drop), same shape as x, e.g. from an exercise. */
  mask?: Tensor | ArrayLike<number>;
}

/** Dropout with drop probability p ∈ [0, 1). Output = x ⊙ mask · scale; backward = g ⊙ mask · scale. */
export function dropout(x: Tensor, p: number, options: DropoutOptions): Tensor {
  if (!(p >= 0 && p < 1)) throw new EngineError('dropout', `drop probability must be in [0, 1), got ${p}`);
  const mode = options.mode ?? 'inverted';
  if (mode !== 'inverted' && mode !== 'scale-at-test') throw new EngineError('dropout', `unknown mode '${String(mode)}'`);
  if (!options.training) return mode === 'inverted' ? x : x.mul(1 - p);

  const mask = new Uint8Array(x.size);
  if (options.mask !== undefined) {
    const given = options.mask;
    if (given instanceof Tensor && !sameShape(given.shape, x.shape)) {
      throw new EngineError('dropout', `mask shape ${formatShape(given.shape)} does not match x shape ${formatShape(x.shape)}`);
    }
    const values = given instanceof Tensor ? given.data : given;
    if (values.length !== x.size) throw new EngineError('dropout', `mask has ${values.length} values, x of shape ${formatShape(x.shape)} has ${x.size}`);
    for (let i = 0; i < x.size; i++) {
      if (values[i] !== 0 && values[i] !== 1) throw new EngineError('dropout', `mask value ${values[i]} at flat index ${i} is not 0 or 1`);
      mask[i] = values[i];
    }
  } else {
    if (!options.rng) throw new EngineError('dropout', 'training mode needs an rng (or an explicit mask)');
    for (let i = 0; i < x.size; i++) mask[i] = options.rng.next() >= p ? 1 : 0;
  }
  const scale = mode === 'inverted' ? 1 / (1 - p) : 1;
  const out = allocate(x.dtype, x.size);
  for (let i = 0; i < x.size; i++) out[i] = mask[i] ? x.data[i] * scale : 0;
  return defineOp({
    name: 'dropout', inputs: [x], data: out, shape: x.shape,
    backward: (g) => {
      const gx = allocate(x.dtype, x.size);
      for (let i = 0; i < x.size; i++) gx[i] = mask[i] ? g[i] * scale : 0;
      return [gx];
    },
  });
}
