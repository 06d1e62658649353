import { describe, expect, it } from 'vitest';
import { finalizeHash, fnv1a32, hashString, seedForLive, seedForStudent, variantSeed } from './seeds';

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

  it('gives the same seed for the same inputs, as an unsigned 32-bit integer', () => {
    const seed = seedForStudent('user-42', 'comp-graph', 3);
    expect(seedForStudent('user-42', 'comp-graph', 3)).toBe(seed);
    expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);
    expect(hashString('student\u001fuser-42\u001fcomp-graph\u001f3')).toBe(seed);
  });

  it('gives different students, rounds, types and live participants different seeds', () => {
    const seeds = new Set<number>();
    for (let user = 0; user < 2000; user++) seeds.add(seedForStudent(`user-${user}`, 'comp-graph', 0));
    expect(seeds.size).toBe(2000);
    expect(seedForStudent('u', 'comp-graph', 1)).not.toBe(seedForStudent('u', 'comp-graph', 0));
    expect(seedForStudent('u', 'pooling', 0)).not.toBe(seedForStudent('u', 'comp-graph', 0));
    const live = new Set(Array.from({ length: 200 }, (_, p) => seedForLive('session-7', 2, `participant-${p}`)));
    expect(live.size).toBe(200);
  });

  it('keeps id boundaries: ("ab", "c") and ("a", "bc") do not collide', () => {
    expect(seedForLive('ab', 1, 'c')).not.toBe(seedForLive('a', 1, 'bc'));
    expect(seedForStudent('user-1', 'x', 12)).not.toBe(seedForStudent('user-11', 'x', 2));
  });

  it('derives re-draw seeds that differ from the seed and from a neighbour’s seed', () => {
    expect(variantSeed(1234, 0)).toBe(1234);
    expect(variantSeed(1234, 1)).not.toBe(1235);
    expect(variantSeed(1234, 1)).not.toBe(variantSeed(1235, 0));
    expect(variantSeed(1234, 1)).not.toBe(variantSeed(1233, 2));
  });
});
