import { getDb } from '@/lib/db';

export interface SelfPacedPosition {
  questionCount: number;
  /** The next question this participant has not answered; equals questionCount when done. */
  index: number;
  question: { id: string; index: number; typeId: string; timeLimitS: number } | null;
  /** When this participant's clock for `question` started, and when it runs out (capped by the deadline). */
  openedAt: Date | null;
  closesAt: Date | null;
  /** The index of the last question they answered (or missed), −1 before any. */
  lastIndex: number;
}

/**
 * Where a participant stands in a self-paced session, derived from what is stored: they are on
 * the first question they have no answer row for, and its clock started at the latest of the
 * session start, their joining and their previous answer. Nothing else needs storing, so a reload
 * or a restart finds the same question with the same clock.
 */
export async function getSelfPacedPosition(sessionId: string, participantId: string): Promise<SelfPacedPosition> {
  const db = getDb();
  const [questions, participant, answers] = await Promise.all([
    db.liveQuestion.findMany({ where: { sessionId }, orderBy: { index: 'asc' }, select: { id: true, index: true, typeId: true, timeLimitS: true, openedAt: true, closesAt: true } }),
    db.liveParticipant.findUnique({ where: { id: participantId }, select: { joinedAt: true } }),
    db.liveAnswer.findMany({ where: { participantId, question: { sessionId } }, select: { createdAt: true, question: { select: { index: true } } } }),
  ]);
  const answered = new Set(answers.map((answer) => answer.question.index));
  const next = questions.find((question) => !answered.has(question.index)) ?? null;
  const lastIndex = answers.reduce((max, answer) => Math.max(max, answer.question.index), -1);
  const start = questions[0]?.openedAt;
  if (!next || !start || !participant || !next.closesAt) {
    return { questionCount: questions.length, index: next?.index ?? questions.length, question: next, openedAt: null, closesAt: null, lastIndex };
  }
  const previous = answers.reduce((latest, answer) => Math.max(latest, answer.createdAt.getTime()), 0);
  const openedAt = new Date(Math.max(start.getTime(), participant.joinedAt.getTime(), previous));
  const closesAt = new Date(Math.min(openedAt.getTime() + next.timeLimitS * 1000, next.closesAt.getTime()));
  return { questionCount: questions.length, index: next.index, question: next, openedAt, closesAt, lastIndex };
}
