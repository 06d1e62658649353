import { getDb } from '@/lib/db';
import type { LocalizedText } from '@/engine/exercises';
import { findLiveSessionResults, type LiveSessionResults } from '@/lib/live/views/find-live-session-results';

export interface ClassLiveSession {
  sessionId: string;
  mode: 'INSTRUCTOR_PACED' | 'SELF_PACED';
  unitId: string | null;
  createdAt: Date;
  endedAt: Date | null;
  /** Titles of the questions that were opened, in order. */
  questionTitles: LocalizedText[];
  /** Share of (player, opened question) pairs answered correctly, null with no players. */
  shareCorrect: number | null;
  participants: LiveSessionResults['participants'];
}

/** One student's live play in the class, summed over finished sessions. */
export interface LiveSummary {
  sessions: number;
  points: number;
  correct: number;
  /** Questions opened in the sessions the student played (late joiners count what they missed). */
  questions: number;
}

/**
 * The class's finished live sessions, newest first, with the stored final standings. The caller
 * authorises (an instructor of the class).
 */
export async function findClassLiveResults(classId: string): Promise<ClassLiveSession[]> {
  const finished = await getDb().liveSession.findMany({
    where: { classId, state: 'FINISHED' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, mode: true },
  });
  const results = await Promise.all(finished.map((session) => findLiveSessionResults(session.id)));
  return finished.flatMap((session, i): ClassLiveSession[] => {
    const result = results[i];
    if (!result) return [];
    const opened = result.questions.filter((question) => question.wasOpened);
    const pairs = opened.length * result.participants.length;
    const correct = result.participants.reduce((sum, participant) => sum + participant.correct, 0);
    return [{
      sessionId: session.id,
      mode: session.mode,
      unitId: result.unitId,
      createdAt: new Date(result.createdAt),
      endedAt: result.endedAt ? new Date(result.endedAt) : null,
      questionTitles: opened.map((question) => question.title),
      shareCorrect: pairs === 0 ? null : correct / pairs,
      participants: result.participants,
    }];
  });
}

/** Per signed-in student: sessions played, points, correct answers and questions opened. */
export function summarizeLivePlay(sessions: ClassLiveSession[]): Map<string, LiveSummary> {
  const byUser = new Map<string, LiveSummary>();
  for (const session of sessions) {
    for (const participant of session.participants) {
      if (!participant.userId) continue;
      const summary = byUser.get(participant.userId) ?? { sessions: 0, points: 0, correct: 0, questions: 0 };
      summary.sessions += 1;
      summary.points += participant.score;
      summary.correct += participant.correct;
      summary.questions += session.questionTitles.length;
      byUser.set(participant.userId, summary);
    }
  }
  return byUser;
}
