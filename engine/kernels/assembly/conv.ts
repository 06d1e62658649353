// AssemblyScript. The two data movements around a convolution-as-GEMM, float32, NCHW:
// im2col copies every receptive field into a column, col2im adds columns back (its adjoint).
// Layout (the same as engine/functional/conv.ts): cols[(c·kh + i)·kw + j, n·L + y·ow + x] with
// L = oh·ow, i.e. a [C·kh·kw, N·L] row-major matrix. Pointers are byte offsets.

/** cols = im2col(x); x: [N, C, H, W]. Every entry of cols is written (zero where the field hangs over the padding). */
export function im2col(
  x: usize, cols: usize,
  N: i32, C: i32, H: i32, W: i32, kh: i32, kw: i32, sh: i32, sw: i32, ph: i32, pw: i32, oh: i32, ow: i32,
): void {
  const L = oh * ow;
  const NL = N * L;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const row = cols + <usize>(((c * kh + i) * kw + j) * NL) * 4;
        for (let n = 0; n < N; n++) {
          const plane = x + <usize>((n * C + c) * H * W) * 4;
          let dst = row + <usize>(n * L) * 4;
          for (let oy = 0; oy < oh; oy++) {
            const iy = oy * sh - ph + i;
            if (iy < 0 || iy >= H) {
              memory.fill(dst, 0, <usize>ow * 4);
            } else {
              const src = plane + <usize>(iy * W) * 4;
              let ix = j - pw;
              if (sw == 1 && ix >= 0 && ix + ow <= W) {
                memory.copy(dst, src + <usize>ix * 4, <usize>ow * 4);
              } else {
                for (let ox = 0; ox < ow; ox++, ix += sw) {
                  store<f32>(dst + <usize>ox * 4, ix >= 0 && ix < W ? load<f32>(src + <usize>ix * 4) : 0);
                }
              }
            }
            dst += <usize>ow * 4;
          }
        }
      }
    }
  }
}

/** dx += col2im(cols): every column entry is added back onto the input position it was read from. */
export function col2im(
  cols: usize, dx: usize,
  N: i32, C: i32, H: i32, W: i32, kh: i32, kw: i32, sh: i32, sw: i32, ph: i32, pw: i32, oh: i32, ow: i32,
): void {
  const L = oh * ow;
  const NL = N * L;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const row = cols + <usize>(((c * kh + i) * kw + j) * NL) * 4;
        for (let n = 0; n < N; n++) {
          const plane = dx + <usize>((n * C + c) * H * W) * 4;
          let src = row + <usize>(n * L) * 4;
          for (let oy = 0; oy < oh; oy++) {
            const iy = oy * sh - ph + i;
            if (iy >= 0 && iy < H) {
              const dst = plane + <usize>(iy * W) * 4;
              let ix = j - pw;
              if (sw == 1 && ix >= 0 && ix + ow <= W) {
                let ox = 0;
                for (; ox + 4 <= ow; ox += 4) {
                  const d = dst + <usize>(ix + ox) * 4;
                  v128.store(d, f32x4.add(v128.load(d), v128.load(src + <usize>ox * 4)));
                }
                for (; ox < ow; ox++) {
                  const d = dst + <usize>(ix + ox) * 4;
                  store<f32>(d, load<f32>(d) + load<f32>(src + <usize>ox * 4));
                }
              } else {
                for (let ox = 0; ox < ow; ox++, ix += sw) {
                  if (ix >= 0 && ix < W) {
                    const d = dst + <usize>ix * 4;
                    store<f32>(d, load<f32>(d) + load<f32>(src + <usize>ox * 4));
                  }
                }
              }
            }
            src += <usize>ow * 4;
          }
        }
      }
    }
  }
}

/** dst[O, N·L] = src[N, O, L] (the GEMM's layout from the tensor's), or back with `toBatchMajor`. */
export function swapBatchAndChannels(src: usize, dst: usize, N: i32, O: i32, L: i32, toBatchMajor: i32): void {
  const bytes = <usize>L * 4;
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      const batchMajor = <usize>((n * O + o) * L) * 4;
      const channelMajor = <usize>((o * N + n) * L) * 4;
      if (toBatchMajor) memory.copy(dst + batchMajor, src + channelMajor, bytes);
      else memory.copy(dst + channelMajor, src + batchMajor, bytes);
    }
  }
}
