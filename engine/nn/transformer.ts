import type { DType, Tensor } from '../tensor';
import type { Rng } from '../rng';
import { causalMask } from '../functional/attention';
import { Module } from './module';
import { Linear } from './linear';
import { LayerNorm } from './layer-norm';
import { Dropout } from './dropout';
import { MultiHeadAttention } from './attention';

export interface TransformerLayerOptions {
  rng: Rng;
  /** Dropout after attention and after the feed-forward block (default 0). */
  dropout?: number;
  dtype?: DType;
}

/** Position-wise feed-forward block: Linear(dModel → dFF), ReLU, Linear(dFF → dModel). */
class FeedForward extends Module {
  readonly expand: Linear;
  readonly contract: Linear;

  constructor(dModel: number, dFF: number, { rng, dtype }: TransformerLayerOptions) {
    super();
    this.expand = new Linear(dModel, dFF, { rng, dtype, init: 'he' });
    this.contract = new Linear(dFF, dModel, { rng, dtype });
  }

  forward(x: Tensor): Tensor {
    return this.contract.forward(this.expand.forward(x).relu());
  }
}

/**
 * One encoder layer of "Attention Is All You Need", post-norm as in the paper:
 *   x ← LayerNorm(x + Dropout(SelfAttention(x)));  x ← LayerNorm(x + Dropout(FFN(x))).
 * x [batch, seq, dModel]; the optional mask broadcasts to [batch, heads, seq, seq].
 */
export class TransformerEncoderLayer extends Module {
  readonly selfAttention: MultiHeadAttention;
  readonly feedForward: FeedForward;
  readonly norm1: LayerNorm;
  readonly norm2: LayerNorm;
  readonly dropout: Dropout;

  constructor(dModel: number, heads: number, dFF: number, options: TransformerLayerOptions) {
    super();
    this.selfAttention = new MultiHeadAttention(dModel, heads, options);
    this.feedForward = new FeedForward(dModel, dFF, options);
    this.norm1 = new LayerNorm(dModel, { dtype: options.dtype });
    this.norm2 = new LayerNorm(dModel, { dtype: options.dtype });
    this.dropout = new Dropout(options.dropout ?? 0, { rng: options.rng });
  }

  forward(x: Tensor, options: { mask?: Tensor } = {}): Tensor {
    const attended = this.selfAttention.forward(x, x, { mask: options.mask }).output;
    const h = this.norm1.forward(x.add(this.dropout.forward(attended)));
    return this.norm2.forward(h.add(this.dropout.forward(this.feedForward.forward(h))));
  }
}

export interface DecoderMasks {
  /** Mask for self-attention over the target; a causal mask over its length when omitted. */
  selfMask?: Tensor;
  /** Mask for cross-attention from target positions to memory positions (e.g. padding). */
  memoryMask?: Tensor;
}

/**
 * One decoder layer, post-norm: masked self-attention, cross-attention to the encoder's memory,
 * feed-forward, each wrapped in a residual connection and a LayerNorm.
 * x [batch, seqT, dModel], memory [batch, seqS, dModel].
 */
export class TransformerDecoderLayer extends Module {
  readonly selfAttention: MultiHeadAttention;
  readonly crossAttention: MultiHeadAttention;
  readonly feedForward: FeedForward;
  readonly norm1: LayerNorm;
  readonly norm2: LayerNorm;
  readonly norm3: LayerNorm;
  readonly dropout: Dropout;

  constructor(dModel: number, heads: number, dFF: number, options: TransformerLayerOptions) {
    super();
    this.selfAttention = new MultiHeadAttention(dModel, heads, options);
    this.crossAttention = new MultiHeadAttention(dModel, heads, options);
    this.feedForward = new FeedForward(dModel, dFF, options);
    this.norm1 = new LayerNorm(dModel, { dtype: options.dtype });
    this.norm2 = new LayerNorm(dModel, { dtype: options.dtype });
    this.norm3 = new LayerNorm(dModel, { dtype: options.dtype });
    this.dropout = new Dropout(options.dropout ?? 0, { rng: options.rng });
  }

  forward(x: Tensor, memory: Tensor, masks: DecoderMasks = {}): Tensor {
    const seq = x.shape[x.shape.length - 2];
    const selfMask = masks.selfMask ?? causalMask(seq);
    const selfAttended = this.selfAttention.forward(x, x, { mask: selfMask }).output;
    let h = this.norm1.forward(x.add(this.dropout.forward(selfAttended)));
    const crossAttended = this.crossAttention.forward(h, memory, { mask: masks.memoryMask }).output;
    h = this.norm2.forward(h.add(this.dropout.forward(crossAttended)));
    return this.norm3.forward(h.add(this.dropout.forward(this.feedForward.forward(h))));
  }
}
