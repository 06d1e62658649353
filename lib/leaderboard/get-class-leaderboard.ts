import { requireClassRole } from '@/lib/auth/require-role';
import { publicLabel } from '@/lib/classes/get-public-label';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { findAttemptSummaries } from '@/lib/gradebook/find-attempt-summaries';
import type { Localized } from '@/lib/i18n/locales';
import { rankByScore } from '@/lib/leaderboard/rank-by-score';
import { startOfWeekInSeoul } from '@/lib/leaderboard/start-of-week-in-seoul';
import type { TLeaderboardScope } from '@/lib/leaderboard/leaderboard-scope';

export interface LeaderboardEntry {
  rank: number;
  /** Real name, or the nickname ("Student N" without one) when the class shows nicknames. */
  displayName: Localized;
  /** Sum of best scores, one point per exercise. */
  score: number;
  solvedCount: number;
  isMe: boolean;
}

export interface ClassLeaderboard {
  scope: TLeaderboardScope;
  /** Start of the counted period (the weekly board), else null. */
  since: Date | null;
  maxScore: number;
  showsNicknames: boolean;
  entries: LeaderboardEntry[];
}

export interface GetClassLeaderboardOptions {
  actorId: string;
  classId: string;
  scope: TLeaderboardScope;
  now?: Date;
}

/**
 * The class's students ranked by the sum of their best score per exercise. Any member may look.
 * With nicknames on, real names never leave the server, not even to instructors (the board is
 * meant for a projector; the gradebook has the names).
 */
export async function getClassLeaderboard({ actorId, classId, scope, now = new Date() }: GetClassLeaderboardOptions): Promise<ClassLeaderboard> {
  await requireClassRole(actorId, classId);
  const db = getDb();
  const [found, outline] = await Promise.all([
    db.class.findUniqueOrThrow({
      where: { id: classId },
      select: {
        showNicknames: true,
        memberships: {
          where: { role: 'STUDENT' },
          // Join order numbers the "Student N" fallback names.
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { userId: true, nickname: true, user: { select: { name: true } } },
        },
      },
    }),
    getCourseOutline(),
  ]);
  const units = scope.kind === 'unit' ? outline.filter((unit) => unit.unitId === scope.unitId) : outline;
  if (units.length === 0) throw new AppError('NOT_FOUND', 'This course has no such unit.');
  const counted = new Set(units.flatMap((unit) => unit.exercises.map((exercise) => exercise.typeId)));
  const since = scope.kind === 'week' ? startOfWeekInSeoul(now) : null;

  const students = found.memberships;
  const summaries = await findAttemptSummaries({ userIds: students.map((student) => student.userId), since: since ?? undefined });
  const totals = new Map(students.map((student) => [student.userId, { score: 0, solvedCount: 0 }]));
  for (const summary of summaries) {
    const total = totals.get(summary.userId);
    if (!total || !counted.has(summary.typeId)) continue;
    total.score += summary.best;
    if (summary.isSolved) total.solvedCount += 1;
  }

  const ranked = rankByScore(
    students.map((student, index) => ({
      displayName: found.showNicknames ? publicLabel(student.nickname, index + 1) : { ko: student.user.name, en: student.user.name },
      score: totals.get(student.userId)?.score ?? 0,
      solvedCount: totals.get(student.userId)?.solvedCount ?? 0,
      isMe: student.userId === actorId,
      joinIndex: index,
    })),
    (a, b) => a.joinIndex - b.joinIndex,
  );
  return {
    scope,
    since,
    maxScore: counted.size,
    showsNicknames: found.showNicknames,
    entries: ranked.map(({ joinIndex: _joinIndex, ...entry }) => entry),
  };
}
