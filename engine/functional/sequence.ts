// Recurrent cells as in the lecture, in row-vector convention: x is [batch, in], h is
// [batch, hidden], and weights multiply from the right (x U rather than U x), so a batch is
// one matmul.
import type { Tensor } from '../tensor';
import { EngineError } from '../errors';

export type Activation = 'tanh' | 'relu' | 'sigmoid' | ((t: Tensor) => Tensor);

export interface RnnCellParams {
  /** Input-to-hidden weights [in, hidden]. */
  U: Tensor;
  /** Hidden-to-hidden weights [hidden, hidden]. */
  W: Tensor;
  /** Bias [hidden]. */
  b: Tensor;
}

export interface RnnCellOptions {
  /** φ in h' = φ(xU + hW + b); tanh by default. */
  activation?: Activation;
}

function applyActivation(t: Tensor, activation: Activation): Tensor {
  if (typeof activation === 'function') return activation(t);
  if (activation === 'tanh') return t.tanh();
  if (activation === 'relu') return t.relu();
  return t.sigmoid();
}

/** One step of a vanilla RNN: h' = φ(x U + h W + b). */
export function rnnCell(x: Tensor, h: Tensor, { U, W, b }: RnnCellParams, options: RnnCellOptions = {}): Tensor {
  return applyActivation(x.matmul(U).add(h.matmul(W)).add(b), options.activation ?? 'tanh');
}

export interface LstmCellParams {
  /** Input weights [in, 4·hidden], gate blocks in the order f, i, g, o. */
  Wx: Tensor;
  /** Recurrent weights [hidden, 4·hidden], same block order. */
  Wh: Tensor;
  /** Bias [4·hidden], same block order. */
  b: Tensor;
}

export interface LstmGates {
  /** Forget gate σ(·). */
  f: Tensor;
  /** Input gate σ(·). */
  i: Tensor;
  /** Candidate cell state C̃ = tanh(·). */
  g: Tensor;
  /** Output gate σ(·). */
  o: Tensor;
}

export interface LstmStep {
  h: Tensor;
  c: Tensor;
  gates: LstmGates;
}

/**
 * One LSTM step. The four gates come from one [batch, 4H] pre-activation
 * z = x Wx + h Wh + b (two matmuls per step instead of eight), cut into blocks f, i, g, o:
 *   c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c').
 */
export function lstmCell(x: Tensor, h: Tensor, c: Tensor, { Wx, Wh, b }: LstmCellParams): LstmStep {
  const width = Wx.shape[Wx.shape.length - 1];
  const hidden = c.shape[c.shape.length - 1];
  if (width !== 4 * hidden) {
    throw new EngineError('lstmCell', `weights have ${width} columns; expected 4 × hidden = ${4 * hidden}`);
  }
  const z = x.matmul(Wx).add(h.matmul(Wh)).add(b);
  const block = (k: number) => z.slice(-1, k * hidden, (k + 1) * hidden);
  const f = block(0).sigmoid();
  const i = block(1).sigmoid();
  const g = block(2).tanh();
  const o = block(3).sigmoid();
  const cNext = f.mul(c).add(i.mul(g));
  return { h: o.mul(cNext.tanh()), c: cNext, gates: { f, i, g, o } };
}
