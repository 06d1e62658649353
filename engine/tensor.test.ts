import { describe, expect, it } from 'vitest';
import { defaultDtype, defineOp, noGrad, setDefaultDtype, Tensor, withDefaultDtype } from './tensor';
import { tensor, zeros } from './creation';
import * as nn from './nn/index';
import { rng } from './rng';
import { assertGradcheck } from './testing/gradcheck';
import { randomTensor } from './testing/random-shapes';
import { EngineError } from './errors';

describe('tensor()', () => {
  it('builds from a number, nested arrays and flat data with a shape; float64 unless asked', () => {
    expect(tensor(3).shape).toEqual([]);
    expect(tensor(3).item()).toBe(3);
    const m = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(m.shape).toEqual([2, 3]);
    expect(m.dtype).toBe('float64');
    expect(m.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    const f = tensor({ data: [1, 2, 3, 4], shape: [2, 2] }, { dtype: 'float32', requiresGrad: true });
    expect(f.data).toBeInstanceOf(Float32Array);
    expect(f.requiresGrad).toBe(true);
    expect(tensor([]).shape).toEqual([0]);
  });

  it('copies user data, so later edits to the source do not leak in', () => {
    const source = new Float64Array([1, 2]);
    const t = tensor({ data: source, shape: [2] });
    source[0] = 99;
    expect(t.data[0]).toBe(1);
  });
});

describe('backward', () => {
  it('accumulates gradients over a reused node and over repeated backward calls', () => {
    const x = tensor(3, { requiresGrad: true });
    const y = x.mul(x).add(x); // dy/dx = 2x + 1 = 7
    y.backward();
    expect(x.grad?.item()).toBe(7);
    x.mul(2).backward(); // accumulates, like PyTorch
    expect(x.grad?.item()).toBe(9);
    x.zeroGrad();
    expect(x.grad).toBeNull();
  });

  it('handles a diamond graph where an add passes the same gradient array to both parents', () => {
    const x = randomTensor([3], rng('diamond'));
    assertGradcheck((a) => { const h = a.add(a); return h.mul(h).add(h.exp()); }, [x]);
  });

  it('leaves intermediate gradients alone unless retainGrad() is called', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.mul(2).retainGrad();
    const plain = h.add(1);
    plain.sum().backward();
    expect(h.grad?.toArray()).toEqual([1, 1]);
    expect(plain.grad).toBeNull();
  });

  it('takes an explicit upstream gradient for a non-scalar output', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(x).backward(tensor([1, 0, 2]));
    expect(x.grad?.toArray()).toEqual([2, 0, 12]);
  });

  it('walks deep graphs (10,000 chained ops) without overflowing the stack', () => {
    const x = tensor(1, { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 10_000; i++) y = y.mul(1);
    y.backward();
    expect(x.grad?.item()).toBe(1);
  });

  it('keeps float32 gradients in float32', () => {
    const w = tensor([[1, 2]], { requiresGrad: true, dtype: 'float32' });
    w.mul(w).sum().backward();
    expect(w.grad?.data).toBeInstanceOf(Float32Array);
  });

  it('refuses a second backward through a released graph, and explains what to do', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.mul(2);
    h.sum().backward();
    expect(() => h.sum().backward()).toThrow(/already released/);
    const loss = x.mul(3).sum();
    loss.backward();
    expect(() => loss.backward()).toThrow(EngineError);
  });

  it('retainGraph allows a second backward through the same graph', () => {
    const x = tensor(2, { requiresGrad: true });
    const y = x.mul(x);
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad?.item()).toBe(8);
  });
});

describe('clone and dtype conversion', () => {
  it('clone copies values and passes gradients through', () => {
    assertGradcheck((a) => a.clone().mul(a), [randomTensor([2, 2], rng('clone'))]);
    const x = tensor([1, 2]);
    expect(x.clone().data).not.toBe(x.data);
  });

  it('to() converts values and sends gradients back in the source dtype', () => {
    const x = tensor([0.1, 0.2], { requiresGrad: true });
    const y = x.to('float32');
    expect(y.data).toBeInstanceOf(Float32Array);
    expect(y.data[0]).toBe(Math.fround(0.1));
    y.mul(3).sum().backward();
    expect(x.grad?.data).toBeInstanceOf(Float64Array);
    expect(x.grad?.toArray()).toEqual([3, 3]);
  });
});

describe('noGrad and detach', () => {
  it('builds no graph inside noGrad, and restores the mode after a throw', () => {
    const x = tensor(2, { requiresGrad: true });
    const y = noGrad(() => x.mul(3));
    expect(y.requiresGrad).toBe(false);
    expect(y._parents).toBeNull();
    expect(() => noGrad(() => { throw new Error('boom'); })).toThrow('boom');
    expect(x.mul(3).requiresGrad).toBe(true);
  });

  it('detach shares values but cuts the graph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.mul(2).detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.toArray()).toEqual([2, 4]);
  });
});

describe('defineOp', () => {
  it('turns a forward result and a local backward into a graph node that gradcheck accepts', () => {
    const sin = (x: Tensor): Tensor => defineOp({
      name: 'sin', inputs: [x], data: x.data.map(Math.sin), shape: x.shape,
      backward: (g) => [g.map((gi, i) => gi * Math.cos(x.data[i]))],
    });
    assertGradcheck(sin, [randomTensor([2, 3], rng('sin'))]);
  });

  it('rejects a backward that returns the wrong number of values', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const broken = defineOp({ name: 'broken', inputs: [x], data: new Float64Array(1), shape: [], backward: () => [new Float64Array(3)] });
    expect(() => broken.backward()).toThrow(/broken: backward returned 3 gradient values for an input of shape \[2\]/);
  });
});

describe('setDefaultDtype', () => {
  it('sets the dtype of new tensors and layer parameters when none is given, and only then', () => {
    setDefaultDtype('float32');
    try {
      expect(tensor([1, 2]).dtype).toBe('float32');
      expect(zeros([2]).dtype).toBe('float32');
      expect(new nn.Linear(3, 2, { rng: rng(1) }).weight.dtype).toBe('float32');
      expect(tensor([1, 2], { dtype: 'float64' }).dtype).toBe('float64');
    } finally {
      setDefaultDtype('float64');
    }
    expect(defaultDtype()).toBe('float64');
    expect(tensor([1, 2]).dtype).toBe('float64');
    expect(new nn.Linear(3, 2, { rng: rng(1) }).weight.dtype).toBe('float64');
    expect(withDefaultDtype('float32', () => zeros([1]).dtype)).toBe('float32');
    expect(() => withDefaultDtype('float32', () => { throw new Error('x'); })).toThrow('x');
    expect(defaultDtype()).toBe('float64');
  });
});
