// Stable string hashing for the engine's own seeds (re-draws, tests, benchmarks). A student's or a
// live player's seed is NOT made here: it is keyed with a server secret in lib/exercises/keyed-seeds.ts
// (HMAC-SHA-256), so nobody can compute their own variant with this public engine.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** ASCII unit separator: no id contains it, so ("ab", "c") and ("a", "bc") hash differently. */
const SEPARATOR = '\u001f';
const utf8 = new TextEncoder();

/** 32-bit FNV-1a over the UTF-8 bytes of `text`. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** FNV-1a, then murmur3's finaliser so ids that differ in one character spread apart. */
export function hashString(text: string): number {
  return finalizeHash(fnv1a32(text));
}

/** murmur3 fmix32: every input bit flips about half the output bits. */
export function finalizeHash(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seed from several labels (tests and benchmarks): ("ab", "c") and ("a", "bc") differ. */
export function seedOf(...parts: readonly (string | number)[]): number {
  return hashString(parts.map(String).join(SEPARATOR));
}

/**
 * The seed of the attempt-th draw when a variant is rejected by its self-check. Mixing (rather
 * than seed + attempt) keeps two students with neighbouring seeds from landing on one variant.
 */
export function variantSeed(seed: number, attempt: number): number {
  return attempt === 0 ? seed >>> 0 : finalizeHash((seed ^ Math.imul(attempt, 0x9e3779b9)) >>> 0);
}

export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}
