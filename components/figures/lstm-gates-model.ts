import { lstmCell, noGrad, tensor, type Tensor } from '@/engine';

/** One scalar LSTM (input 1, hidden 1) with the lecture's weights: each gate's [w_h, w_x]. */
export const LSTM_WEIGHTS = {
  forget: { wh: 1, wx: 1.5 },
  input: { wh: 2, wx: -1 },
  candidate: { wh: 0, wx: 1 },
  output: { wh: 2, wx: 0 },
} as const;

export interface LstmSetup {
  sequence: number[];
  h0: number;
  c0: number;
  /** Forget-gate bias (the other biases are 0, as in the lecture). */
  forgetBias: number;
}

/** The lecture's worked step is the first one: h₀ = 0.5, C₀ = 2, x₁ = 1. */
export const LSTM_DEFAULTS: LstmSetup = { sequence: [1, 1, -4, 0.5, 2], h0: 0.5, c0: 2, forgetBias: 0 };

export interface LstmStepValues {
  x: number;
  f: number;
  i: number;
  g: number;
  o: number;
  c: number;
  h: number;
  /** State entering the step. */
  cPrevious: number;
}

/** Runs the engine's lstmCell over the sequence and reads every gate at every step. */
export function runLstm({ sequence, h0, c0, forgetBias }: LstmSetup): LstmStepValues[] {
  return noGrad(() => {
    const { forget, input, candidate, output } = LSTM_WEIGHTS;
    // Gate blocks in the engine's order f, i, g, o.
    const params = {
      Wx: tensor([[forget.wx, input.wx, candidate.wx, output.wx]]),
      Wh: tensor([[forget.wh, input.wh, candidate.wh, output.wh]]),
      b: tensor([forgetBias, 0, 0, 0]),
    };
    let h: Tensor = tensor([[h0]]);
    let c: Tensor = tensor([[c0]]);
    return sequence.map((x) => {
      const cPrevious = c.item();
      const step = lstmCell(tensor([[x]]), h, c, params);
      h = step.h;
      c = step.c;
      return { x, f: step.gates.f.item(), i: step.gates.i.item(), g: step.gates.g.item(), o: step.gates.o.item(), c: c.item(), h: h.item(), cPrevious };
    });
  });
}

export const MAX_SEQUENCE_LENGTH = 10;
export const MAX_INPUT = 10;

/** Reads "1, 1, -4" (commas or spaces); null with a reason key when it is not 1–10 numbers in [−10, 10]. */
export function parseSequence(text: string): { sequence: number[] } | { error: 'empty' | 'notNumber' | 'tooLong' | 'outOfRange' } {
  const parts = text.replace(/\u2212/g, '-').split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { error: 'empty' };
  if (parts.length > MAX_SEQUENCE_LENGTH) return { error: 'tooLong' };
  const sequence = parts.map(Number);
  if (sequence.some((value, index) => !Number.isFinite(value) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(parts[index]))) return { error: 'notNumber' };
  if (sequence.some((value) => Math.abs(value) > MAX_INPUT)) return { error: 'outOfRange' };
  return { sequence };
}
