import { nn, noGrad, rng, type Tensor } from '@/engine';
import type { TTransformerConfig } from '../config-schema';
import { generateTranslationDataset, type TranslationDataset } from '../datasets/translation';
import type { AttentionSnapshot } from '../types';
import { argmaxRows, range } from './gather-rows';
import { classifierLearner } from './classifier';
import type { Learner } from './learner';
import { storedParameters } from '../stored-parameters';

/**
 * Encoder-only Transformer for same-length sequence-to-sequence tasks: token + learned position
 * embeddings, `layers` post-norm encoder layers, a linear read-out per position. Output position
 * i must find the input token it copies (the mirrored position when reversing), which is exactly
 * what the attention heatmap shows.
 */
export class TinyTransformer extends nn.Module {
  readonly tokens: nn.Embedding;
  readonly positions: nn.Embedding;
  readonly layers: nn.TransformerEncoderLayer[];
  readonly head: nn.Linear;

  constructor(readonly config: TTransformerConfig) {
    super();
    const initRng = rng(`${config.seed}:init`);
    this.tokens = new nn.Embedding(config.vocab, config.dModel, { rng: initRng });
    this.positions = new nn.Embedding(config.seqLength, config.dModel, { rng: initRng });
    this.layers = range(config.layers).map(() => new nn.TransformerEncoderLayer(config.dModel, config.heads, config.dFF, { rng: initRng, dropout: config.dropout }));
    this.head = new nn.Linear(config.dModel, config.vocab, { rng: initRng });
  }

  embed(inputs: readonly (readonly number[])[]): Tensor {
    const positions = inputs.map(() => range(this.config.seqLength));
    return this.tokens.forward(inputs.map((row) => [...row])).add(this.positions.forward(positions));
  }

  /** Logits [batch · seqLength, vocab], one row per output position. */
  forward(inputs: readonly (readonly number[])[]): Tensor {
    const h = this.layers.reduce((x, layer) => layer.forward(x), this.embed(inputs));
    return this.head.forward(h).reshape([inputs.length * this.config.seqLength, this.config.vocab]);
  }

  /** Attention weights [layer][head][query][key] for one sequence, in eval mode. */
  attention(input: readonly number[]): number[][][][] {
    const { heads, seqLength: n } = this.config;
    let h = this.embed([input]);
    const result: number[][][][] = [];
    for (const layer of this.layers) {
      const weights = layer.selfAttention.forward(h).weights.data;
      result.push(range(heads).map((head) => range(n).map((q) => range(n).map((k) => Math.round(weights[(head * n + q) * n + k] * 1000) / 1000))));
      h = layer.forward(h);
    }
    return result;
  }
}

export function createTransformerLearner(config: TTransformerConfig, data: TranslationDataset = generateTranslationDataset(config)): Learner {
  const model = new TinyTransformer(config);

  const learner = classifierLearner({
    model,
    head: 'softmax',
    sizes: { train: data.train.inputs.length, val: data.val.inputs.length },
    forward: (split, indices) => model.forward(indices.map((i) => data[split].inputs[i])),
    labels: (split, indices) => indices.flatMap((i) => data[split].targets[i]),
    snapshot: (epoch): AttentionSnapshot =>
      noGrad(() => {
        const input = data.val.inputs[0];
        return {
          kind: 'attention',
          epoch,
          input,
          target: data.val.targets[0],
          predicted: argmaxRows(model.forward([input])),
          weights: model.attention(input),
        };
      }),
  });
  // The last picture keeps the trained weights: the server traces your own sentence through them.
  return { ...learner, withTrainedWeights: (snapshot) => (snapshot.kind === 'attention' ? { ...snapshot, parameters: storedParameters(model) } : snapshot) };
}
