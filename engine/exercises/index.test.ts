import { describe, expect, it } from 'vitest';
import { exerciseTypes, generate, grade, mistakeCatalogue, solve, ZExerciseTypeId } from './index';

/** The ids other teams store and link to, with the lecture unit each belongs to. */
const FIXED_TYPES: Record<string, string> = {
  'perceptron-step': 'perceptron',
  'delta-rule': 'perceptron',
  'sigmoid-derivative': 'perceptron',
  'comp-graph': 'backprop',
  'affine-backward': 'backprop',
  'softmax-ce-grad': 'backprop',
  'weight-decay': 'regularization',
  'conv2d-output': 'cnn',
  'conv-output-shape': 'cnn',
  pooling: 'cnn',
  'lenet-shapes': 'cnn',
  'param-counts': 'cnn',
  dropout: 'cnn',
  'rnn-step': 'rnn-lstm',
  'lstm-step': 'rnn-lstm',
  'dot-attention': 'attention',
  'causal-attention': 'attention',
  'mha-shapes': 'attention',
};

describe('exercise catalogue', () => {
  it('lists exactly the agreed type ids, each in its unit', () => {
    expect(Object.fromEntries(exerciseTypes.map((type) => [type.id, type.unit]))).toEqual(FIXED_TYPES);
  });

  it('documents a tolerance and bilingual title for every type', () => {
    for (const type of exerciseTypes) {
      expect(type.title.ko && type.title.en).toBeTruthy();
      expect(type.tolerance.doc.ko && type.tolerance.doc.en).toBeTruthy();
      expect(type.tolerance.relative).toBeGreaterThanOrEqual(0);
    }
  });

  it('explains every mistake a type can name, and every catalogued mistake is used', () => {
    const used = new Set(exerciseTypes.flatMap((type) => type.mistakeIds));
    for (const id of used) expect(mistakeCatalogue[id]).toBeDefined();
    expect([...used].sort()).toEqual(Object.keys(mistakeCatalogue).sort());
  });

  it('rejects an unknown type id or a seed that is not a 32-bit unsigned integer', () => {
    expect(() => generate('no-such-type', 1)).toThrow(/unknown exercise type/);
    expect(() => solve('comp-graph', -1)).toThrow(/seed/);
    expect(() => grade('comp-graph', 1.5, 0)).toThrow(/seed/);
    expect(() => generate('comp-graph', 2 ** 32)).toThrow(/seed/);
    expect(ZExerciseTypeId.safeParse('pooling').success).toBe(true);
    expect(ZExerciseTypeId.safeParse('no-such-type').success).toBe(false);
  });

  it('produces plain JSON for the browser', () => {
    for (const type of exerciseTypes) {
      const shown = generate(type.id, 77);
      expect(JSON.parse(JSON.stringify(shown))).toEqual(shown);
    }
  });
});
