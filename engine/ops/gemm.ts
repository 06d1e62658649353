import type { FloatArray } from '../tensor-core';
import { float32Kernels } from '../kernels/backend';
import type { WasmKernels } from '../kernels/wasm';

/**
 * Dense matrix-multiply kernels on flat row-major arrays, each accumulating into C (C += …),
 * so batched backward passes can sum over broadcast batches for free. Offsets address a matrix
 * inside a batched tensor without copying.
 *
 * All three layouts funnel into one float64 micro-kernel (`kernel4x4`): operands that are
 * float32 or transposed are first copied ("packed") into float64 row-major scratch. Why:
 *  - V8 keeps the hot loop monomorphic (it only ever sees Float64Array), and float64 loads skip
 *    the float32→float64 conversion on every element (measured: ~30% faster);
 *  - a transposed operand costs one O(n²) copy instead of a strided O(n³) inner loop;
 *  - float32 results are accumulated in float64 and rounded once, which is also more accurate.
 *
 * When all three arrays are float32 and the WebAssembly kernels are on (kernels/backend.ts, the
 * default in Node), the call goes to the SIMD GEMM in kernels/assembly/gemm.ts instead; these
 * TS kernels stay the readable reference, the float64 path and the fallback.
 */

/** C[M,N] += A[M,K] · B[K,N]. */
export function gemmNN(a: FloatArray, aOff: number, b: FloatArray, bOff: number, c: FloatArray, cOff: number, M: number, K: number, N: number): void {
  if (M === 0 || N === 0 || K === 0) return;
  const wasm = wasmFor(a, b, c);
  if (wasm !== null) return wasm.gemm(false, false, a as Float32Array, aOff, b as Float32Array, bOff, c as Float32Array, cOff, M, K, N);
  const A = a instanceof Float64Array ? a : pack(a, aOff, M * K, 'a');
  const B = b instanceof Float64Array ? b : pack(b, bOff, K * N, 'b');
  multiply(A, A === a ? aOff : 0, B, B === b ? bOff : 0, c, cOff, M, K, N);
}

/** C[M,N] += A[M,K] · Bᵀ, with B stored as [N,K]. */
export function gemmNT(a: FloatArray, aOff: number, b: FloatArray, bOff: number, c: FloatArray, cOff: number, M: number, K: number, N: number): void {
  if (M === 0 || N === 0 || K === 0) return;
  const wasm = wasmFor(a, b, c);
  if (wasm !== null) return wasm.gemm(false, true, a as Float32Array, aOff, b as Float32Array, bOff, c as Float32Array, cOff, M, K, N);
  const A = a instanceof Float64Array ? a : pack(a, aOff, M * K, 'a');
  const B = packTransposed(b, bOff, N, K, 'b');
  multiply(A, A === a ? aOff : 0, B, 0, c, cOff, M, K, N);
}

/** C[M,N] += Aᵀ · B, with A stored as [K,M] and B as [K,N]. */
export function gemmTN(a: FloatArray, aOff: number, b: FloatArray, bOff: number, c: FloatArray, cOff: number, M: number, K: number, N: number): void {
  if (M === 0 || N === 0 || K === 0) return;
  const wasm = wasmFor(a, b, c);
  if (wasm !== null) return wasm.gemm(true, false, a as Float32Array, aOff, b as Float32Array, bOff, c as Float32Array, cOff, M, K, N);
  const A = packTransposed(a, aOff, K, M, 'a');
  const B = b instanceof Float64Array ? b : pack(b, bOff, K * N, 'b');
  multiply(A, 0, B, B === b ? bOff : 0, c, cOff, M, K, N);
}

/** The WebAssembly kernels if this call is all-float32 and they are on, else null. */
function wasmFor(a: FloatArray, b: FloatArray, c: FloatArray): WasmKernels | null {
  if (!(a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array)) return null;
  return float32Kernels();
}

// Scratch buffers, grown on demand and reused: a training step calls these kernels hundreds of
// times, and fresh arrays each time would mostly measure the garbage collector.
const scratch = { a: new Float64Array(1024), b: new Float64Array(1024), c: new Float64Array(1024) };
type Slot = keyof typeof scratch;

function buffer(slot: Slot, size: number): Float64Array {
  if (scratch[slot].length < size) scratch[slot] = new Float64Array(Math.max(size, 2 * scratch[slot].length));
  return scratch[slot];
}

function pack(src: FloatArray, off: number, size: number, slot: Slot): Float64Array {
  const dst = buffer(slot, size);
  for (let i = 0; i < size; i++) dst[i] = src[off + i];
  return dst;
}

/** dst[cols, rows] = src[rows, cols]ᵀ, walking the source in small tiles to stay in cache. */
function packTransposed(src: FloatArray, off: number, rows: number, cols: number, slot: Slot): Float64Array {
  const dst = buffer(slot, rows * cols);
  const T = 32;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const rEnd = Math.min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const cEnd = Math.min(cols, c0 + T);
      for (let r = r0; r < rEnd; r++) {
        const s = off + r * cols;
        for (let c = c0; c < cEnd; c++) dst[c * rows + r] = src[s + c];
      }
    }
  }
  return dst;
}

function multiply(A: Float64Array, aOff: number, B: Float64Array, bOff: number, c: FloatArray, cOff: number, M: number, K: number, N: number): void {
  if (c instanceof Float64Array) {
    kernel4x4(A, aOff, B, bOff, c, cOff, M, K, N);
    return;
  }
  const C = buffer('c', M * N);
  C.fill(0, 0, M * N);
  kernel4x4(A, aOff, B, bOff, C, 0, M, K, N);
  for (let i = 0; i < M * N; i++) c[cOff + i] += C[i];
}

/** Depth of one k-panel: 64 rows of B (≤ 256 KB at N = 512) stay in L2 while every row block uses them. */
const KC = 64;

/**
 * C += A·B, all float64 row-major. Register-blocked: 4 rows of C take 4 steps of k at a time,
 * so each B element loaded feeds 4 multiply-adds and each C element is loaded once per 4 k.
 */
function kernel4x4(a: Float64Array, aOff: number, b: Float64Array, bOff: number, c: Float64Array, cOff: number, M: number, K: number, N: number): void {
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kEnd = Math.min(K, k0 + KC);
    const k4End = k0 + ((kEnd - k0) & ~3);
    let i = 0;
    for (; i + 3 < M; i += 4) {
      const c0 = cOff + i * N, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
      const r0 = aOff + i * K, r1 = r0 + K, r2 = r1 + K, r3 = r2 + K;
      let p = k0;
      for (; p < k4End; p += 4) {
        const a00 = a[r0 + p], a01 = a[r0 + p + 1], a02 = a[r0 + p + 2], a03 = a[r0 + p + 3];
        const a10 = a[r1 + p], a11 = a[r1 + p + 1], a12 = a[r1 + p + 2], a13 = a[r1 + p + 3];
        const a20 = a[r2 + p], a21 = a[r2 + p + 1], a22 = a[r2 + p + 2], a23 = a[r2 + p + 3];
        const a30 = a[r3 + p], a31 = a[r3 + p + 1], a32 = a[r3 + p + 2], a33 = a[r3 + p + 3];
        const b0 = bOff + p * N, b1 = b0 + N, b2 = b1 + N, b3 = b2 + N;
        for (let j = 0; j < N; j++) {
          const v0 = b[b0 + j], v1 = b[b1 + j], v2 = b[b2 + j], v3 = b[b3 + j];
          c[c0 + j] += a00 * v0 + a01 * v1 + a02 * v2 + a03 * v3;
          c[c1 + j] += a10 * v0 + a11 * v1 + a12 * v2 + a13 * v3;
          c[c2 + j] += a20 * v0 + a21 * v1 + a22 * v2 + a23 * v3;
          c[c3 + j] += a30 * v0 + a31 * v1 + a32 * v2 + a33 * v3;
        }
      }
      for (; p < kEnd; p++) {
        const x0 = a[r0 + p], x1 = a[r1 + p], x2 = a[r2 + p], x3 = a[r3 + p];
        const bp = bOff + p * N;
        for (let j = 0; j < N; j++) {
          const v = b[bp + j];
          c[c0 + j] += x0 * v;
          c[c1 + j] += x1 * v;
          c[c2 + j] += x2 * v;
          c[c3 + j] += x3 * v;
        }
      }
    }
    // Leftover rows (M mod 4): one row, 4 k at a time.
    for (; i < M; i++) {
      const ci = cOff + i * N;
      const ri = aOff + i * K;
      let p = k0;
      for (; p < k4End; p += 4) {
        const x0 = a[ri + p], x1 = a[ri + p + 1], x2 = a[ri + p + 2], x3 = a[ri + p + 3];
        const b0 = bOff + p * N, b1 = b0 + N, b2 = b1 + N, b3 = b2 + N;
        for (let j = 0; j < N; j++) c[ci + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
      }
      for (; p < kEnd; p++) {
        const x = a[ri + p];
        const bp = bOff + p * N;
        for (let j = 0; j < N; j++) c[ci + j] += x * b[bp + j];
      }
    }
  }
}
