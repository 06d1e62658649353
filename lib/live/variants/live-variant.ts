import 'server-only';
import { exerciseTypes, explain, generate, type GeneratedExercise, type LocalizedText } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { drawDistinctVariant, variantKey } from '@/lib/exercises/draw-distinct-variant';
import { seedForLive } from '@/lib/exercises/keyed-seeds';
import { getLogger } from '@/lib/log';
import { PREDICT_TITLE, PREDICT_TYPE_ID } from '@/lib/live/protocol/predict-setup';

// A participant's own variant of a question. Its seed is keyed with the server's secret over
// (session, question index, participant), and no two players of one question get the same given
// numbers: players are taken in join order (joinedAt, then id; kicked players keep their place),
// and a player whose variant repeats an earlier player's draws again from variantSeed(seed, 1),
// (…, 2), … (drawDistinctVariant, the rule homework rounds share). So a player's seed depends only
// on the players who joined before them, and it is the same on every server process and after a
// restart. Generating takes a millisecond or two, so
// each question's draws are kept (a bounded number of questions): a question opened for 2,000
// players, and every reconnect after it, then costs one generation per player.

const MAX_CACHED_QUESTIONS = 64;

export interface LiveVariantKey {
  sessionId: string;
  questionIndex: number;
  participantId: string;
  typeId: string;
}

interface QuestionDraws {
  variants: Map<string, GeneratedExercise>;
  taken: Set<string>;
  /** The last participant drawn for, in join order: the next query starts after them. */
  last: { joinedAt: Date; id: string } | null;
  /** Draws are made one query at a time, so join order is kept. */
  queue: Promise<void>;
  /**
   * Set when a draw ran out of re-draws: the type has fewer variants than the question has players,
   * so later players take their keyed seed's first candidate without searching (the search would
   * cost up to 64 generations each, for thousands of players) and the log says so once. It is set
   * at the same player on every process, since draws are made in join order.
   */
  exhausted: boolean;
}

const questions = new Map<string, QuestionDraws>();

function drawsOf({ sessionId, questionIndex, typeId }: Omit<LiveVariantKey, 'participantId'>): QuestionDraws {
  const key = `${sessionId}\u001f${questionIndex}\u001f${typeId}`;
  let draws = questions.get(key);
  if (draws) {
    // Most recently used last, so the oldest question is the one dropped (it is rebuilt if needed).
    questions.delete(key);
  } else {
    // The projector's example is nobody's: no player gets its numbers either.
    const projector = variantKey(projectorVariant(sessionId, questionIndex, typeId));
    draws = { variants: new Map(), taken: new Set([projector]), last: null, queue: Promise.resolve(), exhausted: false };
    if (questions.size >= MAX_CACHED_QUESTIONS) questions.delete(questions.keys().next().value as string);
  }
  questions.set(key, draws);
  return draws;
}

function draw(draws: QuestionDraws, key: LiveVariantKey): void {
  const base = seedForLive(key.sessionId, key.questionIndex, key.participantId);
  const drawn = drawDistinctVariant(key.typeId, base, (given) => !draws.exhausted && draws.taken.has(given));
  if (drawn.isRepeat && !draws.exhausted) {
    draws.exhausted = true;
    getLogger().warn({ sessionId: key.sessionId, questionIndex: key.questionIndex, typeId: key.typeId, players: draws.variants.size + 1 }, 'live variants repeat from this player on: the type has too few variants for the session');
  }
  draws.taken.add(drawn.key);
  draws.variants.set(key.participantId, drawn.variant);
}

/** Draws for every participant who joined up to `participantId`, in join order. */
async function drawUpTo(draws: QuestionDraws, key: LiveVariantKey): Promise<void> {
  if (draws.variants.has(key.participantId)) return;
  const after = draws.last;
  const joined = await getDb().liveParticipant.findMany({
    where: {
      sessionId: key.sessionId,
      ...(after ? { OR: [{ joinedAt: { gt: after.joinedAt } }, { joinedAt: after.joinedAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, joinedAt: true },
  });
  for (const participant of joined) {
    if (!draws.variants.has(participant.id)) draw(draws, { ...key, participantId: participant.id });
    draws.last = participant;
    if (participant.id === key.participantId) return;
  }
  // Not a participant of the session (callers check membership first): their own draw, unrecorded order.
  if (!draws.variants.has(key.participantId)) draw(draws, key);
}

/** The participant's variant of the question (also what their answer is graded against). */
export async function getLiveVariant(key: LiveVariantKey): Promise<GeneratedExercise> {
  const draws = drawsOf(key);
  const known = draws.variants.get(key.participantId);
  if (known) return known;
  const next = draws.queue.then(() => drawUpTo(draws, key));
  draws.queue = next.catch(() => {});
  await next;
  return draws.variants.get(key.participantId)!;
}

/** Drops every cached draw (tests: a fresh process must assign the same seeds). */
export function forgetLiveVariants(): void {
  questions.clear();
}

/** The seed the participant's variant was generated from. */
export async function liveSeed(key: LiveVariantKey): Promise<number> {
  return (await getLiveVariant(key)).seed;
}

/**
 * The projector's example of a question: a variant of its own (seeded as a participant id no player
 * can have, and kept out of the players' draws), so the prompt the class sees is real but none of theirs.
 */
export const PROJECTOR_PARTICIPANT = 'projector';

function projectorVariant(sessionId: string, questionIndex: number, typeId: string): GeneratedExercise {
  return generate(typeId, seedForLive(sessionId, questionIndex, PROJECTOR_PARTICIPANT));
}

export function projectorPrompt(sessionId: string, questionIndex: number, typeId: string): LocalizedText {
  return projectorVariant(sessionId, questionIndex, typeId).prompt;
}

/** The worked solution of the projector's example, step by step: shown once the question has closed. */
export function projectorExample(sessionId: string, questionIndex: number, typeId: string): { text: LocalizedText; latex: string }[] {
  if (typeId === PREDICT_TYPE_ID) return [];
  return workedSteps(typeId, projectorVariant(sessionId, questionIndex, typeId).seed);
}

/** A variant's worked solution as sent to a browser: what each step computes and the value it reaches. */
export function workedSteps(typeId: string, seed: number): { text: LocalizedText; latex: string }[] {
  // A prediction has no worked solution: the training run is its explanation.
  if (typeId === PREDICT_TYPE_ID) return [];
  return explain(typeId, seed).map(({ text, latex }) => ({ text, latex }));
}

const titles = new Map<string, LocalizedText>([...exerciseTypes.map((type): [string, LocalizedText] => [type.id, type.title]), [PREDICT_TYPE_ID, PREDICT_TITLE]]);

export function exerciseTitle(typeId: string): LocalizedText {
  return titles.get(typeId) ?? { ko: typeId, en: typeId };
}
