import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import type { TCorrectnessView } from '@/lib/live/protocol/live-payloads';
import { exerciseTitle } from '@/lib/live/variants/live-variant';

/**
 * The instructor's correctness-only view: grader score per student and question, share correct
 * per question and per student. No points and no speed, so it reads as a check of understanding.
 */
export async function getCorrectnessView(sessionId: string): Promise<TCorrectnessView> {
  const db = getDb();
  const [questions, participants] = await Promise.all([
    db.liveQuestion.findMany({
      where: { sessionId, openedAt: { not: null } },
      orderBy: { index: 'asc' },
      select: { index: true, typeId: true, answers: { where: { participant: { kicked: false }, NOT: { answer: { equals: Prisma.JsonNull } } }, select: { participantId: true, score: true, correct: true } } },
    }),
    db.liveParticipant.findMany({ where: { sessionId, kicked: false }, orderBy: { nickname: 'asc' }, select: { id: true, nickname: true, userId: true } }),
  ]);
  const scoreOf = new Map<string, number>();
  for (const question of questions) for (const answer of question.answers) scoreOf.set(`${question.index}:${answer.participantId}`, answer.score);
  const joined = Math.max(participants.length, 1);
  return {
    questions: questions.map((question) => ({
      index: question.index,
      typeId: question.typeId,
      title: exerciseTitle(question.typeId),
      answered: question.answers.length,
      shareCorrect: question.answers.filter((answer) => answer.correct).length / joined,
    })),
    participants: participants.map((participant) => {
      const grades = questions.map((question) => scoreOf.get(`${question.index}:${participant.id}`) ?? null);
      const correct = grades.filter((grade) => grade === 1).length;
      return { nickname: participant.nickname, isGuest: participant.userId === null, grades, shareCorrect: questions.length > 0 ? correct / questions.length : 0 };
    }),
  };
}
