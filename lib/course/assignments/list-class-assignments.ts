import 'server-only';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { findAttemptSummaries, type AttemptSummary } from '@/lib/gradebook/find-attempt-summaries';
import { evaluateSummary, summarizeFromTotals, windowMsOf, type AssignmentEvaluation, type AssignmentRule, type ItemSummary } from '@/lib/course/assignments/evaluate-assignment';

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

/** What findItemSummaries needs of an assignment: its window and its items' types. */
export type AssignmentWindow = Pick<AssignmentRule, 'opensAt' | 'dueAt' | 'lateUntil'> & { id: string; items: { typeId: string }[] };

/**
 * Per (assignment, item, student) sums of the attempts in each assignment's window (on time ⇔
 * opensAt ≤ createdAt ≤ dueAt; late ⇔ ≤ lateUntil; summarizeAttempts is the reference). Most are
 * decided by the student's totals on the type (`AttemptTotal`: no attempt in the window, all on
 * time, or all late — summarizeFromTotals); only the (student, type) pairs whose attempts straddle
 * a boundary of the window are summed from their attempts, pair by pair through the (userId,
 * typeId, …) index. `totals` may be passed when the caller has read them already (the gradebook).
 */
export async function findItemSummaries({ assignments, userIds, totals }: { assignments: readonly AssignmentWindow[]; userIds: string[]; totals?: readonly AttemptSummary[] }): Promise<Map<string, ItemSummary[]>> {
  const byKey = new Map<string, ItemSummary[]>();
  if (assignments.length === 0 || userIds.length === 0) return byKey;
  const add = (assignmentId: string, userId: string, summary: ItemSummary) => {
    const key = `${assignmentId}\u0000${userId}`;
    const list = byKey.get(key) ?? [];
    list.push(summary);
    byKey.set(key, list);
  };
  const typeIds = [...new Set(assignments.flatMap((a) => a.items.map((item) => item.typeId)))];
  const read = totals ?? (await findAttemptSummaries({ userIds, typeIds }));
  // Per type, per student: no joined string key per lookup (500 students × the items × the assignments).
  const totalsByType = new Map<string, Map<string, AttemptSummary>>();
  for (const total of read) {
    const ofType = totalsByType.get(total.typeId) ?? new Map<string, AttemptSummary>();
    ofType.set(total.userId, total);
    totalsByType.set(total.typeId, ofType);
  }
  const straddling = { assignmentIds: [] as string[], typeIds: [] as string[], userIds: [] as string[] };
  for (const assignment of assignments) {
    const window = windowMsOf(assignment);
    for (const typeId of new Set(assignment.items.map((item) => item.typeId))) {
      const ofType = totalsByType.get(typeId);
      for (const userId of userIds) {
        const summary = summarizeFromTotals(window, typeId, ofType?.get(userId));
        if (summary) {
          if (summary.attemptsWithLate > 0) add(assignment.id, userId, summary);
          continue;
        }
        straddling.assignmentIds.push(assignment.id);
        straddling.typeIds.push(typeId);
        straddling.userIds.push(userId);
      }
    }
  }
  if (straddling.userIds.length === 0) return byKey;
  // One small aggregate per pair (LATERAL): no sort or hash of all their attempts at once.
  const rows = await getDb().$queryRaw<SummaryRow[]>`
    SELECT p."assignmentId", p."typeId", p."userId", w.*
      FROM unnest(${straddling.assignmentIds}::text[], ${straddling.typeIds}::text[], ${straddling.userIds}::text[]) AS p("assignmentId", "typeId", "userId")
      JOIN "Assignment" s ON s.id = p."assignmentId"
     CROSS JOIN LATERAL (
       SELECT COUNT(*) FILTER (WHERE a.correct AND a."createdAt" <= s."dueAt")::int AS "solvedOnTime",
              COALESCE(MAX(a.score) FILTER (WHERE a."createdAt" <= s."dueAt"), 0)::float8 AS "bestOnTime",
              COUNT(*) FILTER (WHERE a.correct)::int AS "solvedWithLate",
              COALESCE(MAX(a.score), 0)::float8 AS "bestWithLate",
              COUNT(*)::int AS "attemptsWithLate"
         FROM "Attempt" a
        WHERE a."userId" = p."userId" AND a."typeId" = p."typeId"
          AND a."createdAt" >= s."opensAt" AND a."createdAt" <= COALESCE(s."lateUntil", s."dueAt")
     ) w
     WHERE w."attemptsWithLate" > 0`;
  for (const { assignmentId, userId, ...summary } of rows) add(assignmentId, userId, summary);
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
  const summaries = await findItemSummaries({ assignments, userIds: students.map((s) => s.userId) });
  const results: ClassAssignments['results'] = {};
  for (const assignment of assignments) {
    results[assignment.id] = Object.fromEntries(students.map((s) => [s.userId, evaluateSummary(assignment, summariesOf(summaries, assignment.id, s.userId), now)]));
  }
  return { assignments, students, results };
}
