// AssemblyScript (compiled to WebAssembly by `npm run build:kernels`, not by tsc).
//
// Single-precision GEMM, C[M,N] += op(A)[M,K] · op(B)[K,N], row-major with leading dimensions,
// op = identity or transpose. The BLIS / XNNPACK scheme, scaled down to one core and 128-bit SIMD:
//
//   for each block of NC columns of C                      (jc loop)
//     for each block of KC steps of k                      (pc loop: K cache blocking)
//       pack op(B)[pc:pc+KC, jc:jc+NC] into NR-wide column panels  (stays in L2)
//       for each block of MC rows                          (ic loop)
//         pack op(A)[ic:ic+MC, pc:pc+KC] into MR-tall row panels   (stays in L2, one panel in L1)
//         for every MR×NR tile: micro-kernel over KC steps (accumulators stay in registers)
//
// Packing makes every layout (NN, NT, TN) the same contiguous walk for the micro-kernel, pads
// the edges with zeros (so the kernel never branches on M or N), and keeps the kernel's two
// streams sequential in memory. All pointers are byte offsets into this module's memory.


/** Micro-tile: MR rows × NR columns of C, held in 8 f32x4 registers. */
const MR: i32 = 4;
const NR: i32 = 8;
/** Cache blocks (floats): an MC×KC block of A is 64 KB, a KC×NC panel of B 256 KB. */
export const KC: i32 = 256;
export const MC: i32 = 64;
export const NC: i32 = 256;

/** Bytes the caller must reserve at `packA` and `packB`. */
export function packABytes(): i32 { return MC * KC * 4; }
export function packBBytes(): i32 { return KC * NC * 4; }

/**
 * C += op(A)·op(B). transA: A is stored [K, M] (lda ≥ M) instead of [M, K] (lda ≥ K);
 * transB: B is stored [N, K] instead of [K, N]. packA / packB: scratch of packABytes() /
 * packBBytes() bytes; tile: 128 bytes of scratch for edge tiles.
 */
export function gemm(
  transA: i32, transB: i32, M: i32, N: i32, K: i32,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32,
  packA: usize, packB: usize, tile: usize,
): void {
  if (M <= 0 || N <= 0 || K <= 0) return;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      packPanelsB(transB, b, ldb, pc, jc, kc, nc, packB);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        packPanelsA(transA, a, lda, ic, pc, mc, kc, packA);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const pB = packB + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const pA = packA + <usize>(ir * kc) * 4;
            const cTile = c + (<usize>(ic + ir) * <usize>ldc + <usize>(jc + jr)) * 4;
            if (mr == MR && nr == NR) microKernel(kc, pA, pB, cTile, ldc);
            else edgeKernel(kc, pA, pB, cTile, ldc, mr, nr, tile);
          }
        }
      }
    }
  }
}

/** op(A)[ic:ic+mc, pc:pc+kc] → panels of MR rows: panel p holds, for each k, MR values (zero past M). */
function packPanelsA(transA: i32, a: usize, lda: i32, ic: i32, pc: i32, mc: i32, kc: i32, dst: usize): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    let out = dst + <usize>(ir * kc) * 4;
    if (transA) {
      // A stored [K, M]: the MR values for one k are contiguous.
      for (let p = 0; p < kc; p++) {
        const src = a + (<usize>(pc + p) * <usize>lda + <usize>(ic + ir)) * 4;
        if (mr == MR) {
          v128.store(out, v128.load(src));
        } else {
          for (let r = 0; r < MR; r++) store<f32>(out + <usize>r * 4, r < mr ? load<f32>(src + <usize>r * 4) : 0);
        }
        out += MR * 4;
      }
    } else {
      // A stored [M, K]: gather one value from each of MR rows.
      const r0 = a + (<usize>(ic + ir) * <usize>lda + <usize>pc) * 4;
      const stride = <usize>lda * 4;
      if (mr == MR) {
        const r1 = r0 + stride, r2 = r1 + stride, r3 = r2 + stride;
        for (let p = 0; p < kc; p++) {
          const o = <usize>p * 4;
          store<f32>(out, load<f32>(r0 + o));
          store<f32>(out, load<f32>(r1 + o), 4);
          store<f32>(out, load<f32>(r2 + o), 8);
          store<f32>(out, load<f32>(r3 + o), 12);
          out += MR * 4;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let r = 0; r < MR; r++) store<f32>(out + <usize>r * 4, r < mr ? load<f32>(r0 + <usize>r * stride + <usize>p * 4) : 0);
          out += MR * 4;
        }
      }
    }
  }
}

/** op(B)[pc:pc+kc, jc:jc+nc] → panels of NR columns: panel q holds, for each k, NR values (zero past N). */
function packPanelsB(transB: i32, b: usize, ldb: i32, pc: i32, jc: i32, kc: i32, nc: i32, dst: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    let out = dst + <usize>(jr * kc) * 4;
    if (!transB) {
      // B stored [K, N]: the NR values for one k are contiguous.
      let src = b + (<usize>pc * <usize>ldb + <usize>(jc + jr)) * 4;
      const stride = <usize>ldb * 4;
      if (nr == NR) {
        for (let p = 0; p < kc; p++) {
          v128.store(out, v128.load(src));
          v128.store(out, v128.load(src, 16), 16);
          src += stride;
          out += NR * 4;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let j = 0; j < NR; j++) store<f32>(out + <usize>j * 4, j < nr ? load<f32>(src + <usize>j * 4) : 0);
          src += stride;
          out += NR * 4;
        }
      }
    } else {
      // B stored [N, K]: gather one value from each of NR rows.
      const row0 = b + (<usize>(jc + jr) * <usize>ldb + <usize>pc) * 4;
      const stride = <usize>ldb * 4;
      for (let p = 0; p < kc; p++) {
        const o = row0 + <usize>p * 4;
        for (let j = 0; j < NR; j++) store<f32>(out + <usize>j * 4, j < nr ? load<f32>(o + <usize>j * stride) : 0);
        out += NR * 4;
      }
    }
  }
}

/**
 * The micro-kernel: a full MR×NR tile of C += (packed A panel)·(packed B panel) over kc steps.
 * Per k: two loads of B (8 floats), four broadcast loads of A, eight multiply-adds, all in
 * registers; C is read and written once per tile per KC block.
 */
// @ts-ignore: decorator
@inline
function microKernel(kc: i32, pA: usize, pB: usize, c: usize, ldc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pB);
    const b1 = v128.load(pB, 16);
    let a = v128.load32_splat(pA);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(pA, 4);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(pA, 8);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(pA, 12);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    pA += MR * 4;
    pB += NR * 4;
  }
  const row = <usize>ldc * 4;
  let r = c;
  v128.store(r, f32x4.add(v128.load(r), c00));
  v128.store(r, f32x4.add(v128.load(r, 16), c01), 16);
  r += row;
  v128.store(r, f32x4.add(v128.load(r), c10));
  v128.store(r, f32x4.add(v128.load(r, 16), c11), 16);
  r += row;
  v128.store(r, f32x4.add(v128.load(r), c20));
  v128.store(r, f32x4.add(v128.load(r, 16), c21), 16);
  r += row;
  v128.store(r, f32x4.add(v128.load(r), c30));
  v128.store(r, f32x4.add(v128.load(r, 16), c31), 16);
}

/** A partial tile (mr < MR or nr < NR, at the bottom/right edge): compute the full tile into scratch, add the valid part. */
function edgeKernel(kc: i32, pA: usize, pB: usize, c: usize, ldc: i32, mr: i32, nr: i32, tile: usize): void {
  memory.fill(tile, 0, MR * NR * 4);
  microKernel(kc, pA, pB, tile, NR);
  for (let r = 0; r < mr; r++) {
    const dst = c + <usize>r * <usize>ldc * 4;
    const src = tile + <usize>(r * NR) * 4;
    for (let j = 0; j < nr; j++) store<f32>(dst + <usize>j * 4, load<f32>(dst + <usize>j * 4) + load<f32>(src + <usize>j * 4));
  }
}
