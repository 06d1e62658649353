// Seeds come from a stable string hash so the same student, exercise and round give the same
// numbers on every server, in every browser and in any later audit of a grade.

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

/** Homework: one seed per student, exercise type and attempt round. */
export function seedForStudent(userId: string, typeId: string, round: number): number {
  return hashString(['student', userId, typeId, String(round)].join(SEPARATOR));
}

/** Live play: one seed per session, question and participant, so neighbours see different numbers. */
export function seedForLive(sessionId: string, questionIndex: number, participantId: string): number {
  return hashString(['live', sessionId, String(questionIndex), participantId].join(SEPARATOR));
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
