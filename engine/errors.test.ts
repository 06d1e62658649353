import { describe, expect, it } from 'vitest';
import { EngineError } from './errors';
import { tensor, zeros } from './creation';
import { concat, stack } from './ops/shape-ops';
import { conv2d } from './functional/conv';
import { maxPool2d } from './functional/pool';
import { crossEntropy, mseLoss } from './functional/loss';

/** Run `fn`, require an EngineError, and return its message for inspection. */
function engineErrorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected an EngineError, nothing was thrown');
}

describe('EngineError names the op and the shapes involved', () => {
  it('broadcast mismatch in a binary op', () => {
    const error = engineErrorOf(() => zeros([2, 3]).add(zeros([4])));
    expect(error.op).toBe('add');
    expect(error.message).toBe('add: cannot broadcast shapes [2, 3] and [4]');
  });

  it('matmul inner dimensions', () => {
    expect(engineErrorOf(() => zeros([2, 3]).matmul(zeros([4, 5]))).message).toBe('matmul: inner dimensions differ: [2, 3] @ [4, 5]');
    expect(engineErrorOf(() => zeros([2, 2, 3]).matmul(zeros([3, 3, 1]))).message).toMatch(/matmul: cannot broadcast shapes \[2\] and \[3\]/);
  });

  it('NaN and Infinity in input data', () => {
    expect(engineErrorOf(() => tensor([1, NaN])).message).toMatch(/tensor: value NaN at flat index 1 of shape \[2\]/);
    expect(engineErrorOf(() => tensor({ data: [0, Infinity], shape: [1, 2] })).message).toMatch(/Infinity .* shape \[1, 2\]/);
    expect(engineErrorOf(() => zeros([2]).mul(Number.NaN)).op).toBe('tensor');
  });

  it('ragged nested arrays and non-numbers', () => {
    expect(engineErrorOf(() => tensor([[1, 2], [3]])).message).toMatch(/ragged nested array: expected length 2 at index \[1\]/);
    expect(engineErrorOf(() => tensor([[1, 2], 3] as unknown as number[][])).message).toMatch(/ragged/);
    expect(engineErrorOf(() => tensor({ data: [1, 2, 3], shape: [2, 2] })).message).toMatch(/3 values but shape \[2, 2\] needs 4/);
  });

  it('bad axes', () => {
    expect(engineErrorOf(() => zeros([2, 3]).sum(2)).message).toBe('sum: axis 2 is out of range for shape [2, 3] (ndim 2)');
    expect(engineErrorOf(() => zeros([2, 3]).softmax(-3)).op).toBe('softmax');
    expect(engineErrorOf(() => zeros([2, 3]).max(1.5)).op).toBe('max');
    expect(engineErrorOf(() => zeros([2, 3]).mean([0, -2])).message).toMatch(/repeated axis/);
    expect(engineErrorOf(() => zeros([2, 3]).transpose(0)).message).toMatch(/transpose: \[0\] is not a permutation of the axes of shape \[2, 3\]/);
  });

  it('reshape, slice, concat and stack', () => {
    expect(engineErrorOf(() => zeros([2, 3]).reshape([4, -1])).message).toMatch(/reshape: cannot reshape \[2, 3\] \(6 values\) into \[4, -1\]/);
    expect(engineErrorOf(() => zeros([2, 3]).reshape([-1, -1])).message).toMatch(/only one -1/);
    expect(engineErrorOf(() => zeros([2, 3]).slice([null, [1, 5]])).message).toMatch(/slice: range \[1, 5\) is out of bounds for axis 1 of shape \[2, 3\]/);
    expect(engineErrorOf(() => concat([zeros([2, 3]), zeros([3, 2])], 0)).message).toMatch(/concat: shapes \[2, 3\], \[3, 2\] differ outside axis 0/);
    expect(engineErrorOf(() => stack([zeros([2]), zeros([3])])).message).toMatch(/stack: .*\[2\], \[3\]/);
  });

  it('conv2d and pooling geometry', () => {
    expect(engineErrorOf(() => conv2d(zeros([1, 3, 5, 5]), zeros([2, 1, 3, 3]))).message).toMatch(/conv2d: input has 3 channels but the filters expect 1: x \[1, 3, 5, 5\], w \[2, 1, 3, 3\]/);
    expect(engineErrorOf(() => conv2d(zeros([1, 1, 2, 2]), zeros([1, 1, 3, 3]))).message).toMatch(/does not fit/);
    expect(engineErrorOf(() => conv2d(zeros([1, 5, 5]), zeros([1, 1, 3, 3]))).message).toMatch(/x \[1, 5, 5\]/);
    expect(engineErrorOf(() => maxPool2d(zeros([1, 1, 2, 2]), { kernel: 3 })).message).toMatch(/maxPool2d: kernel 3×3 is larger than the input \[1, 1, 2, 2\]/);
  });

  it('losses', () => {
    expect(engineErrorOf(() => mseLoss(zeros([4, 1]), zeros([4]))).message).toBe('mseLoss: prediction shape [4, 1] and target shape [4] differ');
    expect(engineErrorOf(() => crossEntropy(zeros([2, 3]), [0, 3])).message).toMatch(/crossEntropy: target 3 at row 1 is not a class index in \[0, 3\)/);
    expect(engineErrorOf(() => crossEntropy(zeros([2, 3]), [0])).message).toMatch(/1 targets for logits of shape \[2, 3\]/);
  });

  it('backward misuse and item()', () => {
    expect(engineErrorOf(() => zeros([2]).sum().backward()).message).toMatch(/does not require grad/);
    expect(engineErrorOf(() => zeros([2], { requiresGrad: true }).mul(2).backward()).message).toMatch(/explicit gradient for a non-scalar tensor of shape \[2\]/);
    expect(engineErrorOf(() => zeros([2]).item()).message).toBe('item: needs a tensor with one element, got shape [2]');
  });
});
