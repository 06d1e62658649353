import { EngineError } from './errors';
import { formatShape, sameShape, shapeSize, type Shape } from './shape';

export type DType = 'float64' | 'float32';
export type FloatArray = Float64Array | Float32Array;
export type NestedArray = number | NestedArray[];
/** The other operand of a binary op: a tensor, or a plain number taken as a scalar of this tensor's dtype. */
export type Operand = Tensor | number;
/** Per-axis range for `slice`: `[start, end)` (negative counts from the end, `end` may be omitted), or null for the whole axis. */
export type SliceRange = readonly [number, number?] | null;

/**
 * The local backward rule of an op: given the gradient of the loss with respect to the op's
 * output (flat, row-major, same length as the output), return the gradient with respect to each
 * input (same length as that input), or null where it is not needed. `needsGrad[i]` says
 * whether input i wants a gradient, so an op can skip expensive work (matmul skips dX for data).
 * Returned arrays may alias `grad` or each other: the engine copies before it accumulates.
 */
export type BackwardFn = (grad: FloatArray, needsGrad: readonly boolean[]) => ReadonlyArray<FloatArray | null>;

let isGradEnabled = true;
let threadDefaultDtype: DType = 'float64';

/**
 * The dtype of new tensors and parameters when none is given: float64 unless changed. The
 * playground trains inside `withDefaultDtype('float32', …)`, which sends its matmuls and
 * convolutions to the WebAssembly SIMD kernels; everything else (exercise grading) stays
 * float64 and exact. Module state: each worker thread has its own.
 */
export function setDefaultDtype(dtype: DType): void {
  threadDefaultDtype = dtype;
}

export function defaultDtype(): DType {
  return threadDefaultDtype;
}

/** Run `fn` with `dtype` as the default dtype, then restore the previous one (even on a throw). */
export function withDefaultDtype<T>(dtype: DType, fn: () => T): T {
  const previous = threadDefaultDtype;
  threadDefaultDtype = dtype;
  try {
    return fn();
  } finally {
    threadDefaultDtype = previous;
  }
}

/** Run `fn` without building a graph (inference, graders, optimiser updates). Nest freely. */
export function noGrad<T>(fn: () => T): T {
  const previous = isGradEnabled;
  isGradEnabled = false;
  try {
    return fn();
  } finally {
    isGradEnabled = previous;
  }
}

export function gradEnabled(): boolean {
  return isGradEnabled;
}

export function allocate(dtype: DType, size: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
}

export function dtypeOfArray(data: FloatArray): DType {
  return data instanceof Float32Array ? 'float32' : 'float64';
}

/** Mixed float32/float64 operands compute in float64, as numpy does. */
export function resultDtype(...inputs: readonly Tensor[]): DType {
  for (const t of inputs) if (t.dtype === 'float64') return 'float64';
  return 'float32';
}

export interface OpSpec {
  /** Name shown in error messages and graph displays, e.g. 'mul'. */
  name: string;
  inputs: readonly Tensor[];
  /** The forward result, already computed (its array type sets the dtype). */
  data: FloatArray;
  shape: Shape;
  backward: BackwardFn;
}

/**
 * Wrap a computed forward result as a graph node. This is the only way ops join the graph;
 * layers (nn/, functional/) add fused ops with it too:
 *
 *   const out = x.data.map(Math.sin);                 // forward
 *   return defineOp({ name: 'sin', inputs: [x], data: out, shape: x.shape,
 *     backward: (g) => [g.map((gi, i) => gi * Math.cos(x.data[i]))] });   // local backward
 *
 * Under `noGrad`, or when no input requires grad, no closure is kept.
 */
export function defineOp(spec: OpSpec): Tensor {
  const out = new Tensor(spec.data, spec.shape);
  out.op = spec.name;
  if (!isGradEnabled) return out;
  let needsGraph = false;
  for (const input of spec.inputs) if (input.requiresGrad) needsGraph = true;
  if (!needsGraph) return out;
  out.requiresGrad = true;
  out._parents = spec.inputs;
  out._backward = spec.backward;
  return out;
}

/** A number operand becomes a scalar tensor of `like`'s dtype. */
export function toOperand(value: Operand, like: Tensor): Tensor {
  if (value instanceof Tensor) return value;
  if (!Number.isFinite(value)) throw new EngineError('tensor', `operand ${value} is not a finite number`);
  const data = allocate(like.dtype, 1);
  data[0] = value;
  return new Tensor(data, []);
}

/**
 * The tensor class without its op methods (`add`, `matmul`, `sum`, …): those are attached in
 * `tensor.ts` once the ops are loaded, so `ops/*` can import this module without a cycle.
 * Import `Tensor` from `tensor.ts` (or `engine/index.ts`) everywhere outside `ops/`.
 */
export class Tensor {
  /** Flat row-major values. Ops never mutate their inputs, so optimisers may update `data` in place. */
  readonly data: FloatArray;
  readonly shape: Shape;
  readonly dtype: DType;
  readonly size: number;
  requiresGrad: boolean;
  grad: Tensor | null = null;
  /** The op that produced this tensor ('' for a leaf). */
  op = '';
  /** Graph edges; null for leaves and once `backward()` has released the graph. */
  _parents: readonly Tensor[] | null = null;
  _backward: BackwardFn | null = null;
  private isGraphReleased = false;
  private isRetainingGrad = false;

  /** Low-level: adopts `data` without copying or validating. Use `tensor()` for user data. */
  constructor(data: FloatArray, shape: Shape, requiresGrad = false) {
    if (data.length !== shapeSize(shape)) {
      throw new EngineError('tensor', `data has ${data.length} values but shape ${formatShape(shape)} needs ${shapeSize(shape)}`);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtypeOfArray(data);
    this.size = data.length;
    this.requiresGrad = requiresGrad;
  }

  get ndim(): number {
    return this.shape.length;
  }

  get isLeaf(): boolean {
    return this._backward === null && !this.isGraphReleased;
  }

  // ---- reading values ----

  toArray(): NestedArray {
    const build = (dim: number, offset: number): NestedArray => {
      if (dim === this.shape.length) return this.data[offset];
      const stride = shapeSize(this.shape.slice(dim + 1));
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[dim]; i++) out.push(build(dim + 1, offset + i * stride));
      return out;
    };
    return build(0, 0);
  }

  item(): number {
    if (this.size !== 1) throw new EngineError('item', `needs a tensor with one element, got shape ${formatShape(this.shape)}`);
    return this.data[0];
  }

  toString(): string {
    return `Tensor(${JSON.stringify(this.toArray())}, shape=${formatShape(this.shape)}, dtype=${this.dtype})`;
  }

  // ---- autograd ----

  /** A tensor with the same values (sharing `data`) that is cut off from the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }

  /** A copy with its own data, still in the graph. */
  clone(): Tensor {
    return defineOp({ name: 'clone', inputs: [this], data: this.data.slice(), shape: this.shape, backward: (g) => [g] });
  }

  /** Convert to another dtype (gradients flow back converted). */
  to(dtype: DType): Tensor {
    if (dtype === this.dtype) return this;
    const data = allocate(dtype, this.size);
    data.set(this.data);
    return defineOp({ name: 'to', inputs: [this], data, shape: this.shape, backward: (g) => [g] });
  }

  zeroGrad(): void {
    this.grad = null;
  }

  /** Keep `.grad` on this intermediate tensor after backward (leaves always keep theirs). */
  retainGrad(): this {
    this.isRetainingGrad = true;
    return this;
  }

  /**
   * Backpropagate from this tensor. Without `grad`, the tensor must hold one element (a loss)
   * and is seeded with 1. Gradients accumulate into the leaves' `.grad`. Afterwards the graph is
   * released (parents and closures dropped) unless `retainGraph` is set, so memory stays flat
   * over thousands of training steps.
   */
  backward(grad?: Tensor, options: { retainGraph?: boolean } = {}): void {
    if (this.isGraphReleased) {
      throw new EngineError('backward', `the graph of this '${this.op}' result of shape ${formatShape(this.shape)} was already released by an earlier backward(); recompute the forward pass or pass { retainGraph: true }`);
    }
    if (!this.requiresGrad) {
      throw new EngineError('backward', `tensor of shape ${formatShape(this.shape)} does not require grad (no input had requiresGrad: true, or it was built under noGrad)`);
    }
    let seed: FloatArray;
    if (grad === undefined) {
      if (this.size !== 1) {
        throw new EngineError('backward', `needs an explicit gradient for a non-scalar tensor of shape ${formatShape(this.shape)}`);
      }
      seed = allocate(this.dtype, 1).fill(1);
    } else {
      if (!sameShape(grad.shape, this.shape)) {
        throw new EngineError('backward', `gradient shape ${formatShape(grad.shape)} does not match tensor shape ${formatShape(this.shape)}`);
      }
      seed = grad.data;
    }

    const order = topologicalOrder(this);
    // Gradient buffers per node. `isOwned` marks buffers the engine allocated itself and may
    // therefore add into in place; anything an op returned may alias other arrays.
    const grads = new Map<Tensor, { buffer: FloatArray; isOwned: boolean }>();
    grads.set(this, { buffer: seed, isOwned: false });

    for (let n = order.length - 1; n >= 0; n--) {
      const node = order[n];
      const entry = grads.get(node);
      if (entry === undefined) continue;
      grads.delete(node);
      const parents = node._parents;
      const backwardFn = node._backward;
      if (parents === null || backwardFn === null) {
        storeGrad(node, entry.buffer, entry.isOwned);
        continue;
      }
      if (node.isRetainingGrad) storeGrad(node, entry.buffer, entry.isOwned);
      const needsGrad = parents.map((p) => p.requiresGrad);
      const parentGrads = backwardFn(entry.buffer, needsGrad);
      for (let i = 0; i < parents.length; i++) {
        const parent = parents[i];
        const g = parentGrads[i];
        if (!needsGrad[i] || g === null || g === undefined) continue;
        if (g.length !== parent.size) {
          throw new EngineError(node.op, `backward returned ${g.length} gradient values for an input of shape ${formatShape(parent.shape)}`);
        }
        const existing = grads.get(parent);
        if (existing === undefined) {
          grads.set(parent, { buffer: g, isOwned: false });
        } else {
          if (!existing.isOwned) {
            existing.buffer = copyAs(existing.buffer, parent.dtype);
            existing.isOwned = true;
          }
          const acc = existing.buffer;
          for (let j = 0; j < acc.length; j++) acc[j] += g[j];
        }
      }
    }

    if (!options.retainGraph) {
      for (const node of order) {
        if (node._backward === null) continue;
        node._parents = null;
        node._backward = null;
        node.isGraphReleased = true;
      }
    }
  }
}

function topologicalOrder(root: Tensor): Tensor[] {
  // Iterative DFS: an RNN unrolled over thousands of steps would overflow a recursive one.
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  const stack: Array<{ node: Tensor; next: number }> = [{ node: root, next: 0 }];
  visited.add(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const parents = frame.node._parents;
    if (parents !== null && frame.next < parents.length) {
      const parent = parents[frame.next++];
      if (!parent.requiresGrad || visited.has(parent)) continue;
      if (parent.isLeaf === false && parent._parents === null) {
        throw new EngineError('backward', `the graph through a '${parent.op}' result of shape ${formatShape(parent.shape)} was already released by an earlier backward(); recompute the forward pass, detach() the tensor you carry between steps, or pass { retainGraph: true }`);
      }
      visited.add(parent);
      stack.push({ node: parent, next: 0 });
    } else {
      order.push(frame.node);
      stack.pop();
    }
  }
  return order;
}

function copyAs(source: FloatArray, dtype: DType): FloatArray {
  const copy = allocate(dtype, source.length);
  copy.set(source);
  return copy;
}

function storeGrad(node: Tensor, buffer: FloatArray, isOwned: boolean): void {
  if (node.grad === null) {
    const data = isOwned && dtypeOfArray(buffer) === node.dtype ? buffer : copyAs(buffer, node.dtype);
    node.grad = new Tensor(data, node.shape);
    return;
  }
  const acc = node.grad.data;
  for (let i = 0; i < acc.length; i++) acc[i] += buffer[i];
}
