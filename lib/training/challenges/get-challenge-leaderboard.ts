import { getDb } from '@/lib/db';
import type { ChallengeSummary } from './list-challenges';
import { publicLabels } from '@/lib/classes/get-public-label';
import { AppError } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';

export type EntryState = 'checking' | 'verified' | 'mismatch' | 'failed';

/** One row per student: their best re-checked entry (or their latest one still being checked). */
export type LeaderboardRow = {
  rank: number | null;
  /** The real name, or the public label (nickname, else "Student N") when the class shows nicknames. */
  name: Localized;
  isYou: boolean;
  runId: string;
  params: number;
  claimedValAcc: number | null;
  recheckedScore: number | null;
  state: EntryState;
  entries: number;
  submittedAt: string;
};

/** What a challenge's page shows: the list's fields (without the entry count) and who is looking. */
export type ChallengeView = Omit<ChallengeSummary, 'entries'> & { sessionId: string | null; isInstructor: boolean };

export type ChallengeLeaderboard = { challenge: ChallengeView; rows: LeaderboardRow[] };

/** An entry of someone who has since left the class, where nicknames are on. */
const FORMER_MEMBER: Localized = { ko: '이전 수강생', en: 'Former member' };

/** Re-check score stored when the server could not reproduce the run at all. */
export const RECHECK_FAILED = -1;

/** The challenge and its ranking, for a member of its class (others get NOT_FOUND). */
export async function getChallengeLeaderboard({ userId, challengeId }: { userId: string; challengeId: string }): Promise<ChallengeLeaderboard> {
  const challenge = await getDb().challenge.findFirst({
    where: { id: challengeId, class: { memberships: { some: { userId } } } },
    select: {
      id: true, classId: true, sessionId: true, title: true, model: true, task: true, maxParams: true, maxSeconds: true, closesAt: true,
      class: { select: { name: true, showNicknames: true, memberships: { select: { id: true, userId: true, role: true, nickname: true, createdAt: true } } } },
      entries: {
        orderBy: { createdAt: 'asc' },
        select: { userId: true, recheckedScore: true, createdAt: true, run: { select: { id: true, params: true, finalValAcc: true, user: { select: { name: true } } } } },
      },
    },
  });
  if (!challenge) throw new AppError('NOT_FOUND', { ko: '챌린지를 찾을 수 없습니다.', en: 'Challenge not found.' });
  const memberships = new Map(challenge.class.memberships.map((m) => [m.userId, m]));
  // Like the class leaderboard (it may be on a projector): with nicknames on, nobody's real name leaves the server.
  const labels = challenge.class.showNicknames ? publicLabels(challenge.class.memberships) : null;

  const best = new Map<string, { entry: (typeof challenge.entries)[number]; count: number }>();
  for (const entry of challenge.entries) {
    const current = best.get(entry.userId);
    const count = (current?.count ?? 0) + 1;
    if (!current || isBetter(entry, current.entry)) best.set(entry.userId, { entry, count });
    else current.count = count;
  }
  const rows = [...best.entries()].map(([entryUserId, { entry, count }]): LeaderboardRow => {
    return {
      rank: null,
      name: labels ? (labels.get(entryUserId) ?? FORMER_MEMBER) : { ko: entry.run.user.name, en: entry.run.user.name },
      isYou: entryUserId === userId,
      runId: entry.run.id,
      params: entry.run.params,
      claimedValAcc: entry.run.finalValAcc,
      recheckedScore: entry.recheckedScore === RECHECK_FAILED ? null : entry.recheckedScore,
      state: entryState(entry.recheckedScore, entry.run.finalValAcc),
      entries: count,
      submittedAt: entry.createdAt.toISOString(),
    };
  });
  rows.sort(compareRows);
  let rank = 0;
  for (const row of rows) if (row.recheckedScore !== null) row.rank = ++rank;

  return {
    challenge: {
      id: challenge.id, classId: challenge.classId, className: challenge.class.name, sessionId: challenge.sessionId, title: challenge.title,
      model: challenge.model, task: challenge.task, maxParams: challenge.maxParams, maxSeconds: challenge.maxSeconds,
      closesAt: challenge.closesAt.toISOString(), isOpen: challenge.closesAt.getTime() > Date.now(),
      isInstructor: memberships.get(userId)?.role === 'INSTRUCTOR',
    },
    rows,
  };
}

type Scored = { recheckedScore: number | null; createdAt: Date; run: { params: number } };

/** Higher re-checked score first, then fewer parameters, then the earlier entry. */
function isBetter(a: Scored, b: Scored): boolean {
  const scoreA = a.recheckedScore ?? -Infinity;
  const scoreB = b.recheckedScore ?? -Infinity;
  if (scoreA !== scoreB) return scoreA > scoreB;
  if (a.recheckedScore === null && b.recheckedScore === null) return a.createdAt > b.createdAt;
  if (a.run.params !== b.run.params) return a.run.params < b.run.params;
  return a.createdAt < b.createdAt;
}

function compareRows(a: LeaderboardRow, b: LeaderboardRow): number {
  const scoreA = a.recheckedScore ?? -Infinity;
  const scoreB = b.recheckedScore ?? -Infinity;
  if (scoreA !== scoreB) return scoreB - scoreA;
  if (a.params !== b.params) return a.params - b.params;
  return a.submittedAt.localeCompare(b.submittedAt);
}

function entryState(rechecked: number | null, claimed: number | null): EntryState {
  if (rechecked === null) return 'checking';
  if (rechecked === RECHECK_FAILED) return 'failed';
  return rechecked === claimed ? 'verified' : 'mismatch';
}
