import { binaryCrossEntropyWithLogits, crossEntropy, noGrad, tensor, type Tensor, type nn } from '@/engine';
import type { TrainingSnapshot } from '../types';
import { argmaxRows, range } from './gather-rows';
import type { Learner } from './learner';
import { withWeightStats } from '../snapshot-content';

export type Split = 'train' | 'val';

/**
 * How the logits are read: 'softmax' is one row of class scores per label (cross-entropy, the
 * largest score wins); 'sigmoid' is one logit per label of 0 or 1 (binary cross-entropy, class 1
 * when the logit is positive).
 */
export type ClassifierHead = 'softmax' | 'sigmoid';

export interface ClassifierOptions {
  model: nn.Module;
  head: ClassifierHead;
  sizes: Record<Split, number>;
  /** The logits for these examples of a split, one row per label that `labels` returns. */
  forward: (split: Split, indices: readonly number[]) => Tensor;
  /** The labels the logits are scored against (a Transformer has one per output position). */
  labels: (split: Split, indices: readonly number[]) => number[];
  snapshot: (epoch: number) => TrainingSnapshot;
}

/**
 * The scaffold every gradient-trained learner shares: the batch loss with its count of right
 * answers, and the validation pass. A learner says only how its examples become logits and labels.
 */
export function classifierLearner({ model, head, sizes, forward, labels, snapshot }: ClassifierOptions): Learner {
  const valIndices = range(sizes.val);
  const score = (split: Split, indices: readonly number[]) => {
    const logits = forward(split, indices);
    const targets = labels(split, indices);
    const loss =
      head === 'softmax' ? crossEntropy(logits, targets) : binaryCrossEntropyWithLogits(logits, tensor({ data: targets, shape: [targets.length, 1] }));
    return { loss, correct: countCorrect(head, logits, targets), count: targets.length };
  };

  return {
    model,
    trainSize: sizes.train,
    batchLoss: (indices) => score('train', indices),
    evaluate: () =>
      noGrad(() => {
        const { loss, correct, count } = score('val', valIndices);
        return { loss: loss.item(), acc: correct / count };
      }),
    // Every picture also carries the weights' summary (snapshot-content.ts).
    snapshot: (epoch) => withWeightStats(snapshot(epoch), model),
  };
}

function countCorrect(head: ClassifierHead, logits: Tensor, labels: readonly number[]): number {
  const predicted = head === 'softmax' ? argmaxRows(logits) : labels.map((_, k) => Number(logits.data[k] > 0));
  return predicted.reduce((n, label, k) => n + (label === labels[k] ? 1 : 0), 0);
}
