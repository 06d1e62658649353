import 'server-only';
import crypto from 'node:crypto';
import { generate, type GeneratedExercise } from '@/engine/exercises';
import { variantSeed } from '@/engine/exercises/seeds';

// One rule for "everyone gets their own numbers", shared by live questions (lib/live/variants) and
// homework rounds (lib/exercises/homework-seed.ts): start from the keyed seed, and while the
// variant's given numbers are already held by someone else, draw again from variantSeed(seed, 1),
// (…, 2), … Deterministic from the keyed seed, so the server can always reproduce a draw.

/** Re-draws before a repeat is accepted: only a type with fewer variants than students gets there. */
export const MAX_REDRAWS = 64;

/** What identifies a variant for "same numbers": a short hash of its given numbers. */
export function variantKey(variant: Pick<GeneratedExercise, 'given'>): string {
  return crypto.createHash('sha256').update(JSON.stringify(variant.given)).digest('base64url').slice(0, 22);
}

export interface DrawnVariant {
  variant: GeneratedExercise;
  /** variantKey(variant). */
  key: string;
  /** True when every candidate was taken and the last one is shared with someone. */
  isRepeat: boolean;
}

/** The first of the keyed seed's candidates whose variant nobody else holds (`isTaken` by key). */
export function drawDistinctVariant(typeId: string, keyedSeed: number, isTaken: (key: string) => boolean): DrawnVariant {
  let variant = generate(typeId, keyedSeed);
  let key = variantKey(variant);
  for (let attempt = 1; isTaken(key) && attempt <= MAX_REDRAWS; attempt++) {
    variant = generate(typeId, variantSeed(keyedSeed, attempt));
    key = variantKey(variant);
  }
  return { variant, key, isRepeat: isTaken(key) };
}
