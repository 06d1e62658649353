import 'server-only';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { evaluateSummary, type AssignmentEvaluation, type AssignmentRule, type ItemSummary } from '@/lib/course/assignments/evaluate-assignment';

export interface AssignmentRow extends AssignmentRule {
  id: string;
  classId: string;
  title: string;
  unitIds: string[];
  publishedAt: Date | null;
}

export const ASSIGNMENT_SELECT = {
  id: true,
  classId: true,
  title: true,
  unitIds: true,
  opensAt: true,
  dueAt: true,
  lateUntil: true,
  latePenaltyPct: true,
  publishedAt: true,
  items: { select: { typeId: true, target: true, targetValue: true }, orderBy: { position: 'asc' } },
} as const;

interface SummaryRow extends ItemSummary {
  assignmentId: string;
  userId: string;
}

/**
 * Per (assignment, item, student) sums of the attempts in each assignment's window, in one query:
 * the SQL twin of summarizeAttempts (on time ⇔ opensAt ≤ createdAt ≤ dueAt; late ⇔ ≤ lateUntil).
 */
export async function findItemSummaries({ assignmentIds, userIds }: { assignmentIds: string[]; userIds: string[] }): Promise<Map<string, ItemSummary[]>> {
  const byKey = new Map<string, ItemSummary[]>();
  if (assignmentIds.length === 0 || userIds.length === 0) return byKey;
  const rows = await getDb().$queryRaw<SummaryRow[]>`
    SELECT s.id AS "assignmentId", i."typeId", a."userId",
           COUNT(*) FILTER (WHERE a.correct AND a."createdAt" <= s."dueAt")::int AS "solvedOnTime",
           COALESCE(MAX(a.score) FILTER (WHERE a."createdAt" <= s."dueAt"), 0)::float8 AS "bestOnTime",
           COUNT(*) FILTER (WHERE a.correct)::int AS "solvedWithLate",
           MAX(a.score)::float8 AS "bestWithLate",
           COUNT(*)::int AS "attemptsWithLate"
      FROM "Assignment" s
      JOIN "AssignmentItem" i ON i."assignmentId" = s.id
      JOIN "Attempt" a ON a."typeId" = i."typeId"
                      AND a."createdAt" >= s."opensAt"
                      AND a."createdAt" <= COALESCE(s."lateUntil", s."dueAt")
     WHERE s.id = ANY(${assignmentIds}) AND a."userId" = ANY(${userIds})
     GROUP BY s.id, i."typeId", a."userId"`;
  for (const { assignmentId, userId, ...summary } of rows) {
    const key = `${assignmentId}\u0000${userId}`;
    const list = byKey.get(key) ?? [];
    list.push(summary);
    byKey.set(key, list);
  }
  return byKey;
}

export function summariesOf(summaries: Map<string, ItemSummary[]>, assignmentId: string, userId: string): ItemSummary[] {
  return summaries.get(`${assignmentId}\u0000${userId}`) ?? [];
}

export interface ClassAssignments {
  assignments: AssignmentRow[];
  students: { userId: string; name: string; email: string }[];
  /** results[assignmentId][userId] */
  results: Record<string, Record<string, AssignmentEvaluation>>;
}

/** Every assignment of a class with each student's evaluation (instructors): the gradebook columns. */
export async function listClassAssignments({ actorId, classId, now = new Date() }: { actorId: string; classId: string; now?: Date }): Promise<ClassAssignments> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  const db = getDb();
  const [assignments, members] = await Promise.all([
    db.assignment.findMany({ where: { classId }, select: ASSIGNMENT_SELECT, orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }] }),
    db.membership.findMany({ where: { classId, role: 'STUDENT' }, select: { userId: true, user: { select: { name: true, email: true } } } }),
  ]);
  const students = members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email })).sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  const summaries = await findItemSummaries({ assignmentIds: assignments.map((a) => a.id), userIds: students.map((s) => s.userId) });
  const results: ClassAssignments['results'] = {};
  for (const assignment of assignments) {
    results[assignment.id] = Object.fromEntries(students.map((s) => [s.userId, evaluateSummary(assignment, summariesOf(summaries, assignment.id, s.userId), now)]));
  }
  return { assignments, students, results };
}
