import { EngineError } from '../errors';
import { allocate, defineOp, resultDtype, Tensor, type FloatArray } from '../tensor';
import { formatShape } from '../shape';
import { gemmNN, gemmNT, gemmTN } from '../ops/gemm';
import { float32Kernels } from '../kernels/backend';
import type { WasmKernels } from '../kernels/wasm';

export interface Conv2dOptions {
  stride?: number | readonly [number, number];
  padding?: number | readonly [number, number];
}

export function pair(op: string, name: string, value: number | readonly [number, number], min: number): [number, number] {
  const [h, w] = typeof value === 'number' ? [value, value] : value;
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < min || w < min) {
    throw new EngineError(op, `${name} must be an integer ≥ ${min} or a pair of them, got ${JSON.stringify(value)}`);
  }
  return [h, w];
}

/**
 * 2-D convolution as deep-learning libraries define it (cross-correlation, no kernel flip).
 * x: [N, C, H, W], w: [O, C, kh, kw], b: [O]. Output [N, O, oh, ow] with
 * oh = ⌊(H + 2·ph − kh) / sh⌋ + 1.
 *
 * Lowered to one matrix product (im2col): every receptive field becomes a column of
 * `cols` [C·kh·kw, N·oh·ow], so out = W·cols, dW = dOut·colsᵀ, dcols = Wᵀ·dOut, and col2im
 * adds dcols back onto the input positions they were read from.
 */
export function conv2d(x: Tensor, w: Tensor, b?: Tensor | null, options: Conv2dOptions = {}): Tensor {
  const describe = () => `x ${formatShape(x.shape)}, w ${formatShape(w.shape)}${b ? `, b ${formatShape(b.shape)}` : ''}`;
  if (x.ndim !== 4 || w.ndim !== 4) throw new EngineError('conv2d', `expects x [N, C, H, W] and w [O, C, kh, kw], got ${describe()}`);
  const [N, C, H, W] = x.shape;
  const [O, wC, kh, kw] = w.shape;
  if (wC !== C) throw new EngineError('conv2d', `input has ${C} channels but the filters expect ${wC}: ${describe()}`);
  if (b && (b.ndim !== 1 || b.shape[0] !== O)) throw new EngineError('conv2d', `bias must have shape [${O}]: ${describe()}`);
  const [sh, sw] = pair('conv2d', 'stride', options.stride ?? 1, 1);
  const [ph, pw] = pair('conv2d', 'padding', options.padding ?? 0, 0);
  const oh = Math.floor((H + 2 * ph - kh) / sh) + 1;
  const ow = Math.floor((W + 2 * pw - kw) / sw) + 1;
  if (oh <= 0 || ow <= 0) throw new EngineError('conv2d', `kernel ${kh}×${kw} does not fit the padded input: ${describe()}`);

  const geometry: Im2colGeometry = { N, C, H, W, kh, kw, sh, sw, ph, pw, oh, ow };
  const dtype = b ? resultDtype(x, w, b) : resultDtype(x, w);
  if (dtype === 'float32' && x.dtype === 'float32' && w.dtype === 'float32') {
    const wasm = float32Kernels();
    if (wasm !== null) return conv2dWasm(wasm, x, w, b, geometry, O);
  }
  const L = oh * ow;
  const cols = im2col(x.data, geometry, dtype);
  const CKK = C * kh * kw;
  const out2 = allocate(dtype, O * N * L);
  gemmNN(w.data, 0, cols, 0, out2, 0, O, CKK, N * L);
  // [O, N·L] → [N, O, L], adding the bias on the way.
  const out = allocate(dtype, N * O * L);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      const bias = b ? b.data[o] : 0;
      const src = o * N * L + n * L;
      const dst = (n * O + o) * L;
      for (let l = 0; l < L; l++) out[dst + l] = out2[src + l] + bias;
    }
  }
  const inputs = b ? [x, w, b] : [x, w];
  return defineOp({
    name: 'conv2d', inputs, data: out, shape: [N, O, oh, ow],
    backward: (g, needsGrad) => {
      const g2 = allocate(dtype, O * N * L); // dOut as [O, N·L]
      for (let n = 0; n < N; n++) {
        for (let o = 0; o < O; o++) {
          const src = (n * O + o) * L;
          const dst = o * N * L + n * L;
          for (let l = 0; l < L; l++) g2[dst + l] = g[src + l];
        }
      }
      let gx: FloatArray | null = null;
      let gw: FloatArray | null = null;
      let gb: FloatArray | null = null;
      if (needsGrad[0]) {
        const gcols = allocate(dtype, CKK * N * L);
        gemmTN(w.data, 0, g2, 0, gcols, 0, CKK, O, N * L);
        gx = col2im(gcols, geometry, x.dtype);
      }
      if (needsGrad[1]) {
        gw = allocate(w.dtype, w.size);
        gemmNT(g2, 0, cols, 0, gw, 0, O, N * L, CKK);
      }
      if (b && needsGrad[2]) {
        gb = allocate(b.dtype, O);
        for (let o = 0; o < O; o++) {
          let total = 0;
          for (let i = o * N * L, end = i + N * L; i < end; i++) total += g2[i];
          gb[o] = total;
        }
      }
      return b ? [gx, gw, gb] : [gx, gw];
    },
  });
}

/**
 * The same convolution on the WebAssembly kernels (float32): im2col, one GEMM per image and
 * col2im run inside wasm memory (kernels/wasm.ts); the backward recomputes im2col instead of
 * keeping the columns between forward and backward.
 */
function conv2dWasm(wasm: WasmKernels, x: Tensor, w: Tensor, b: Tensor | null | undefined, geometry: Im2colGeometry, O: number): Tensor {
  const { N, oh, ow } = geometry;
  const L = oh * ow;
  const out = new Float32Array(N * O * L);
  wasm.conv2dForward(x.data as Float32Array, w.data as Float32Array, out, O, geometry);
  if (b) {
    for (let n = 0; n < N; n++) {
      for (let o = 0; o < O; o++) {
        const bias = b.data[o];
        for (let i = (n * O + o) * L, end = i + L; i < end; i++) out[i] += bias;
      }
    }
  }
  const inputs = b ? [x, w, b] : [x, w];
  return defineOp({
    name: 'conv2d', inputs, data: out, shape: [N, O, oh, ow],
    backward: (g, needsGrad) => {
      const gx = needsGrad[0] ? new Float32Array(x.size) : null;
      const gw = needsGrad[1] ? new Float32Array(w.size) : null;
      if (gx || gw) wasm.conv2dBackward(x.data as Float32Array, w.data as Float32Array, g instanceof Float32Array ? g : Float32Array.from(g), gx, gw, O, geometry);
      let gb: FloatArray | null = null;
      if (b && needsGrad[2]) {
        gb = allocate(b.dtype, O);
        for (let o = 0; o < O; o++) {
          let total = 0;
          for (let n = 0; n < N; n++) for (let i = (n * O + o) * L, end = i + L; i < end; i++) total += g[i];
          gb[o] = total;
        }
      }
      return b ? [gx, gw, gb] : [gx, gw];
    },
  });
}

interface Im2colGeometry {
  N: number; C: number; H: number; W: number;
  kh: number; kw: number; sh: number; sw: number; ph: number; pw: number;
  oh: number; ow: number;
}

/** cols[(c·kh + i)·kw + j, n·L + y·ow + x] = input[n, c, y·sh − ph + i, x·sw − pw + j] (0 outside). */
function im2col(x: FloatArray, geo: Im2colGeometry, dtype: 'float32' | 'float64'): FloatArray {
  const { N, C, H, W, kh, kw, sh, sw, ph, pw, oh, ow } = geo;
  const L = oh * ow;
  const NL = N * L;
  const cols = allocate(dtype, C * kh * kw * NL);
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const row = ((c * kh + i) * kw + j) * NL;
        for (let n = 0; n < N; n++) {
          const plane = (n * C + c) * H * W;
          const dstBase = row + n * L;
          for (let oy = 0; oy < oh; oy++) {
            const iy = oy * sh - ph + i;
            const dst = dstBase + oy * ow;
            if (iy < 0 || iy >= H) continue; // row stays zero
            const srcRow = plane + iy * W;
            for (let ox = 0; ox < ow; ox++) {
              const ix = ox * sw - pw + j;
              if (ix >= 0 && ix < W) cols[dst + ox] = x[srcRow + ix];
            }
          }
        }
      }
    }
  }
  return cols;
}

/** The adjoint of im2col: add every column entry back onto the input position it came from. */
function col2im(cols: FloatArray, geo: Im2colGeometry, dtype: 'float32' | 'float64'): FloatArray {
  const { N, C, H, W, kh, kw, sh, sw, ph, pw, oh, ow } = geo;
  const L = oh * ow;
  const NL = N * L;
  const dx = allocate(dtype, N * C * H * W);
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const row = ((c * kh + i) * kw + j) * NL;
        for (let n = 0; n < N; n++) {
          const plane = (n * C + c) * H * W;
          const srcBase = row + n * L;
          for (let oy = 0; oy < oh; oy++) {
            const iy = oy * sh - ph + i;
            if (iy < 0 || iy >= H) continue;
            const src = srcBase + oy * ow;
            const dstRow = plane + iy * W;
            for (let ox = 0; ox < ow; ox++) {
              const ix = ox * sw - pw + j;
              if (ix >= 0 && ix < W) dx[dstRow + ix] += cols[src + ox];
            }
          }
        }
      }
    }
  }
  return dx;
}
