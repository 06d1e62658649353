/**
 * Which kernels the engine's float32 hot paths use: 'wasm' (the WebAssembly SIMD kernels in
 * kernels.wasm, the default where they load) or 'ts' (the TypeScript kernels in ops/gemm.ts and
 * functional/conv.ts: the readable reference, and the fallback wherever WebAssembly or the
 * .wasm file is not available, e.g. in a browser bundle). float64 always runs the TS kernels
 * (exact grading).
 *
 * Chosen, in order: `setKernelBackend()`; the environment variable ENGINE_KERNELS=ts|wasm (read
 * once, here and nowhere else in the engine); else 'wasm'.
 */
import { loadWasmKernels, wasmLoadError, type WasmKernels } from './wasm';

export type KernelBackend = 'wasm' | 'ts';

let requested: KernelBackend | null = null;
let fromEnvironment: KernelBackend | null = null;

function environmentBackend(): KernelBackend {
  if (fromEnvironment === null) {
    const value = typeof process === 'undefined' ? undefined : process.env?.ENGINE_KERNELS;
    fromEnvironment = value === 'ts' ? 'ts' : 'wasm';
  }
  return fromEnvironment;
}

/** Force a backend for this thread (tests, benchmarks); null returns to ENGINE_KERNELS / the default. */
export function setKernelBackend(backend: KernelBackend | null): void {
  requested = backend;
}

/** The backend float32 ops use right now: 'wasm' only if it was asked for and the module loaded. */
export function kernelBackend(): KernelBackend {
  return float32Kernels() === null ? 'ts' : 'wasm';
}

/** The WebAssembly kernels if float32 work should go to them, else null (use the TS kernels). */
export function float32Kernels(): WasmKernels | null {
  const wanted = requested ?? environmentBackend();
  return wanted === 'wasm' ? loadWasmKernels() : null;
}

export interface KernelReport {
  /** What float32 ops use on this thread now. */
  backend: KernelBackend;
  /** WebAssembly kernel calls made on this thread so far (0 if the module never loaded). */
  wasmCalls: number;
  /** Why the module did not load, if it did not. */
  loadError: string | null;
}

/** Which kernels this thread runs and how many wasm kernel calls it has made (the training worker reports this). */
export function kernelReport(): KernelReport {
  return { backend: kernelBackend(), wasmCalls: loadWasmKernels()?.calls ?? 0, loadError: wasmLoadError() };
}
