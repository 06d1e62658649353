import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import type { TLiveSessionResults } from '@/lib/live/protocol/live-payloads';
import { exerciseTitle } from '@/lib/live/variants/live-variant';
import { findReaskComparison } from '@/lib/live/views/find-reask-comparison';
import { findTeamStandings } from '@/lib/live/views/find-team-standings';

export type LiveSessionResults = TLiveSessionResults;

/**
 * A session's final results for the gradebook: every participant's points, rank and per-question
 * grade, as stored, follow-ups (re-asks) in place with their before/after, the scoring options
 * and, in team mode, each player's team and the team standings. The caller authorises (the host or
 * an instructor of the class).
 */
export async function findLiveSessionResults(sessionId: string): Promise<LiveSessionResults | null> {
  const session = await getDb().liveSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true, classId: true, unitId: true, state: true, createdAt: true, endedAt: true,
      pointsPerQuestion: true, speedBonus: true, streakBonus: true,
      questions: { orderBy: { index: 'asc' }, select: { id: true, index: true, typeId: true, timeLimitS: true, openedAt: true, reaskMistake: true, reaskOf: { select: { index: true } } } },
      participants: {
        where: { kicked: false },
        orderBy: [{ score: 'desc' }, { totalAnswerMs: 'asc' }, { joinedAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true, userId: true, nickname: true, score: true, totalAnswerMs: true, team: true,
          // JSON-null answers are self-paced questions whose time ran out: not answers.
          answers: { where: { NOT: { answer: { equals: Prisma.JsonNull } } }, select: { questionId: true, score: true, correct: true, points: true, msToAnswer: true, mistake: true } },
        },
      },
    },
  });
  if (!session) return null;
  const indexOf = new Map(session.questions.map((question) => [question.id, question.index]));
  const opened = session.questions.filter((question) => question.openedAt).length;
  return {
    sessionId: session.id,
    classId: session.classId,
    unitId: session.unitId,
    state: session.state,
    createdAt: session.createdAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    questions: await Promise.all(session.questions.map(async (question) => ({
      index: question.index,
      typeId: question.typeId,
      title: exerciseTitle(question.typeId),
      timeLimitS: question.timeLimitS,
      wasOpened: question.openedAt !== null,
      reaskOf: question.reaskOf && question.reaskMistake ? { index: question.reaskOf.index, mistake: question.reaskMistake } : null,
      reask: question.reaskOf ? await findReaskComparison(question.id) : null,
    }))),
    scoring: { pointsPerQuestion: session.pointsPerQuestion, speedBonus: session.speedBonus, streakBonus: session.streakBonus },
    teams: (await findTeamStandings(session.id))?.map(({ team, name, members, score, rank }) => ({ team, name, members, score, rank })) ?? null,
    participants: session.participants.map((participant, position) => {
      const answers = participant.answers
        .map(({ questionId, score, ...answer }) => ({ index: indexOf.get(questionId) ?? -1, grade: score, ...answer }))
        .sort((a, b) => a.index - b.index);
      return {
        participantId: participant.id,
        userId: participant.userId,
        nickname: participant.nickname,
        team: participant.team,
        rank: position + 1,
        score: participant.score,
        totalAnswerMs: participant.totalAnswerMs,
        answered: answers.length,
        correct: answers.filter((answer) => answer.correct).length,
        meanGrade: opened > 0 ? answers.reduce((sum, answer) => sum + answer.grade, 0) / opened : 0,
        answers,
      };
    }),
  };
}
