import { rng } from '@/engine';
import type { TRecurrentConfig } from '../config-schema';
import { splitIndices } from './split';

// Long-range memory, the RNN-vs-LSTM lesson: a sequence of random symbols whose label is its
// first symbol ('first-symbol': must be carried through every later step) or its last symbol
// ('last-symbol': the easy control). Symbols are one-hot coded.

export interface SequenceSet {
  /** Symbol indices, one sequence per row. */
  sequences: number[][];
  labels: number[];
}

export interface SequenceDataset {
  train: SequenceSet;
  val: SequenceSet;
}

export function generateSequenceDataset(config: Pick<TRecurrentConfig, 'task' | 'samples' | 'seqLength' | 'symbols' | 'valSplit'>): SequenceDataset {
  const random = rng(`sequence:${config.task}:${config.samples}:${config.seqLength}:${config.symbols}`);
  const sequences: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < config.samples; i++) {
    const sequence = Array.from({ length: config.seqLength }, () => random.int(config.symbols));
    // Balanced classes: the remembered symbol cycles through the alphabet.
    const position = config.task === 'first-symbol' ? 0 : config.seqLength - 1;
    sequence[position] = i % config.symbols;
    sequences.push(sequence);
    labels.push(sequence[position]);
  }
  const split = splitIndices(config.samples, config.valSplit, random);
  const pick = (indices: number[]): SequenceSet => ({ sequences: indices.map((i) => sequences[i]), labels: indices.map((i) => labels[i]) });
  return { train: pick(split.train), val: pick(split.val) };
}
