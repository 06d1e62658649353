import { allocate, defineOp, resultDtype, Tensor, type DType, type FloatArray } from '../tensor-core';
import { broadcastPlan, broadcastShapes, shapeSize, type BroadcastPlan } from '../shape';
import { float32Kernels } from '../kernels/backend';
import type { WasmKernels } from '../kernels/wasm';

/**
 * Elementwise ops. Each op is two flat loops side by side: the forward, and the local backward
 * (gradient of each input given the output gradient `g`). Broadcasting is handled once, in
 * `binaryOp`: operands are expanded to the output shape before the loop, and the input
 * gradients are summed back to the input shapes after it.
 */
type BinaryForward = (x: FloatArray, y: FloatArray, out: FloatArray, n: number) => void;
type BinaryBackward = (g: FloatArray, x: FloatArray, y: FloatArray, out: FloatArray, gx: FloatArray, gy: FloatArray, n: number) => void;
type UnaryForward = (x: FloatArray, out: FloatArray, n: number) => void;
type UnaryBackward = (g: FloatArray, x: FloatArray, out: FloatArray, gx: FloatArray, n: number) => void;

export const add = (a: Tensor, b: Tensor): Tensor => binaryOp('add', a, b,
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i] + y[i]; },
  (g, _x, _y, _out, gx, gy, n) => { for (let i = 0; i < n; i++) { gx[i] = g[i]; gy[i] = g[i]; } });

export const sub = (a: Tensor, b: Tensor): Tensor => binaryOp('sub', a, b,
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i] - y[i]; },
  (g, _x, _y, _out, gx, gy, n) => { for (let i = 0; i < n; i++) { gx[i] = g[i]; gy[i] = -g[i]; } });

export const mul = (a: Tensor, b: Tensor): Tensor => binaryOp('mul', a, b,
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i] * y[i]; },
  (g, x, y, _out, gx, gy, n) => { for (let i = 0; i < n; i++) { gx[i] = g[i] * y[i]; gy[i] = g[i] * x[i]; } });

export const div = (a: Tensor, b: Tensor): Tensor => binaryOp('div', a, b,
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i] / y[i]; },
  // d(x/y)/dy = -x/y² = -out/y
  (g, _x, y, out, gx, gy, n) => { for (let i = 0; i < n; i++) { gx[i] = g[i] / y[i]; gy[i] = (-g[i] * out[i]) / y[i]; } });

export const pow = (a: Tensor, b: Tensor): Tensor => binaryOp('pow', a, b,
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.pow(x[i], y[i]); },
  // d/dy xʸ = xʸ·ln x, taken as 0 where x ≤ 0 (as TensorFlow does) so a constant exponent never poisons the base's gradient.
  (g, x, y, out, gx, gy, n) => {
    for (let i = 0; i < n; i++) {
      gx[i] = y[i] === 0 ? 0 : g[i] * y[i] * Math.pow(x[i], y[i] - 1);
      gy[i] = x[i] > 0 ? g[i] * out[i] * Math.log(x[i]) : 0;
    }
  });

export const neg = (a: Tensor): Tensor => unaryOp('neg', a,
  (x, out, n) => { for (let i = 0; i < n; i++) out[i] = -x[i]; },
  (g, _x, _out, gx, n) => { for (let i = 0; i < n; i++) gx[i] = -g[i]; });

/**
 * float32 arrays of at least this many elements go to the WebAssembly SIMD kernels
 * (kernels/assembly/elementwise.ts) when that backend is on: below it, copying the operands into
 * wasm memory and the result out costs more than the JS loop saves. Measured crossovers (CPU
 * time, medians, engine/README.md): 32–64 floats for exp/sigmoid/tanh forward, 128–256 for the
 * cheap backward loops. The loops below stay the reference (and the float64 path).
 */
export const WASM_FORWARD_MIN = 64;
export const WASM_BACKWARD_MIN = 256;

function wasmFor(x: FloatArray, out: FloatArray, n: number, min: number): WasmKernels | null {
  return n >= min && out instanceof Float32Array && x instanceof Float32Array ? float32Kernels() : null;
}

export const exp = (a: Tensor): Tensor => unaryOp('exp', a,
  (x, out, n) => {
    const k = wasmFor(x, out, n, WASM_FORWARD_MIN);
    if (k) k.unary('exp', x as Float32Array, out as Float32Array, n);
    else for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]);
  },
  (g, _x, out, gx, n) => { for (let i = 0; i < n; i++) gx[i] = g[i] * out[i]; });

export const log = (a: Tensor): Tensor => unaryOp('log', a,
  (x, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.log(x[i]); },
  (g, x, _out, gx, n) => { for (let i = 0; i < n; i++) gx[i] = g[i] / x[i]; });

export const sqrt = (a: Tensor): Tensor => unaryOp('sqrt', a,
  (x, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]); },
  (g, _x, out, gx, n) => { for (let i = 0; i < n; i++) gx[i] = (0.5 * g[i]) / out[i]; });

export const abs = (a: Tensor): Tensor => unaryOp('abs', a,
  (x, out, n) => { for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]); },
  // sign(x), with 0 at the kink (the subgradient every library picks).
  (g, x, _out, gx, n) => { for (let i = 0; i < n; i++) gx[i] = x[i] > 0 ? g[i] : x[i] < 0 ? -g[i] : 0; });

export const sigmoid = (a: Tensor): Tensor => unaryOp('sigmoid', a,
  (x, out, n) => {
    const k = wasmFor(x, out, n, WASM_FORWARD_MIN);
    if (k) k.unary('sigmoid', x as Float32Array, out as Float32Array, n);
    else for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-x[i]));
  },
  (g, _x, out, gx, n) => {
    const k = g instanceof Float32Array ? wasmFor(out, gx, n, WASM_BACKWARD_MIN) : null;
    if (k) k.unaryBackward('sigmoid', g as Float32Array, out as Float32Array, gx as Float32Array, n);
    else for (let i = 0; i < n; i++) gx[i] = g[i] * out[i] * (1 - out[i]);
  });

export const tanh = (a: Tensor): Tensor => unaryOp('tanh', a,
  (x, out, n) => {
    const k = wasmFor(x, out, n, WASM_FORWARD_MIN);
    if (k) k.unary('tanh', x as Float32Array, out as Float32Array, n);
    else for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
  },
  (g, _x, out, gx, n) => {
    const k = g instanceof Float32Array ? wasmFor(out, gx, n, WASM_BACKWARD_MIN) : null;
    if (k) k.unaryBackward('tanh', g as Float32Array, out as Float32Array, gx as Float32Array, n);
    else for (let i = 0; i < n; i++) gx[i] = g[i] * (1 - out[i] * out[i]);
  });

export const relu = (a: Tensor): Tensor => unaryOp('relu', a,
  (x, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i] > 0 ? x[i] : 0; },
  (g, x, _out, gx, n) => { for (let i = 0; i < n; i++) gx[i] = x[i] > 0 ? g[i] : 0; });

export const leakyRelu = (a: Tensor, slope: number): Tensor => unaryOp('leakyRelu', a,
  (x, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i] > 0 ? x[i] : slope * x[i]; },
  (g, x, _out, gx, n) => { for (let i = 0; i < n; i++) gx[i] = x[i] > 0 ? g[i] : slope * g[i]; });

/** The perceptron's threshold unit: +1 if s > 0 else −1. A constant (no graph): it has no useful derivative. */
export function step(a: Tensor): Tensor {
  const out = allocate(a.dtype, a.size);
  const x = a.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i] > 0 ? 1 : -1;
  return new Tensor(out, a.shape);
}

function unaryOp(name: string, a: Tensor, forward: UnaryForward, backward: UnaryBackward): Tensor {
  const n = a.size;
  const out = allocate(a.dtype, n);
  forward(a.data, out, n);
  return defineOp({
    name, inputs: [a], data: out, shape: a.shape,
    backward: (g) => {
      const gx = allocate(a.dtype, n);
      backward(g, a.data, out, gx, n);
      return [gx];
    },
  });
}

function binaryOp(name: string, a: Tensor, b: Tensor, forward: BinaryForward, backward: BinaryBackward): Tensor {
  const shape = broadcastShapes(name, a.shape, b.shape);
  const dtype = resultDtype(a, b);
  const n = shapeSize(shape);
  const planA = broadcastPlan(a.shape, shape);
  const planB = broadcastPlan(b.shape, shape);
  const x = gather(a.data, planA, n, dtype);
  const y = gather(b.data, planB, n, dtype);
  const out = allocate(dtype, n);
  forward(x, y, out, n);
  return defineOp({
    name, inputs: [a, b], data: out, shape,
    backward: (g) => {
      const gx = allocate(dtype, n);
      const gy = allocate(dtype, n);
      backward(g, x, y, out, gx, gy, n);
      return [scatterAdd(gx, planA, a.size, a.dtype), scatterAdd(gy, planB, b.size, b.dtype)];
    },
  });
}

/** Expand `source` to `size` elements along a broadcast plan ('same' returns it as is). */
export function gather(source: FloatArray, plan: BroadcastPlan, size: number, dtype: DType): FloatArray {
  if (plan.kind === 'same') return source;
  const out = allocate(dtype, size);
  if (plan.kind === 'tile') {
    const period = plan.period;
    if (period === 1) return out.fill(source[0]);
    for (let start = 0; start < size; start += period) {
      for (let j = 0; j < period; j++) out[start + j] = source[j];
    }
    return out;
  }
  const map = plan.map;
  for (let i = 0; i < size; i++) out[i] = source[map[i]];
  return out;
}

/** Sum a gradient of the broadcast shape back onto the operand's `size` elements (the adjoint of `gather`). */
export function scatterAdd(grad: FloatArray, plan: BroadcastPlan, size: number, dtype: DType): FloatArray {
  if (plan.kind === 'same') return grad;
  const acc = new Float64Array(size); // float64 accumulator: a float32 sum over many rows drifts
  if (plan.kind === 'tile') {
    const period = plan.period;
    for (let start = 0; start < grad.length; start += period) {
      for (let j = 0; j < period; j++) acc[j] += grad[start + j];
    }
  } else {
    const map = plan.map;
    for (let i = 0; i < map.length; i++) acc[map[i]] += grad[i];
  }
  if (dtype === 'float64') return acc;
  const out = allocate(dtype, size);
  out.set(acc);
  return out;
}
