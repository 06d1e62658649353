import { describe, expect, it } from 'vitest';
import { finalizeHash, fnv1a32, hashString, seedOf, variantSeed } from './seeds';

describe('seeds', () => {
  it('implements 32-bit FNV-1a as published (test vectors from the FNV reference code)', () => {
    // Reference vectors: http://www.isthe.com/chongo/src/fnv/test_fnv.c (FNV1A_32).
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('finalises with murmur3 fmix32, which maps 0 to 0 and is a bijection on a sample', () => {
    expect(finalizeHash(0)).toBe(0);
    const outputs = new Set(Array.from({ length: 10_000 }, (_, i) => finalizeHash(i)));
    expect(outputs.size).toBe(10_000);
  });

  it('gives the same seed for the same labels, as an unsigned 32-bit integer', () => {
    const seed = seedOf('user-42', 'comp-graph', 3);
    expect(seedOf('user-42', 'comp-graph', 3)).toBe(seed);
    expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);
    expect(hashString('user-42\u001fcomp-graph\u001f3')).toBe(seed);
  });

  it('spreads neighbouring labels and keeps label boundaries', () => {
    const seeds = new Set(Array.from({ length: 2000 }, (_, user) => seedOf(`user-${user}`, 'comp-graph', 0)));
    expect(seeds.size).toBe(2000);
    expect(seedOf('ab', 1, 'c')).not.toBe(seedOf('a', 1, 'bc'));
    expect(seedOf('user-1', 'x', 12)).not.toBe(seedOf('user-11', 'x', 2));
  });

  it('derives re-draw seeds that differ from the seed and from a neighbour’s seed', () => {
    expect(variantSeed(1234, 0)).toBe(1234);
    expect(variantSeed(1234, 1)).not.toBe(1235);
    expect(variantSeed(1234, 1)).not.toBe(variantSeed(1235, 0));
    expect(variantSeed(1234, 1)).not.toBe(variantSeed(1233, 2));
  });
});
