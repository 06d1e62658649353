/**
 * `Tensor` with its op methods. The class itself (data, shape, autograd) lives in
 * `tensor-core.ts`; the ops in `ops/*` import only that core, and this module attaches the
 * method sugar (`a.add(b)`, `a.matmul(b)`, …) to the class once both are loaded. So there is no
 * import cycle, and every module that imports `Tensor` from here gets the methods.
 */
import { Tensor, toOperand, type Operand, type SliceRange } from './tensor-core';
import * as elementwise from './ops/elementwise';
import * as reduce from './ops/reduce';
import * as shapeOps from './ops/shape-ops';
import { matmul } from './ops/matmul';

export * from './tensor-core';

declare module './tensor-core' {
  interface Tensor {
    // ---- elementwise ----
    add(other: Operand): Tensor;
    sub(other: Operand): Tensor;
    mul(other: Operand): Tensor;
    div(other: Operand): Tensor;
    pow(exponent: Operand): Tensor;
    neg(): Tensor;
    exp(): Tensor;
    log(): Tensor;
    sqrt(): Tensor;
    abs(): Tensor;
    sigmoid(): Tensor;
    tanh(): Tensor;
    relu(): Tensor;
    leakyRelu(slope?: number): Tensor;
    /** The perceptron's threshold: +1 where s > 0, else −1 (so s = 0 gives −1). Not differentiable: the result is a constant, cut off from the graph. */
    step(): Tensor;

    // ---- reductions ----
    sum(axis?: number | readonly number[], keepdim?: boolean): Tensor;
    mean(axis?: number | readonly number[], keepdim?: boolean): Tensor;
    /** Maximum over one axis (or everything); the gradient goes to the (first) argmax. */
    max(axis?: number, keepdim?: boolean): Tensor;
    softmax(axis?: number): Tensor;
    logSoftmax(axis?: number): Tensor;

    // ---- linear algebra and shapes ----
    matmul(other: Tensor): Tensor;
    /** Permute axes as numpy: no arguments reverses them (a 2-D transpose); otherwise pass a full permutation. */
    transpose(...dims: number[]): Tensor;
    /** Swap two axes, e.g. `k.swapAxes(-1, -2)` for Kᵀ in attention. */
    swapAxes(axis1: number, axis2: number): Tensor;
    /** New shape with the same number of elements; one entry may be −1 (inferred). */
    reshape(shape: readonly number[]): Tensor;
    /**
     * Sub-tensor, copied. Two forms:
     *  - `t.slice([[0, 2], null, [1, -1]])`: one `[start, end)` per leading axis, null = whole axis;
     *    missing trailing axes are whole; negative indices count from the end; `end` may be omitted.
     *  - `t.slice(axis, start, end)`: one axis only.
     * The number of axes never changes (a length-1 range keeps its axis); use reshape to drop it.
     */
    slice(ranges: readonly SliceRange[]): Tensor;
    slice(axis: number, start: number, end?: number): Tensor;
  }
}

type Methods = Pick<Tensor,
  'add' | 'sub' | 'mul' | 'div' | 'pow' | 'neg' | 'exp' | 'log' | 'sqrt' | 'abs' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'step' |
  'sum' | 'mean' | 'max' | 'softmax' | 'logSoftmax' | 'matmul' | 'transpose' | 'swapAxes' | 'reshape' | 'slice'>;

const methods: Methods & ThisType<Tensor> = {
  add(other) { return elementwise.add(this, toOperand(other, this)); },
  sub(other) { return elementwise.sub(this, toOperand(other, this)); },
  mul(other) { return elementwise.mul(this, toOperand(other, this)); },
  div(other) { return elementwise.div(this, toOperand(other, this)); },
  pow(exponent) { return elementwise.pow(this, toOperand(exponent, this)); },
  neg() { return elementwise.neg(this); },
  exp() { return elementwise.exp(this); },
  log() { return elementwise.log(this); },
  sqrt() { return elementwise.sqrt(this); },
  abs() { return elementwise.abs(this); },
  sigmoid() { return elementwise.sigmoid(this); },
  tanh() { return elementwise.tanh(this); },
  relu() { return elementwise.relu(this); },
  leakyRelu(slope = 0.01) { return elementwise.leakyRelu(this, slope); },
  step() { return elementwise.step(this); },
  sum(axis, keepdim = false) { return reduce.sum(this, axis, keepdim); },
  mean(axis, keepdim = false) { return reduce.mean(this, axis, keepdim); },
  max(axis, keepdim = false) { return reduce.max(this, axis, keepdim); },
  softmax(axis = -1) { return reduce.softmax(this, axis); },
  logSoftmax(axis = -1) { return reduce.logSoftmax(this, axis); },
  matmul(other) { return matmul(this, other); },
  transpose(...dims) { return shapeOps.transpose(this, dims); },
  swapAxes(axis1, axis2) { return shapeOps.swapAxes(this, axis1, axis2); },
  reshape(shape) { return shapeOps.reshape(this, shape); },
  slice(rangesOrAxis: readonly SliceRange[] | number, start?: number, end?: number) {
    if (typeof rangesOrAxis === 'number') return shapeOps.sliceAxis(this, rangesOrAxis, start ?? 0, end);
    return shapeOps.slice(this, rangesOrAxis);
  },
};

// Non-enumerable, like methods written in the class body.
for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
}
