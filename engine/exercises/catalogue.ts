// The ids of every exercise type, in course order, without the types themselves: what a browser
// may know. index.ts checks at load that this list is exactly the registry's, so it cannot drift.

export const EXERCISE_TYPE_IDS = [
  'perceptron-step',
  'delta-rule',
  'sigmoid-derivative',
  'comp-graph',
  'affine-backward',
  'softmax-ce-grad',
  'weight-decay',
  'conv2d-output',
  'conv-output-shape',
  'pooling',
  'lenet-shapes',
  'param-counts',
  'dropout',
  'rnn-step',
  'lstm-step',
  'dot-attention',
  'causal-attention',
  'mha-shapes',
] as const;

export type ExerciseTypeId = (typeof EXERCISE_TYPE_IDS)[number];

const known: ReadonlySet<string> = new Set(EXERCISE_TYPE_IDS);

export function isExerciseTypeId(id: string): boolean {
  return known.has(id);
}
