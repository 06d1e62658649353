import type { FloatArray } from '../tensor';

/**
 * Dense matrix-multiply kernels on flat row-major arrays, each accumulating into C (C += …),
 * so batched backward passes can sum over broadcast batches for free.
 * Offsets let one kernel address a matrix inside a batched tensor without copying.
 */

/** C[M,N] += A[M,K] · B[K,N]. */
export function gemmNN(a: FloatArray, aOff: number, b: FloatArray, bOff: number, c: FloatArray, cOff: number, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++) {
    const ci = cOff + i * N;
    const ai = aOff + i * K;
    let p = 0;
    for (; p + 3 < K; p += 4) {
      const a0 = a[ai + p], a1 = a[ai + p + 1], a2 = a[ai + p + 2], a3 = a[ai + p + 3];
      const b0 = bOff + p * N, b1 = b0 + N, b2 = b1 + N, b3 = b2 + N;
      for (let j = 0; j < N; j++) c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
    }
    for (; p < K; p++) {
      const ap = a[ai + p];
      const bp = bOff + p * N;
      for (let j = 0; j < N; j++) c[ci + j] += ap * b[bp + j];
    }
  }
}

/** C[M,N] += A[M,K] · Bᵀ, with B stored as [N,K]: each entry is a dot product of two contiguous rows. */
export function gemmNT(a: FloatArray, aOff: number, b: FloatArray, bOff: number, c: FloatArray, cOff: number, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++) {
    const ai = aOff + i * K;
    for (let j = 0; j < N; j++) {
      const bj = bOff + j * K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let p = 0;
      for (; p + 3 < K; p += 4) {
        s0 += a[ai + p] * b[bj + p];
        s1 += a[ai + p + 1] * b[bj + p + 1];
        s2 += a[ai + p + 2] * b[bj + p + 2];
        s3 += a[ai + p + 3] * b[bj + p + 3];
      }
      for (; p < K; p++) s0 += a[ai + p] * b[bj + p];
      c[cOff + i * N + j] += s0 + s1 + s2 + s3;
    }
  }
}

/** C[M,N] += Aᵀ · B, with A stored as [K,M] and B as [K,N]: rank-1 updates, row by row. */
export function gemmTN(a: FloatArray, aOff: number, b: FloatArray, bOff: number, c: FloatArray, cOff: number, M: number, K: number, N: number): void {
  for (let p = 0; p < K; p++) {
    const ap = aOff + p * M;
    const bp = bOff + p * N;
    for (let i = 0; i < M; i++) {
      const v = a[ap + i];
      const ci = cOff + i * N;
      for (let j = 0; j < N; j++) c[ci + j] += v * b[bp + j];
    }
  }
}
