/**
 * Loads kernels.wasm (built from ./assembly by `npm run build:kernels`) and wraps its exports
 * for Float32Arrays that live in the JS heap.
 *
 * Memory: one WebAssembly.Memory per thread (module state: each piscina worker has its own),
 * grown on demand and never shrunk. Every call copies its operands into that memory, runs, and
 * copies the result out; the region is reused by the next call, so the hot path allocates
 * nothing in wasm and only the result arrays the engine needs anyway in JS. The layout of the
 * memory during a call:
 *
 *   [ packed A block | packed B panel | edge tile | operands of this call … ]
 *     (fixed scratch, reserved once)              (bump-allocated per call, reset next call)
 *
 * Loading is synchronous (the engine's API is synchronous) and needs Node's file system, reached
 * through process.getBuiltinModule so that bundlers never see a `node:` import: in a browser,
 * or if anything fails, `loadWasmKernels()` returns null and the engine keeps its TS kernels.
 */

interface KernelExports {
  gemm(transA: number, transB: number, M: number, N: number, K: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, packA: number, packB: number, tile: number): void;
  packABytes(): number;
  packBBytes(): number;
  im2col(x: number, cols: number, C: number, H: number, W: number, kh: number, kw: number, sh: number, sw: number, ph: number, pw: number, oh: number, ow: number): void;
  col2im(cols: number, dx: number, C: number, H: number, W: number, kh: number, kw: number, sh: number, sw: number, ph: number, pw: number, oh: number, ow: number): void;
  peakMulAdd(iterations: number, seed: number): number;
  expForward(x: number, out: number, n: number): void;
  sigmoidForward(x: number, out: number, n: number): void;
  tanhForward(x: number, out: number, n: number): void;
  sigmoidBackward(g: number, y: number, gx: number, n: number): void;
  tanhBackward(g: number, y: number, gx: number, n: number): void;
}

/** The elementwise functions of assembly/elementwise.ts. */
export type UnaryKernel = 'exp' | 'sigmoid' | 'tanh';
export type UnaryBackwardKernel = 'sigmoid' | 'tanh';

/** Convolution geometry, as engine/functional/conv.ts computes it. */
export interface ConvGeometry {
  N: number; C: number; H: number; W: number;
  kh: number; kw: number; sh: number; sw: number; ph: number; pw: number;
  oh: number; ow: number;
}

const PAGE = 65536;
/** FLOPs of one iteration of runPeakLoop: 12 f32x4 multiplies and 12 f32x4 adds. */
export const PEAK_FLOPS_PER_ITERATION = 96;
const TILE_BYTES = 128;

export class WasmKernels {
  private readonly memory: WebAssembly.Memory;
  private readonly k: KernelExports;
  private heap: Float32Array;
  private readonly packA: number;
  private readonly packB: number;
  private readonly tile: number;
  /** First byte of the per-call region. */
  private readonly base: number;
  /** Next free byte of the per-call region. */
  private top: number;
  /** Kernel calls made on this thread (GEMM, conv2d forward/backward): proof that work ran here. */
  calls = 0;

  constructor(module: WebAssembly.Module) {
    this.memory = new WebAssembly.Memory({ initial: 16 });
    const instance = new WebAssembly.Instance(module, {
      env: {
        memory: this.memory,
        abort: () => { throw new Error('engine wasm kernel aborted'); },
      },
    });
    this.k = instance.exports as unknown as KernelExports;
    this.packA = 0;
    this.packB = align(this.packA + this.k.packABytes());
    this.tile = align(this.packB + this.k.packBBytes());
    this.base = align(this.tile + TILE_BYTES);
    this.top = this.base;
    this.heap = new Float32Array(this.memory.buffer);
    this.ensure(this.base);
  }

  /** Bytes of wasm memory this thread holds (grows, never shrinks). */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  /** C[M,N] += op(A)·op(B) on float32 row-major arrays (see ops/gemm.ts for the three layouts). */
  gemm(transA: boolean, transB: boolean, a: Float32Array, aOff: number, b: Float32Array, bOff: number, c: Float32Array, cOff: number, M: number, K: number, N: number): void {
    this.reset();
    const pa = this.put(a, aOff, M * K);
    const pb = this.put(b, bOff, K * N);
    const pc = this.put(c, cOff, M * N);
    this.k.gemm(transA ? 1 : 0, transB ? 1 : 0, M, N, K, pa, transA ? M : K, pb, transB ? K : N, pc, N, this.packA, this.packB, this.tile);
    this.take(pc, c, cOff, M * N);
  }

  /**
   * out[N, O, oh·ow] = w[O, C·kh·kw] · im2col(x) (bias not added), one image at a time: the
   * image's columns [C·kh·kw, L] (L = oh·ow) stay in cache for its GEMM, which writes straight
   * into the image's [O, L] slice of the output, so no [O, N·L] intermediate is reordered.
   */
  conv2dForward(x: Float32Array, w: Float32Array, out: Float32Array, O: number, geo: ConvGeometry): void {
    const { N, C, H, W, kh, kw } = geo;
    const L = geo.oh * geo.ow;
    const CKK = C * kh * kw;
    this.reset();
    const px = this.put(x, 0, x.length);
    const pw = this.put(w, 0, w.length);
    const cols = this.reserve(CKK * L);
    const po = this.reserveZeros(N * O * L);
    for (let n = 0; n < N; n++) {
      this.im2col(px + n * C * H * W * 4, cols, geo);
      this.k.gemm(0, 0, O, L, CKK, pw, CKK, cols, L, po + n * O * L * 4, L, this.packA, this.packB, this.tile);
    }
    this.take(po, out, 0, N * O * L);
  }

  /**
   * Both backward passes of conv2d from g = dOut [N, O, L], each only if its array is given
   * (both are overwritten), summed image by image: gw = dW [O, C·kh·kw] = Σₙ gₙ·colsₙᵀ and
   * gx = dx [N, C, H, W] with dxₙ = col2im(Wᵀ·gₙ); the columns are recomputed by im2col.
   */
  conv2dBackward(x: Float32Array, w: Float32Array, g: Float32Array, gx: Float32Array | null, gw: Float32Array | null, O: number, geo: ConvGeometry): void {
    const { N, C, H, W, kh, kw } = geo;
    const L = geo.oh * geo.ow;
    const CKK = C * kh * kw;
    const image = C * H * W;
    this.reset();
    const pg = this.put(g, 0, g.length);
    const cols = this.reserve(CKK * L);
    if (gw) {
      const px = this.put(x, 0, x.length);
      const pgw = this.reserveZeros(O * CKK);
      for (let n = 0; n < N; n++) {
        this.im2col(px + n * image * 4, cols, geo);
        this.k.gemm(0, 1, O, CKK, L, pg + n * O * L * 4, L, cols, L, pgw, CKK, this.packA, this.packB, this.tile);
      }
      this.take(pgw, gw, 0, O * CKK);
    }
    if (gx) {
      const pw = this.put(w, 0, w.length);
      const pdx = this.reserveZeros(N * image);
      for (let n = 0; n < N; n++) {
        this.heap.fill(0, cols >> 2, (cols >> 2) + CKK * L);
        this.k.gemm(1, 0, CKK, L, O, pw, CKK, pg + n * O * L * 4, L, cols, L, this.packA, this.packB, this.tile);
        this.k.col2im(cols, pdx + n * image * 4, C, H, W, kh, kw, geo.sh, geo.sw, geo.ph, geo.pw, geo.oh, geo.ow);
      }
      this.take(pdx, gx, 0, N * image);
    }
  }

  /** out[0..n) = f(x[0..n)) for f = exp, σ or tanh (assembly/elementwise.ts; ≤ 1e-6 relative error). */
  unary(op: UnaryKernel, x: Float32Array, out: Float32Array, n: number): void {
    this.reset();
    const px = this.put(x, 0, n);
    const po = this.reserve(n);
    if (op === 'exp') this.k.expForward(px, po, n);
    else if (op === 'sigmoid') this.k.sigmoidForward(px, po, n);
    else this.k.tanhForward(px, po, n);
    this.take(po, out, 0, n);
  }

  /** gx = g·y(1 − y) (sigmoid) or g·(1 − y²) (tanh) from the op's output y. */
  unaryBackward(op: UnaryBackwardKernel, g: Float32Array, y: Float32Array, gx: Float32Array, n: number): void {
    this.reset();
    const pg = this.put(g, 0, n);
    const py = this.put(y, 0, n);
    const pgx = this.reserve(n);
    if (op === 'sigmoid') this.k.sigmoidBackward(pg, py, pgx, n);
    else this.k.tanhBackward(pg, py, pgx, n);
    this.take(pgx, gx, 0, n);
  }

  /**
   * Runs the register-only f32x4 multiply + add loop of assembly/peak.ts: `iterations` ×
   * PEAK_FLOPS_PER_ITERATION FLOPs with no memory traffic. The caller times it (the benchmark
   * uses CPU time) to get one core's peak.
   */
  runPeakLoop(iterations: number): void {
    this.k.peakMulAdd(iterations, 0.5);
  }

  /** Columns of the one image at byte offset `px`. */
  private im2col(px: number, cols: number, geo: ConvGeometry): void {
    this.k.im2col(px, cols, geo.C, geo.H, geo.W, geo.kh, geo.kw, geo.sh, geo.sw, geo.ph, geo.pw, geo.oh, geo.ow);
  }

  /** Starts a kernel call: counts it and frees the previous call's operands. */
  private reset(): void {
    this.calls++;
    this.top = this.base;
  }

  /** Reserves `floats` float32s of the per-call region (16-byte aligned), growing the memory if needed. */
  private reserve(floats: number): number {
    const at = this.top;
    this.top = align(at + floats * 4);
    this.ensure(this.top);
    return at;
  }

  private reserveZeros(floats: number): number {
    const at = this.reserve(floats);
    this.heap.fill(0, at >> 2, (at >> 2) + floats);
    return at;
  }

  private put(src: Float32Array, off: number, floats: number): number {
    const at = this.reserve(floats);
    this.heap.set(off === 0 && src.length === floats ? src : src.subarray(off, off + floats), at >> 2);
    return at;
  }

  private take(at: number, dst: Float32Array, off: number, floats: number): void {
    dst.set(this.heap.subarray(at >> 2, (at >> 2) + floats), off);
  }

  private ensure(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return;
    // Grow at least by half again, so a run of slightly larger calls does not grow every time.
    const want = Math.max(bytes, Math.ceil(have * 1.5));
    this.memory.grow(Math.ceil((want - have) / PAGE));
    this.heap = new Float32Array(this.memory.buffer);
  }
}

function align(bytes: number): number {
  return (bytes + 15) & ~15;
}

type LoadState = { kernels: WasmKernels | null; error: string | null };
let state: LoadState | null = null;

/** This thread's kernels, loaded on first use; null if WebAssembly SIMD or the file is unavailable (see `wasmLoadError`). */
export function loadWasmKernels(): WasmKernels | null {
  if (state === null) state = load();
  return state.kernels;
}

/** Why the kernels did not load (null if they did or were never asked for). */
export function wasmLoadError(): string | null {
  return state?.error ?? null;
}

function load(): LoadState {
  try {
    const bytes = readKernelFile();
    if (bytes === null) return { kernels: null, error: 'no file system (not running in Node)' };
    return { kernels: new WasmKernels(new WebAssembly.Module(bytes)), error: null };
  } catch (error) {
    return { kernels: null, error: error instanceof Error ? error.message : String(error) };
  }
}

function readKernelFile(): Uint8Array<ArrayBuffer> | null {
  type Builtins = { getBuiltinModule?: (id: string) => unknown };
  const builtins = typeof process === 'undefined' ? undefined : (process as unknown as Builtins).getBuiltinModule;
  if (typeof builtins !== 'function') return null;
  const fs = builtins('node:fs') as typeof import('node:fs');
  const url = builtins('node:url') as typeof import('node:url');
  // Variables, so bundlers do not take `new URL('…', import.meta.url)` for an asset to emit.
  const file = 'kernels.wasm';
  const here = import.meta.url;
  return new Uint8Array(fs.readFileSync(url.fileURLToPath(new URL(file, here))));
}
