// AssemblyScript. Elementwise f32x4 kernels: exp, sigmoid and tanh forward, and the sigmoid and
// tanh backward (from the output y). Each takes byte offsets of float32 arrays in this module's
// memory and a length n; a scalar tail handles n not a multiple of 4 (by running the same f32x4
// code on one lane, so tail and body give the same bits).
//
// exp: x = k·ln2 + r with k = nearest(x / ln2), |r| ≤ ln2/2 (Cody–Waite: ln2 split in a part
// whose product with k is exact and a small rest), eʳ − 1 = q(r) by the degree-7 Taylor
// polynomial (truncation < 8e-9 relative on that interval), eˣ = 2ᵏ·(1 + q). 2ᵏ is built from
// exponent bits in two halves so k in [−150, 128] covers the subnormal results and the
// overflow to +∞ like Math.exp rounded to float32. kernels.test.ts measures the relative error
// against Math.exp on a dense grid (≤ 1e-6 required).

const LOG2E: f32 = 1.4426950408889634;
const LN2_HI: f32 = 0.693145751953125; // 15 significant bits: k · LN2_HI is exact for |k| ≤ 256
const LN2_LO: f32 = 1.428606765330187e-6;
const C2: f32 = 1.0 / 2.0;
const C3: f32 = 1.0 / 6.0;
const C4: f32 = 1.0 / 24.0;
const C5: f32 = 1.0 / 120.0;
const C6: f32 = 1.0 / 720.0;
const C7: f32 = 1.0 / 5040.0;

/** Lanes of 2^k for integer lanes k in [−126, 127]. */
// @ts-ignore: decorator
@inline
function pow2(k: v128): v128 {
  return i32x4.shl(i32x4.add(k, i32x4.splat(127)), 23);
}

/** q(r) = eʳ − 1 for |r| ≤ ln2/2. */
// @ts-ignore: decorator
@inline
function expm1Reduced(r: v128): v128 {
  let p = f32x4.add(f32x4.splat(C6), f32x4.mul(r, f32x4.splat(C7)));
  p = f32x4.add(f32x4.splat(C5), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(C4), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(C3), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(C2), f32x4.mul(r, p));
  p = f32x4.add(f32x4.splat(1), f32x4.mul(r, p));
  return f32x4.mul(r, p);
}

/** eˣ per lane (NaN stays NaN). */
// @ts-ignore: decorator
@inline
function exp4(x: v128): v128 {
  const c = f32x4.min(f32x4.max(x, f32x4.splat(-104)), f32x4.splat(89));
  const kf = f32x4.nearest(f32x4.mul(c, f32x4.splat(LOG2E)));
  const r = f32x4.sub(f32x4.sub(c, f32x4.mul(kf, f32x4.splat(LN2_HI))), f32x4.mul(kf, f32x4.splat(LN2_LO)));
  const k = i32x4.trunc_sat_f32x4_s(kf);
  const k1 = i32x4.shr_s(k, 1);
  const k2 = i32x4.sub(k, k1);
  const e = f32x4.add(f32x4.splat(1), expm1Reduced(r));
  return f32x4.mul(f32x4.mul(e, pow2(k1)), pow2(k2));
}

/** eʸ − 1 per lane for y in [−20, 0] (accurate near 0, where eʸ − 1 cancels). */
// @ts-ignore: decorator
@inline
function expm1Negative(y: v128): v128 {
  const kf = f32x4.nearest(f32x4.mul(y, f32x4.splat(LOG2E)));
  const r = f32x4.sub(f32x4.sub(y, f32x4.mul(kf, f32x4.splat(LN2_HI))), f32x4.mul(kf, f32x4.splat(LN2_LO)));
  const scale = pow2(i32x4.trunc_sat_f32x4_s(kf));
  // 2ᵏ(1 + q) − 1 = 2ᵏ·q + (2ᵏ − 1); for k = 0 this is q itself, with no cancellation.
  return f32x4.add(f32x4.mul(scale, expm1Reduced(r)), f32x4.sub(scale, f32x4.splat(1)));
}

/** σ(x) = 1/(1 + e⁻ˣ) for x ≥ 0, e/(1 + e) with e = eˣ for x < 0: never exp of a large positive number. */
// @ts-ignore: decorator
@inline
function sigmoid4(x: v128): v128 {
  const e = exp4(f32x4.neg(f32x4.abs(x)));
  const d = f32x4.add(f32x4.splat(1), e);
  const positive = f32x4.div(f32x4.splat(1), d);
  const negative = f32x4.div(e, d);
  return v128.bitselect(negative, positive, f32x4.lt(x, f32x4.splat(0)));
}

/** tanh x = sign(x) · (−m)/(2 + m) with m = e^(−2|x|) − 1 (|x| ≥ 10 gives ±1 in float32). */
// @ts-ignore: decorator
@inline
function tanh4(x: v128): v128 {
  const a = f32x4.abs(x);
  const m = expm1Negative(f32x4.max(f32x4.mul(a, f32x4.splat(-2)), f32x4.splat(-20)));
  const t = f32x4.abs(f32x4.div(f32x4.neg(m), f32x4.add(f32x4.splat(2), m)));
  // copy the sign bit of x onto t (t ≥ 0, also for x = +0)
  return v128.or(t, v128.and(x, i32x4.splat(0x80000000)));
}

export function expForward(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), exp4(v128.load(x + (<usize>i << 2))));
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), f32x4.extract_lane(exp4(f32x4.splat(load<f32>(x + (<usize>i << 2)))), 0));
}

export function sigmoidForward(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), sigmoid4(v128.load(x + (<usize>i << 2))));
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), f32x4.extract_lane(sigmoid4(f32x4.splat(load<f32>(x + (<usize>i << 2)))), 0));
}

export function tanhForward(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), tanh4(v128.load(x + (<usize>i << 2))));
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), f32x4.extract_lane(tanh4(f32x4.splat(load<f32>(x + (<usize>i << 2)))), 0));
}

/** gx = g · y · (1 − y), y = σ(x). */
export function sigmoidBackward(g: usize, y: usize, gx: usize, n: i32): void {
  let i = 0;
  const one = f32x4.splat(1);
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const yv = v128.load(y + o);
    v128.store(gx + o, f32x4.mul(f32x4.mul(v128.load(g + o), yv), f32x4.sub(one, yv)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const yv = load<f32>(y + o);
    store<f32>(gx + o, load<f32>(g + o) * yv * (1 - yv));
  }
}

/** gx = g · (1 − y²) = g · (1 − y)(1 + y), y = tanh x (the factored form: 1 − y² cancels as |y| → 1). */
export function tanhBackward(g: usize, y: usize, gx: usize, n: i32): void {
  let i = 0;
  const one = f32x4.splat(1);
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const yv = v128.load(y + o);
    v128.store(gx + o, f32x4.mul(v128.load(g + o), f32x4.mul(f32x4.sub(one, yv), f32x4.add(one, yv))));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const yv = load<f32>(y + o);
    store<f32>(gx + o, load<f32>(g + o) * ((1 - yv) * (1 + yv)));
  }
}
