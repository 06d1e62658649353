import { describe, expect, it } from 'vitest';
import type { Tensor } from '../tensor';
import { tensor } from '../creation';
import { rng } from '../rng';
import { Dropout, Linear, Module, ReLU, Sequential, Sigmoid } from './index';

class Tied extends Module {
  readonly a: Linear;
  readonly b: Linear;
  readonly shared: Tensor;

  constructor() {
    super();
    this.a = new Linear(2, 2, { rng: rng(1) });
    this.b = new Linear(2, 2, { rng: rng(2) });
    this.shared = this.a.weight; // the same tensor reachable twice
  }
}

describe('Module', () => {
  it('finds the parameters of nested layers in declaration order', () => {
    const first = new Linear(3, 4, { rng: rng(0) });
    const last = new Linear(4, 1, { rng: rng(0) });
    const model = new Sequential([first, new ReLU(), last]);
    const params = model.parameters();
    expect(params).toEqual([first.weight, first.bias, last.weight, last.bias]);
    expect(params.map((p) => p.shape)).toEqual([[3, 4], [4], [4, 1], [1]]);
    expect(model.parameterCount()).toBe(3 * 4 + 4 + 4 + 1);
  });

  it('lists a tensor shared by two fields once, so an optimiser updates it once', () => {
    const model = new Tied();
    expect(model.parameters()).toHaveLength(4);
  });

  it('ignores tensors that do not require a gradient (constants a layer keeps)', () => {
    class WithConstant extends Module {
      readonly scale = tensor([2]);
      readonly weight = tensor([1], { requiresGrad: true });
    }
    expect(new WithConstant().parameters()).toHaveLength(1);
  });

  it('switches every nested layer between training and evaluation', () => {
    const dropout = new Dropout(0.5, { rng: rng(0) });
    const model = new Sequential([new Linear(2, 2, { rng: rng(0) }), new Sequential([dropout, new Sigmoid()])]);
    expect(dropout.training).toBe(true);
    model.eval();
    expect(dropout.training).toBe(false);
    expect(model.training).toBe(false);
    model.train();
    expect(dropout.training).toBe(true);
  });

  it('zeroGrad clears the gradient of every parameter', () => {
    const model = new Linear(2, 3, { rng: rng(0) });
    model.forward(tensor([[1, 2]])).sum().backward();
    expect(model.weight.grad).not.toBeNull();
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad === null)).toBe(true);
  });
});
