import 'server-only';
import { isMistakeId, mistakeCatalogue } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import type { TReaskComparison } from '@/lib/live/protocol/live-payloads';
import { compareReask, type ReaskAnswer } from '@/lib/live/views/compare-reask';

/** What a named mistake says, in both languages (its id when the catalogue no longer has it). */
export function mistakeText(id: string): { ko: string; en: string } {
  return isMistakeId(id) ? mistakeCatalogue[id] : { ko: id, en: id };
}

/**
 * Before and after for a follow-up question, from the stored answers of both questions (players
 * the host removed left out). Null for a question that is not a re-ask. While the follow-up is
 * still open its side is empty: the host sees the "after" once it has closed.
 */
export async function findReaskComparison(questionId: string): Promise<TReaskComparison | null> {
  const question = await getDb().liveQuestion.findUnique({
    where: { id: questionId },
    select: { closedAt: true, reaskMistake: true, reaskOf: { select: { id: true, index: true } } },
  });
  if (!question?.reaskOf || !question.reaskMistake) return null;
  const [before, after] = await Promise.all([
    answersOf(question.reaskOf.id),
    question.closedAt ? answersOf(questionId) : Promise.resolve([]),
  ]);
  return {
    ofIndex: question.reaskOf.index,
    mistake: { id: question.reaskMistake, text: mistakeText(question.reaskMistake) },
    ...compareReask(question.reaskMistake, before, after),
  };
}

async function answersOf(questionId: string): Promise<ReaskAnswer[]> {
  const rows = await getDb().liveAnswer.findMany({
    where: { questionId, participant: { kicked: false } },
    select: { participantId: true, mistake: true, correct: true, answer: true },
  });
  // A JSON-null answer is a self-paced question whose time ran out (re-asks are instructor-paced, but be exact).
  return rows.map((row) => ({ participantId: row.participantId, mistake: row.mistake, correct: row.correct, answered: row.answer !== null }));
}
