import { crossEntropy, nn, rng, tensor, type Tensor } from '@/engine';
import type { TRecurrentConfig } from '../config-schema';
import { generateSequenceDataset, type SequenceDataset, type SequenceSet } from '../datasets/sequences';
import type { SequenceSnapshot } from '../types';
import { range } from './gather-rows';
import { classifierLearner } from './classifier';
import type { Learner } from './learner';

/** A recurrent layer read out once, from its last hidden state, into one score per symbol. */
export class SequenceClassifier extends nn.Module {
  readonly cell: nn.RNN | nn.LSTM;
  readonly head: nn.Linear;

  constructor(config: TRecurrentConfig) {
    super();
    const initRng = rng(`${config.seed}:init`);
    const inputs = recurrentInputSize(config);
    this.cell = config.model === 'lstm' ? new nn.LSTM(inputs, config.hiddenSize, { rng: initRng }) : new nn.RNN(inputs, config.hiddenSize, { rng: initRng });
    this.head = new nn.Linear(config.hiddenSize, config.symbols, { rng: initRng });
  }

  forward(x: Tensor): Tensor {
    return this.head.forward(this.cell.forward(x).h);
  }
}

/**
 * One-hot symbol plus a marker channel that is 1 at the step whose symbol is the answer (the first
 * step, or the last for the control task). The marker tells the network *when* to store, as in
 * Hochreiter and Schmidhuber's long-lag experiments; keeping it until the end is the hard part.
 */
export function recurrentInputSize(config: Pick<TRecurrentConfig, 'symbols'>): number {
  return config.symbols + 1;
}

/** How many validation sequences the gradient-per-step picture averages over. */
const GRADIENT_PROBE = 64;

export function createRecurrentLearner(config: TRecurrentConfig, data: SequenceDataset = generateSequenceDataset(config)): Learner {
  const model = new SequenceClassifier(config);
  const width = recurrentInputSize(config);
  const markedStep = config.task === 'first-symbol' ? 0 : config.seqLength - 1;
  const oneHot = (set: SequenceSet, indices: readonly number[], requiresGrad = false) => {
    const steps = config.seqLength;
    const values = new Float64Array(indices.length * steps * width);
    indices.forEach((index, b) =>
      set.sequences[index].forEach((symbol, t) => {
        values[(b * steps + t) * width + symbol] = 1;
        if (t === markedStep) values[(b * steps + t) * width + width - 1] = 1;
      }),
    );
    return tensor({ data: values, shape: [indices.length, steps, width] }, { requiresGrad });
  };
  const valIndices = range(data.val.labels.length);

  return classifierLearner({
    model,
    head: 'softmax',
    sizes: { train: data.train.labels.length, val: data.val.labels.length },
    forward: (split, indices) => model.forward(oneHot(data[split], indices)),
    labels: (split, indices) => indices.map((i) => data[split].labels[i]),
    snapshot: (epoch): SequenceSnapshot => {
      // ‖∂loss/∂x_t‖ averaged over a validation batch: the vanishing gradient, step by step.
      const probe = valIndices.slice(0, GRADIENT_PROBE);
      const x = oneHot(data.val, probe, true);
      crossEntropy(model.forward(x), probe.map((i) => data.val.labels[i])).backward();
      model.zeroGrad();
      const grad = x.grad?.data ?? new Float64Array(x.size);
      const steps = config.seqLength;
      const gradNorms = range(steps).map((t) => {
        let total = 0;
        for (let b = 0; b < probe.length; b++) {
          let squared = 0;
          for (let s = 0; s < width; s++) squared += grad[(b * steps + t) * width + s] ** 2;
          total += Math.sqrt(squared);
        }
        return Number((total / probe.length).toPrecision(4));
      });
      return { kind: 'sequence', epoch, gradNorms };
    },
  });
}
