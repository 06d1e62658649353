import { z } from 'zod';
import { nn, noGrad, tensor, withDefaultDtype } from '@/engine';
import type { TCnnConfig } from './config-schema';
import { renderStrokes, type Point } from './datasets/digits';
import { buildDigitCnn } from './models/cnn-learner';
import { DIGIT_SIZE } from './models/cnn-shapes';
import { loadParameters } from './stored-parameters';

// "Draw a digit" on a trained CNN: the student's strokes become an image exactly as the generated
// digits are made (the same pen renderer, renderStrokes), and the run's trained weights — stored
// with its last picture, `parameters` — classify it with the engine's own forward pass. Pure and
// synchronous: it runs in the browser, on the student's own run, so no request is needed.

/** Half the pen's width after fitting: the middle of the generated digits' pens (0.035 … 0.06). */
export const DRAWN_PEN_HALF_WIDTH = 0.0475;
/**
 * The side of the square the drawing is fitted into, centred: the generated digits are about
 * 0.8 high (strokes from 0.1 to 0.9) at a scale of 0.8 … 1.05, so about 0.74 on average.
 */
export const DRAWN_EXTENT = 0.74;

const ZCoordinate = z.number().min(0).max(1);
/** Strokes on the canvas, each a list of [x, y] in the unit square (y down). */
export const ZDrawnStrokes = z.array(z.array(z.tuple([ZCoordinate, ZCoordinate])).min(1).max(5_000)).min(1).max(100);
/** A digit image as the CNN reads it: DIGIT_SIZE² numbers in [0, 1] (zod refuses NaN). */
export const ZDigitImage = z.array(z.number().min(0).max(1)).length(DIGIT_SIZE * DIGIT_SIZE);

/** The image of what the student drew: centred and scaled (aspect kept) like the generated digits, then rendered with their pen. */
export function drawnDigitImage(strokes: readonly (readonly Point[])[]): number[] {
  const parsed = ZDrawnStrokes.parse(strokes);
  const points = parsed.flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const size = Math.max(maxX - minX, maxY - minY);
  // A single dot stays a dot; anything else fills the generated digits' box.
  const scale = size > 0 ? DRAWN_EXTENT / size : 1;
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  const fitted = parsed.map((stroke) => stroke.map(([x, y]): Point => [0.5 + (x - cx) * scale, 0.5 + (y - cy) * scale]));
  return renderStrokes(fitted, DRAWN_PEN_HALF_WIDTH);
}

/** The feature maps of one convolution layer (after its activation): `maps[filter]` is side² values. */
export type ConvLayerMaps = { side: number; maps: number[][] };

export type DigitPrediction = {
  /** Softmax of the ten logits. */
  probabilities: number[];
  predicted: number;
  /** One entry per convolution layer, in order. */
  convLayers: ConvLayerMaps[];
};

/**
 * The trained CNN's answer for one image: the model is built from the run's configuration, its
 * parameters set to the stored trained ones, and run forward in eval mode (dropout off) in
 * float32, as it trained.
 */
export function predictDigit(config: TCnnConfig, parameters: readonly (readonly number[])[], image: readonly number[]): DigitPrediction {
  const pixels = ZDigitImage.parse(image);
  return withDefaultDtype('float32', () =>
    noGrad(() => {
      const { model } = buildDigitCnn(config);
      loadParameters(model, parameters);
      model.eval();
      const convLayers: ConvLayerMaps[] = [];
      let h = tensor({ data: pixels, shape: [1, 1, DIGIT_SIZE, DIGIT_SIZE] });
      model.layers.forEach((layer, i) => {
        h = layer.forward(h);
        // The layer after a convolution is its activation: those are the feature maps.
        if (i > 0 && model.layers[i - 1] instanceof nn.Conv2d) {
          const [, filters, side] = h.shape;
          convLayers.push({ side, maps: Array.from({ length: filters }, (_, f) => Array.from(h.data.slice(f * side * side, (f + 1) * side * side))) });
        }
      });
      const probabilities = softmax(Array.from(h.data));
      return { probabilities, predicted: probabilities.indexOf(Math.max(...probabilities)), convLayers };
    }),
  );
}

/** Softmax in float64, shifted by the largest logit so it never overflows. */
function softmax(logits: readonly number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((value) => Math.exp(value - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}
