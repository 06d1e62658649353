import { afterEach, describe, expect, it } from 'vitest';
import { nn, noGrad, setKernelBackend, tensor, withDefaultDtype } from '@/engine';
import { ZCnnConfig, type TCnnConfig } from '@/engine/playground/config-schema';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { generateDigitDataset, renderStrokes } from '@/engine/playground/datasets/digits';
import { DRAWN_EXTENT, DRAWN_PEN_HALF_WIDTH, drawnDigitImage, predictDigit } from '@/engine/playground/draw-digit';
import { StoredWeightsMismatchError } from '@/engine/playground/stored-parameters';
import { createCnnLearner } from '@/engine/playground/models/cnn-learner';
import { DIGIT_SIZE } from '@/engine/playground/models/cnn-shapes';
import { runGradientTraining } from '@/engine/playground/run-gradient-training';
import type { Learner } from '@/engine/playground/models/learner';
import type { CnnSnapshot } from '@/engine/playground/types';
import { readStoredMetrics, toStoredMetrics } from '@/lib/training/runs/stored-run-schema';

// "Draw a digit": the browser classifies a drawing with the run's stored trained weights. Checked
// against the engine's own forward pass of the model as it finished training (the reference),
// after the weights went through the stored JSON, on both kernel backends (the browser has only
// the TypeScript kernels).

// Two convolution blocks, a dense layer and dropout: every kind of layer the CNN can have.
const cnn: TCnnConfig = ZCnnConfig.parse({ ...DEFAULT_CONFIGS.cnn, filters: 3, filters2: 2, hidden: 8, dropout: 0.2, samples: 200, epochs: 3, seed: 5 });

function trainKeepingModel(config: TCnnConfig): { learner: Learner; last: CnnSnapshot } {
  return withDefaultDtype('float32', () => {
    const learner = createCnnLearner(config);
    const outcome = runGradientTraining(config, learner);
    // Through storage and back, as the run page reads it.
    const stored = readStoredMetrics(JSON.parse(JSON.stringify(toStoredMetrics(outcome.metrics, outcome.frames))));
    const last = stored.snapshot;
    if (last?.kind !== 'cnn') throw new Error('expected a CNN picture');
    return { learner, last };
  });
}

/** The reference: the trained model's own forward pass, and every activation after a convolution. */
function engineForward(learner: Learner, image: number[]) {
  return withDefaultDtype('float32', () =>
    noGrad(() => {
      const model = learner.model;
      if (!(model instanceof nn.Sequential)) throw new Error('expected the CNN to be a Sequential');
      model.eval();
      const layers = model.layers;
      let h = tensor({ data: image, shape: [1, 1, DIGIT_SIZE, DIGIT_SIZE] });
      const maps: number[][] = [];
      layers.forEach((layer, i) => {
        h = layer.forward(h);
        if (i > 0 && layers[i - 1] instanceof nn.Conv2d) maps.push(Array.from(h.data));
      });
      const logits = Array.from(h.data);
      const top = Math.max(...logits);
      const sum = logits.reduce((s, v) => s + Math.exp(v - top), 0);
      return { probabilities: logits.map((v) => Math.exp(v - top) / sum), maps };
    }),
  );
}

afterEach(() => setKernelBackend(null));

describe('draw a digit', () => {
  const { learner, last } = trainKeepingModel(cnn);
  const validation = generateDigitDataset(cnn).val;
  // A drawn "7" (stroke coordinates as the canvas records them) and a generated validation image.
  const drawn = drawnDigitImage([[[0.2, 0.15], [0.8, 0.15], [0.45, 0.9]]]);
  const images = [drawn, validation.images[0], validation.images[1]];

  it('stores the trained weights with the last picture only', () => {
    expect(last.parameters).toHaveLength(learner.model.parameters().length);
    expect(last.parameters?.map((p) => p.length)).toEqual(learner.model.parameters().map((p) => p.size));
    // Stored short, read back exactly: every weight is the trained float32.
    learner.model.parameters().forEach((p, k) => expect(Float32Array.from(last.parameters![k])).toEqual(Float32Array.from(p.data)));
    const earlier = withDefaultDtype('float32', () => runGradientTraining(cnn, createCnnLearner(cnn))).frames.slice(0, -1);
    expect(earlier.every((frame) => frame.kind === 'cnn' && frame.parameters === undefined)).toBe(true);
  });

  for (const backend of ['wasm', 'ts'] as const) {
    it(`matches the engine's forward pass of the trained model on the same input (${backend} kernels)`, () => {
      const reference = images.map((image) => engineForward(learner, image));
      setKernelBackend(backend);
      for (const [k, image] of images.entries()) {
        const prediction = predictDigit(cnn, last.parameters!, image);
        prediction.probabilities.forEach((p, digit) => expect(Math.abs(p - reference[k].probabilities[digit])).toBeLessThan(1e-5));
        expect(prediction.predicted).toBe(reference[k].probabilities.indexOf(Math.max(...reference[k].probabilities)));
        expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        // Every feature map of both convolution layers: 3 maps of 12×12, then 2 of 6×6.
        expect(prediction.convLayers.map((layer) => [layer.maps.length, layer.side])).toEqual([[3, 12], [2, 6]]);
        prediction.convLayers.forEach((layer, l) => layer.maps.flat().forEach((value, i) => expect(Math.abs(value - reference[k].maps[l][i])).toBeLessThan(1e-5)));
      }
    });
  }

  it('turns a drawing into the generated digits\' representation: 12×12 in [0, 1], centred and scaled, drawn with their pen', () => {
    expect(drawn).toHaveLength(DIGIT_SIZE * DIGIT_SIZE);
    expect(drawn.every((v) => v >= 0 && v <= 1)).toBe(true);
    // Where the drawing sits on the canvas and how big it is does not matter.
    const smallInCorner = drawnDigitImage([[[0.05, 0.05], [0.25, 0.05], [0.13, 0.3]]]);
    // The same strokes 3.2 times bigger, elsewhere on the canvas.
    const big = drawnDigitImage([[[0.1, 0.1], [0.74, 0.1], [0.356, 0.9]]]);
    smallInCorner.forEach((value, i) => expect(value).toBeCloseTo(big[i], 9));
    // It is exactly the renderer of the generated digits on the fitted strokes.
    const scale = DRAWN_EXTENT / 0.75;
    const fitted = [[[0.2, 0.15], [0.8, 0.15], [0.45, 0.9]].map(([x, y]) => [0.5 + (x - 0.5) * scale, 0.5 + (y - 0.525) * scale] as [number, number])];
    renderStrokes(fitted, DRAWN_PEN_HALF_WIDTH).forEach((value, i) => expect(value).toBeCloseTo(drawn[i], 12));
  });

  it('refuses an image of the wrong shape or with NaN, and weights that do not fit the model', () => {
    expect(() => predictDigit(cnn, last.parameters!, drawn.slice(1))).toThrow();
    expect(() => predictDigit(cnn, last.parameters!, drawn.map((v, i) => (i === 7 ? Number.NaN : v)))).toThrow();
    expect(() => predictDigit(cnn, last.parameters!.slice(1), drawn)).toThrow(StoredWeightsMismatchError);
    expect(() => predictDigit({ ...cnn, filters: 4 }, last.parameters!, drawn)).toThrow(StoredWeightsMismatchError);
    expect(() => drawnDigitImage([])).toThrow();
    expect(() => drawnDigitImage([[[Number.NaN, 0.5]]])).toThrow();
  });
});
