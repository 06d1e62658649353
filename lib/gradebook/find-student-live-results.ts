import { getDb } from '@/lib/db';
import type { LocalizedText } from '@/engine/exercises';
import { findLiveSessionResults } from '@/lib/live/views/find-live-session-results';

export interface StudentLiveSession {
  sessionId: string;
  endedAt: Date | null;
  rank: number;
  participantCount: number;
  points: number;
  correct: number;
  /** The opened questions, each with this student's graded answer (null when they gave none). */
  questions: { index: number; title: LocalizedText; answer: { score: number; correct: boolean; points: number; mistake: string | null } | null }[];
}

/**
 * One student's finished live sessions of a class, newest first: their own rank, points and graded
 * answers only (nothing about other players beyond the player count). The caller authorises.
 */
export async function findStudentLiveResults(classId: string, studentId: string): Promise<StudentLiveSession[]> {
  const played = await getDb().liveParticipant.findMany({
    where: { userId: studentId, kicked: false, session: { classId, state: 'FINISHED' } },
    orderBy: { session: { createdAt: 'desc' } },
    select: { id: true, sessionId: true },
  });
  const results = await Promise.all(played.map((participant) => findLiveSessionResults(participant.sessionId)));
  return played.flatMap((participant, i): StudentLiveSession[] => {
    const result = results[i];
    const me = result?.participants.find((entry) => entry.participantId === participant.id);
    if (!result || !me) return [];
    const answerAt = new Map(me.answers.map((answer) => [answer.index, answer]));
    return [{
      sessionId: result.sessionId,
      endedAt: result.endedAt ? new Date(result.endedAt) : null,
      rank: me.rank,
      participantCount: result.participants.length,
      points: me.score,
      correct: me.correct,
      questions: result.questions
        .filter((question) => question.wasOpened)
        .map((question) => {
          const answer = answerAt.get(question.index);
          return {
            index: question.index,
            title: question.title,
            answer: answer ? { score: answer.grade, correct: answer.correct, points: answer.points, mistake: answer.mistake } : null,
          };
        }),
    }];
  });
}
