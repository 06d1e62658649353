// AssemblyScript. A measuring loop, not a kernel: the most f32x4 multiply + add work one core can
// retire per second from WebAssembly (no memory traffic). 12 independent accumulators hide the
// latency of the add, so the loop is bound by the SIMD units' throughput.

/** Runs `iterations` × 12 f32x4 multiply-adds (96 FLOPs each iteration); returns a lane so the work is not optimised away. */
export function peakMulAdd(iterations: i32, seed: f32): f32 {
  const x = f32x4.splat(seed);
  const y = f32x4.splat(0.999);
  let a0 = f32x4.splat(seed), a1 = f32x4.splat(seed + 1), a2 = f32x4.splat(seed + 2), a3 = f32x4.splat(seed + 3);
  let a4 = f32x4.splat(seed + 4), a5 = f32x4.splat(seed + 5), a6 = f32x4.splat(seed + 6), a7 = f32x4.splat(seed + 7);
  let a8 = f32x4.splat(seed + 8), a9 = f32x4.splat(seed + 9), a10 = f32x4.splat(seed + 10), a11 = f32x4.splat(seed + 11);
  for (let i = 0; i < iterations; i++) {
    a0 = f32x4.add(f32x4.mul(a0, y), x);
    a1 = f32x4.add(f32x4.mul(a1, y), x);
    a2 = f32x4.add(f32x4.mul(a2, y), x);
    a3 = f32x4.add(f32x4.mul(a3, y), x);
    a4 = f32x4.add(f32x4.mul(a4, y), x);
    a5 = f32x4.add(f32x4.mul(a5, y), x);
    a6 = f32x4.add(f32x4.mul(a6, y), x);
    a7 = f32x4.add(f32x4.mul(a7, y), x);
    a8 = f32x4.add(f32x4.mul(a8, y), x);
    a9 = f32x4.add(f32x4.mul(a9, y), x);
    a10 = f32x4.add(f32x4.mul(a10, y), x);
    a11 = f32x4.add(f32x4.mul(a11, y), x);
  }
  const s = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)), f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11))));
  return f32x4.extract_lane(s, 0);
}
