import 'server-only';
import { exerciseTypes, generate, type GeneratedExercise, type LocalizedText } from '@/engine/exercises';
import { seedForLive } from '@/lib/exercises/keyed-seeds';

// A participant's own variant of a question: seeded (keyed with the server's secret) by (session,
// question index, participant), so it is the same on every server process and after a restart. Generating takes a millisecond or
// two, so variants are kept in a bounded cache: a question opened for 2,000 players, and every
// reconnect after it, then costs one generation per player.

const MAX_CACHED = 50_000;
const cache = new Map<string, GeneratedExercise>();

export interface LiveVariantKey {
  sessionId: string;
  questionIndex: number;
  participantId: string;
  typeId: string;
}

export function liveSeed({ sessionId, questionIndex, participantId }: Omit<LiveVariantKey, 'typeId'>): number {
  return seedForLive(sessionId, questionIndex, participantId);
}

export function getLiveVariant(key: LiveVariantKey): GeneratedExercise {
  const cacheKey = `${key.sessionId}\u001f${key.questionIndex}\u001f${key.participantId}\u001f${key.typeId}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const variant = generate(key.typeId, liveSeed(key));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(cacheKey, variant);
  return variant;
}

/**
 * The projector's example of a question: a variant of its own (seeded as a participant id no player
 * can have), so the prompt the class sees is real but none of theirs.
 */
export const PROJECTOR_PARTICIPANT = 'projector';

export function projectorPrompt(sessionId: string, questionIndex: number, typeId: string): LocalizedText {
  return getLiveVariant({ sessionId, questionIndex, participantId: PROJECTOR_PARTICIPANT, typeId }).prompt;
}

const titles = new Map(exerciseTypes.map((type) => [type.id, type.title]));

export function exerciseTitle(typeId: string): LocalizedText {
  return titles.get(typeId) ?? { ko: typeId, en: typeId };
}
