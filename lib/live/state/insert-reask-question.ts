import 'server-only';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { stalePhase } from '@/lib/live/protocol/live-errors';
import { MAX_SESSION_QUESTIONS } from '@/lib/live/protocol/live-schemas';

export interface InsertReaskQuestionOptions {
  sessionId: string;
  /** The closed question whose mistake is asked again: the session's current one. */
  index: number;
  mistakeId: string;
}

/**
 * Inserts the follow-up of question `index` right after it: the same exercise type and time
 * limit, remembering which question and which named mistake it re-asks. The questions after it
 * move one place down (none of them has opened: the session is on `index`). Every player's
 * numbers are keyed on the question's index, so the follow-up draws fresh numbers for everyone.
 * The session row is locked first, so two clicks (or two hosts) cannot insert two follow-ups.
 */
export async function insertReaskQuestion({ sessionId, index, mistakeId }: InsertReaskQuestionOptions): Promise<{ index: number }> {
  return getDb().$transaction(async (tx) => {
    const sessions = await tx.$queryRaw<{ mode: string; state: string; currentIndex: number }[]>`
      SELECT mode::text AS mode, state::text AS state, "currentIndex" FROM "LiveSession" WHERE id = ${sessionId} FOR UPDATE`;
    const session = sessions[0];
    if (!session || session.mode !== 'INSTRUCTOR_PACED' || session.currentIndex !== index || !['RESULTS', 'LEADERBOARD'].includes(session.state)) throw stalePhase();
    const question = await tx.liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index } }, select: { id: true, typeId: true, timeLimitS: true, closedAt: true } });
    if (!question?.closedAt) throw stalePhase();
    const withMistake = await tx.liveAnswer.count({ where: { questionId: question.id, mistake: mistakeId, participant: { kicked: false } } });
    if (withMistake === 0) {
      throw new AppError('UNPROCESSABLE', { ko: '이 문제에서 그 실수를 한 답이 없습니다.', en: 'No answer to this question made that mistake.' }, { reason: 'mistake-not-seen' });
    }
    const questionCount = await tx.liveQuestion.count({ where: { sessionId } });
    if (questionCount >= MAX_SESSION_QUESTIONS) {
      throw new AppError('CONFLICT', { ko: `한 세션의 문제는 ${MAX_SESSION_QUESTIONS}개까지입니다.`, en: `A session holds at most ${MAX_SESSION_QUESTIONS} questions.` }, { reason: 'too-many-questions' });
    }
    // Two steps, because (sessionId, index) is unique and a one-step shift would collide midway.
    await tx.$executeRaw`UPDATE "LiveQuestion" SET index = -index - 1 WHERE "sessionId" = ${sessionId} AND index > ${index}`;
    await tx.$executeRaw`UPDATE "LiveQuestion" SET index = -index WHERE "sessionId" = ${sessionId} AND index < 0`;
    const followUp = await tx.liveQuestion.create({
      data: { sessionId, index: index + 1, typeId: question.typeId, timeLimitS: question.timeLimitS, reaskOfId: question.id, reaskMistake: mistakeId },
      select: { index: true },
    });
    return { index: followUp.index };
  });
}
