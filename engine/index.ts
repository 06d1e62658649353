/**
 * Backprop Live's tensor autograd engine: pure TypeScript, no imports from app/, lib/ or Prisma.
 * See engine/README.md for the design and how to add an op.
 */
export { EngineError } from './errors';
export {
  Tensor,
  defineOp,
  noGrad,
  gradEnabled,
  allocate,
  setDefaultDtype,
  defaultDtype,
  withDefaultDtype,
  type BackwardFn,
  type DType,
  type FloatArray,
  type NestedArray,
  type OpSpec,
  type Operand,
  type SliceRange,
} from './tensor';
export { tensor, zeros, ones, full, randn, randu, arange, type TensorInput, type TensorOptions } from './creation';
export { rng, type Rng } from './rng';
export { setKernelBackend, kernelBackend, kernelReport, type KernelBackend, type KernelReport } from './kernels/backend';
export { concat, stack, squeeze, unsqueeze } from './ops/shape-ops';
export { matmul } from './ops/matmul';
export { shapeSize, broadcastShapes, formatShape, type Shape } from './shape';
export { conv2d, type Conv2dOptions } from './functional/conv';
export { maxPool2d, avgPool2d, type Pool2dOptions } from './functional/pool';
export { dropout, type DropoutOptions } from './functional/dropout';
export { mseLoss, crossEntropy, binaryCrossEntropy, binaryCrossEntropyWithLogits } from './functional/loss';

// Layers built on the core (written on top of the public API above).
export * from './functional/sequence';
export * from './functional/attention';
export * as nn from './nn/index';
export * as optim from './optim/index';
export * from './train/classic';
