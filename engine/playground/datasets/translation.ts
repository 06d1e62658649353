import { rng } from '@/engine';
import type { TTransformerConfig } from '../config-schema';
import { splitIndices } from './split';

// Toy translation: map a sequence of tokens to its reverse ('reverse') or to its sorted order
// ('sort'). Reversal shows up in the attention heatmap as an anti-diagonal.

export interface TranslationSet {
  inputs: number[][];
  targets: number[][];
}

export interface TranslationDataset {
  train: TranslationSet;
  val: TranslationSet;
}

export function translate(task: TTransformerConfig['task'], input: readonly number[]): number[] {
  return task === 'reverse' ? [...input].reverse() : [...input].sort((a, b) => a - b);
}

export function generateTranslationDataset(config: Pick<TTransformerConfig, 'task' | 'samples' | 'seqLength' | 'vocab' | 'valSplit'>): TranslationDataset {
  const random = rng(`translation:${config.task}:${config.samples}:${config.seqLength}:${config.vocab}`);
  const inputs: number[][] = [];
  for (let i = 0; i < config.samples; i++) inputs.push(Array.from({ length: config.seqLength }, () => random.int(config.vocab)));
  const targets = inputs.map((input) => translate(config.task, input));
  const split = splitIndices(config.samples, config.valSplit, random);
  const pick = (indices: number[]): TranslationSet => ({ inputs: indices.map((i) => inputs[i]), targets: indices.map((i) => targets[i]) });
  return { train: pick(split.train), val: pick(split.val) };
}
