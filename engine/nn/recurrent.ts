import type { DType, Tensor } from '../tensor';
import { zeros } from '../creation';
import { stack } from '../ops/shape-ops';
import type { Rng } from '../rng';
import { lstmCell, rnnCell, type Activation } from '../functional/sequence';
import { Module } from './module';
import { filledParameter, initWeight, parameter } from './init';
import { EngineError } from '../errors';

export interface RecurrentOptions {
  rng: Rng;
  dtype?: DType;
}

export interface RnnOutput {
  /** Hidden state at every step, [batch, seq, hidden]. */
  outputs: Tensor;
  /** Hidden state after the last step, [batch, hidden]. */
  h: Tensor;
}

export interface LstmOutput extends RnnOutput {
  /** Cell state after the last step, [batch, hidden]. */
  c: Tensor;
}

/** Vanilla RNN unrolled over x [batch, seq, in]: h_t = φ(x_t U + h_{t−1} W + b), h_0 = 0 by default. */
export class RNN extends Module {
  readonly U: Tensor;
  readonly W: Tensor;
  readonly b: Tensor;
  readonly activation: Activation;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    options: RecurrentOptions & { activation?: Activation },
  ) {
    super();
    const { rng, dtype } = options;
    this.U = initWeight([inputSize, hiddenSize], 'xavier', { fanIn: inputSize, fanOut: hiddenSize }, rng, dtype);
    this.W = initWeight([hiddenSize, hiddenSize], 'xavier', { fanIn: hiddenSize, fanOut: hiddenSize }, rng, dtype);
    this.b = filledParameter([hiddenSize], 0, dtype);
    this.activation = options.activation ?? 'tanh';
  }

  forward(x: Tensor, h0?: Tensor): RnnOutput {
    const [batch, seq] = checkSequence('RNN', x, this.inputSize);
    let h = h0 ?? zeros([batch, this.hiddenSize], { dtype: this.W.dtype });
    const outputs: Tensor[] = [];
    for (let t = 0; t < seq; t++) {
      h = rnnCell(timeStep(x, t), h, this, { activation: this.activation });
      outputs.push(h);
    }
    return { outputs: stack(outputs, 1), h };
  }
}

/**
 * LSTM unrolled over x [batch, seq, in]. Weights Wx [in, 4H], Wh [H, 4H], b [4H] with gate
 * blocks f, i, g, o (see lstmCell). Xavier-uniform per gate block; the forget-gate bias starts
 * at 1 so the cell remembers by default early in training (Jozefowicz et al., 2015; Keras'
 * unit_forget_bias), every other bias at 0.
 */
export class LSTM extends Module {
  readonly Wx: Tensor;
  readonly Wh: Tensor;
  readonly b: Tensor;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    options: RecurrentOptions,
  ) {
    super();
    const H = hiddenSize;
    const { rng, dtype } = options;
    // Fan-out H, not 4H: each gate block is its own layer.
    this.Wx = initWeight([inputSize, 4 * H], 'xavier', { fanIn: inputSize, fanOut: H }, rng, dtype);
    this.Wh = initWeight([H, 4 * H], 'xavier', { fanIn: H, fanOut: H }, rng, dtype);
    this.b = parameter(Array.from({ length: 4 * H }, (_, j) => (j < H ? 1 : 0)), [4 * H], dtype);
  }

  forward(x: Tensor, state: { h?: Tensor; c?: Tensor } = {}): LstmOutput {
    const [batch, seq] = checkSequence('LSTM', x, this.inputSize);
    let h = state.h ?? zeros([batch, this.hiddenSize], { dtype: this.Wh.dtype });
    let c = state.c ?? zeros([batch, this.hiddenSize], { dtype: this.Wh.dtype });
    const outputs: Tensor[] = [];
    for (let t = 0; t < seq; t++) {
      ({ h, c } = lstmCell(timeStep(x, t), h, c, this));
      outputs.push(h);
    }
    return { outputs: stack(outputs, 1), h, c };
  }
}

function checkSequence(layer: string, x: Tensor, inputSize: number): [number, number] {
  if (x.shape.length !== 3 || x.shape[2] !== inputSize) {
    throw new EngineError(layer, `expected input [batch, seq, ${inputSize}], got [${x.shape.join(', ')}]`);
  }
  return [x.shape[0], x.shape[1]];
}

/** x[:, t, :] as [batch, in]. */
function timeStep(x: Tensor, t: number): Tensor {
  const [batch, , features] = x.shape;
  return x.slice(1, t, t + 1).reshape([batch, features]);
}
