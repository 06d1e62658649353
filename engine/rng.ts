import { EngineError } from './errors';

/**
 * A seeded random generator: xoshiro128** seeded through a string hash, so the same seed
 * (number or string, e.g. `${classId}:${studentId}`) gives the same numbers on every machine.
 * Only integer arithmetic (Math.imul, >>>) and V8's portable Math.log/cos/sqrt are used.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [low, high). */
  uniform(low?: number, high?: number): number;
  /** Standard normal (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(array: T[]): T[];
}

/** Hash any seed to four 32-bit words (cyrb128), never all zero. */
function seedWords(seed: number | string): [number, number, number, number] {
  const text = String(seed);
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const words: [number, number, number, number] = [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1; // xoshiro's one bad state
  return words;
}

export function rng(seed: number | string): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new EngineError('rng', `seed must be finite, got ${seed}`);
  let [a, b, c, d] = seedWords(seed);
  let spareNormal: number | null = null;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / 4294967296;

  return {
    next,
    uniform: (low = 0, high = 1) => low + (high - low) * next(),
    normal: (mean = 0, std = 1) => {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return mean + std * z;
      }
      const u1 = 1 - next(); // (0, 1]: log stays finite
      const u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spareNormal = r * Math.sin(2 * Math.PI * u2);
      return mean + std * r * Math.cos(2 * Math.PI * u2);
    },
    int: (n: number) => {
      if (!Number.isInteger(n) || n <= 0) throw new EngineError('rng.int', `n must be a positive integer, got ${n}`);
      return Math.floor(next() * n);
    },
    shuffle: <T>(array: T[]): T[] => {
      for (let i = array.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = array[i];
        array[i] = array[j];
        array[j] = tmp;
      }
      return array;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
