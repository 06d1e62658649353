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
  /** What the position was derived from: advanceSelfPacedPosition moves it on without a query. */
  rows: SelfPacedRows;
}

interface SelfPacedRows {
  questions: { id: string; index: number; typeId: string; timeLimitS: number; openedAt: Date | null; closesAt: Date | null }[];
  joinedAt: Date | null;
  answers: { createdAt: Date; index: number }[];
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
  return positionOf({ questions, joinedAt: participant?.joinedAt ?? null, answers: answers.map((answer) => ({ createdAt: answer.createdAt, index: answer.question.index })) });
}

/**
 * The position after the participant's answer to `index` was stored at `at` (as it would be read
 * back), so a self-paced submit computes the position once and not again for the view it returns.
 */
export function advanceSelfPacedPosition(position: SelfPacedPosition, answer: { index: number; at: Date }): SelfPacedPosition {
  const { rows } = position;
  return positionOf({ ...rows, answers: [...rows.answers, { createdAt: answer.at, index: answer.index }] });
}

function positionOf(rows: SelfPacedRows): SelfPacedPosition {
  const { questions, joinedAt, answers } = rows;
  const answered = new Set(answers.map((answer) => answer.index));
  const next = questions.find((question) => !answered.has(question.index)) ?? null;
  const lastIndex = answers.reduce((max, answer) => Math.max(max, answer.index), -1);
  const start = questions[0]?.openedAt;
  const question = next && { id: next.id, index: next.index, typeId: next.typeId, timeLimitS: next.timeLimitS };
  if (!next || !start || !joinedAt || !next.closesAt) {
    return { questionCount: questions.length, index: next?.index ?? questions.length, question, openedAt: null, closesAt: null, lastIndex, rows };
  }
  const previous = answers.reduce((latest, answer) => Math.max(latest, answer.createdAt.getTime()), 0);
  const openedAt = new Date(Math.max(start.getTime(), joinedAt.getTime(), previous));
  const closesAt = new Date(Math.min(openedAt.getTime() + next.timeLimitS * 1000, next.closesAt.getTime()));
  return { questionCount: questions.length, index: next.index, question, openedAt, closesAt, lastIndex, rows };
}
