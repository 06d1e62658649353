// AssemblyScript. The data movement around a convolution-as-GEMM, float32, one image at a time:
// im2col copies every receptive field of an image into a column, col2im adds columns back onto
// the image (its adjoint). Both are the same walk over (channel, kernel row, kernel column,
// output row), done once here in `walkColumns`; only what happens to each output row differs.
// Layout (the same as engine/functional/conv.ts with N = 1): cols[(c·kh + i)·kw + j, y·ow + x],
// i.e. a [C·kh·kw, oh·ow] row-major matrix. Pointers are byte offsets.
//
// Working one image at a time keeps an image's columns (C·kh·kw·oh·ow floats: 57 KB for a 5×5
// kernel on 28×28) in L2 between im2col and the GEMM that reads them, and lets the GEMM write
// straight into the image's [O, oh·ow] slice of the [N, O, oh, ow] output.

/** cols = im2col(x) of one image x [C, H, W]. Every entry of cols is written (zero where the field hangs over the padding). */
export function im2col(
  x: usize, cols: usize,
  C: i32, H: i32, W: i32, kh: i32, kw: i32, sh: i32, sw: i32, ph: i32, pw: i32, oh: i32, ow: i32,
): void {
  walkColumns(false, x, cols, C, H, W, kh, kw, sh, sw, ph, pw, oh, ow);
}

/** dx += col2im(cols): every column entry is added back onto the input position of one image dx [C, H, W] it was read from. */
export function col2im(
  cols: usize, dx: usize,
  C: i32, H: i32, W: i32, kh: i32, kw: i32, sh: i32, sw: i32, ph: i32, pw: i32, oh: i32, ow: i32,
): void {
  walkColumns(true, dx, cols, C, H, W, kh, kw, sh, sw, ph, pw, oh, ow);
}

/**
 * For every column row (c, i, j) and output row oy, the ow column entries pair with input
 * row iy = oy·sh − ph + i at columns ix = ox·sw − pw + j. Gather (im2col) copies input → columns,
 * writing zeros where the input position is padding; scatter (col2im) adds columns → input and
 * skips padding. Stride 1 with the whole row inside the image is the common case: one
 * memory.copy, or f32x4 adds.
 */
// @ts-ignore: decorator
@inline
function walkColumns(
  scatter: bool, image: usize, cols: usize,
  C: i32, H: i32, W: i32, kh: i32, kw: i32, sh: i32, sw: i32, ph: i32, pw: i32, oh: i32, ow: i32,
): void {
  const rowBytes = <usize>ow * 4;
  let col = cols;
  for (let c = 0; c < C; c++) {
    const plane = image + <usize>(c * H * W) * 4;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        for (let oy = 0; oy < oh; oy++, col += rowBytes) {
          const iy = oy * sh - ph + i;
          if (iy < 0 || iy >= H) {
            if (!scatter) memory.fill(col, 0, rowBytes);
            continue;
          }
          const inputRow = plane + <usize>(iy * W) * 4;
          const ix0 = j - pw;
          if (sw == 1 && ix0 >= 0 && ix0 + ow <= W) {
            const at = inputRow + <usize>ix0 * 4;
            if (scatter) addInto(at, col, ow);
            else memory.copy(col, at, rowBytes);
            continue;
          }
          for (let ox = 0, ix = ix0; ox < ow; ox++, ix += sw) {
            const entry = col + <usize>ox * 4;
            const inside = ix >= 0 && ix < W;
            if (scatter) {
              if (inside) {
                const d = inputRow + <usize>ix * 4;
                store<f32>(d, load<f32>(d) + load<f32>(entry));
              }
            } else {
              store<f32>(entry, inside ? load<f32>(inputRow + <usize>ix * 4) : 0);
            }
          }
        }
      }
    }
  }
}

/** dst[0..n) += src[0..n), four floats at a time. */
// @ts-ignore: decorator
@inline
function addInto(dst: usize, src: usize, n: i32): void {
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const d = dst + <usize>k * 4;
    v128.store(d, f32x4.add(v128.load(d), v128.load(src + <usize>k * 4)));
  }
  for (; k < n; k++) {
    const d = dst + <usize>k * 4;
    store<f32>(d, load<f32>(d) + load<f32>(src + <usize>k * 4));
  }
}
