import { EngineError } from '../errors';
import { allocate, defineOp, Tensor } from '../tensor';
import { formatShape } from '../shape';
import { pair } from './conv';

export interface Pool2dOptions {
  kernel: number | readonly [number, number];
  /** Defaults to the kernel size (non-overlapping windows, as in LeNet). */
  stride?: number | readonly [number, number];
}

interface PoolGeometry { N: number; C: number; H: number; W: number; kh: number; kw: number; sh: number; sw: number; oh: number; ow: number }

function poolGeometry(op: string, x: Tensor, options: Pool2dOptions): PoolGeometry {
  if (x.ndim !== 4) throw new EngineError(op, `expects x [N, C, H, W], got ${formatShape(x.shape)}`);
  const [N, C, H, W] = x.shape;
  const [kh, kw] = pair(op, 'kernel', options.kernel, 1);
  const [sh, sw] = pair(op, 'stride', options.stride ?? options.kernel, 1);
  if (kh > H || kw > W) throw new EngineError(op, `kernel ${kh}×${kw} is larger than the input ${formatShape(x.shape)}`);
  // Windows that would run past the edge are dropped (floor), as in PyTorch and TF 'valid'.
  return { N, C, H, W, kh, kw, sh, sw, oh: Math.floor((H - kh) / sh) + 1, ow: Math.floor((W - kw) / sw) + 1 };
}

/** Max over each kh×kw window; the gradient goes to the window's (first) maximum. */
export function maxPool2d(x: Tensor, options: Pool2dOptions): Tensor {
  const { N, C, H, W, kh, kw, sh, sw, oh, ow } = poolGeometry('maxPool2d', x, options);
  const src = x.data;
  const out = allocate(x.dtype, N * C * oh * ow);
  const argmax = new Int32Array(out.length);
  let o = 0;
  for (let plane = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, o++) {
        let best = base + oy * sh * W + ox * sw;
        for (let i = 0; i < kh; i++) {
          const row = base + (oy * sh + i) * W + ox * sw;
          for (let j = 0; j < kw; j++) if (src[row + j] > src[best]) best = row + j;
        }
        out[o] = src[best];
        argmax[o] = best;
      }
    }
  }
  return defineOp({
    name: 'maxPool2d', inputs: [x], data: out, shape: [N, C, oh, ow],
    backward: (g) => {
      const gx = allocate(x.dtype, x.size);
      for (let k = 0; k < argmax.length; k++) gx[argmax[k]] += g[k];
      return [gx];
    },
  });
}

/** Mean over each kh×kw window; the gradient is shared equally by the window. */
export function avgPool2d(x: Tensor, options: Pool2dOptions): Tensor {
  const { N, C, H, W, kh, kw, sh, sw, oh, ow } = poolGeometry('avgPool2d', x, options);
  const src = x.data;
  const scale = 1 / (kh * kw);
  const out = allocate(x.dtype, N * C * oh * ow);
  let o = 0;
  for (let plane = 0; plane < N * C; plane++) {
    const base = plane * H * W;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, o++) {
        let total = 0;
        for (let i = 0; i < kh; i++) {
          const row = base + (oy * sh + i) * W + ox * sw;
          for (let j = 0; j < kw; j++) total += src[row + j];
        }
        out[o] = total * scale;
      }
    }
  }
  return defineOp({
    name: 'avgPool2d', inputs: [x], data: out, shape: [N, C, oh, ow],
    backward: (g) => {
      const gx = allocate(x.dtype, x.size);
      let k = 0;
      for (let plane = 0; plane < N * C; plane++) {
        const base = plane * H * W;
        for (let oy = 0; oy < oh; oy++) {
          for (let ox = 0; ox < ow; ox++, k++) {
            const share = g[k] * scale;
            for (let i = 0; i < kh; i++) {
              const row = base + (oy * sh + i) * W + ox * sw;
              for (let j = 0; j < kw; j++) gx[row + j] += share;
            }
          }
        }
      }
      return [gx];
    },
  });
}
