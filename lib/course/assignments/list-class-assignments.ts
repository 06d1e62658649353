import 'server-only';
import { requireClassRole } from '@/lib/auth/require-role';
import { Prisma } from '@/generated/prisma/client';
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

/** Item summaries by assignment, then by student (summariesOf reads it). */
export type ItemSummaries = Map<string, Map<string, ItemSummary[]>>;

/**
 * Per (assignment, item, student) sums of the attempts in each assignment's window (on time ⇔
 * opensAt ≤ createdAt ≤ dueAt; late ⇔ ≤ lateUntil; summarizeAttempts is the reference). Most are
 * decided by the student's totals on the type (`AttemptTotal`: no attempt in the window, all on
 * time, or all late — summarizeFromTotals). The (student, type) pairs whose attempts straddle a
 * boundary of a window are summed from their attempts: the database picks those pairs from the
 * same totals, so that query runs beside the read of the totals instead of after it. `totals` may
 * be passed (or promised) when the caller reads them anyway (the gradebook).
 */
export async function findItemSummaries({ assignments, userIds, totals }: { assignments: readonly AssignmentWindow[]; userIds: string[]; totals?: readonly AttemptSummary[] | Promise<readonly AttemptSummary[]> }): Promise<ItemSummaries> {
  const summaries: ItemSummaries = new Map();
  if (assignments.length === 0 || userIds.length === 0) return summaries;
  const typeIds = [...new Set(assignments.flatMap((a) => a.items.map((item) => item.typeId)))];
  const [read, straddling] = await Promise.all([totals ?? findAttemptSummaries({ userIds, typeIds }), sumStraddlingPairs(assignments, userIds)]);
  const add = (assignmentId: string, userId: string, summary: ItemSummary) => {
    let ofAssignment = summaries.get(assignmentId);
    if (!ofAssignment) summaries.set(assignmentId, (ofAssignment = new Map()));
    const list = ofAssignment.get(userId);
    if (list) list.push(summary);
    else ofAssignment.set(userId, [summary]);
  };
  // Per type, per student: no joined string key per lookup (500 students × the items × the assignments).
  const totalsByType = new Map<string, Map<string, AttemptSummary>>();
  for (const total of read) {
    const ofType = totalsByType.get(total.typeId) ?? new Map<string, AttemptSummary>();
    ofType.set(total.userId, total);
    totalsByType.set(total.typeId, ofType);
  }
  // Pairs the totals read here call straddling but the database's read did not (an attempt landed
  // between the two reads): summed on their own afterwards.
  const missed: Pair[] = [];
  for (const assignment of assignments) {
    const window = windowMsOf(assignment);
    for (const typeId of new Set(assignment.items.map((item) => item.typeId))) {
      const ofType = totalsByType.get(typeId);
      const summedOfType = straddling.get(assignment.id)?.get(typeId);
      for (const userId of userIds) {
        const decided = summarizeFromTotals(window, typeId, ofType?.get(userId));
        if (decided) {
          if (decided.attemptsWithLate > 0) add(assignment.id, userId, decided);
          continue;
        }
        const summed = summedOfType?.get(userId);
        if (!summed) missed.push({ assignmentId: assignment.id, typeId, userId });
        else if (summed.attemptsWithLate > 0) add(assignment.id, userId, summed);
      }
    }
  }
  for (const row of await sumPairs(assignments, missed)) if (row.attemptsWithLate > 0) add(row.assignmentId, row.userId, itemSummaryOf(row));
  return summaries;
}

interface Pair {
  assignmentId: string;
  typeId: string;
  userId: string;
}

function itemSummaryOf({ typeId, solvedOnTime, bestOnTime, solvedWithLate, bestWithLate, attemptsWithLate }: ItemSummary): ItemSummary {
  return { typeId, solvedOnTime, bestOnTime, solvedWithLate, bestWithLate, attemptsWithLate };
}

/** The sums of one (student, type) pair's attempts in an assignment's window: one small aggregate per pair (LATERAL) through the (userId, typeId, …) index. */
const WINDOW_SUMS = Prisma.sql`
  SELECT COUNT(*) FILTER (WHERE a.correct AND a."createdAt" <= p.due)::int AS "solvedOnTime",
         COALESCE(MAX(a.score) FILTER (WHERE a."createdAt" <= p.due), 0)::float8 AS "bestOnTime",
         COUNT(*) FILTER (WHERE a.correct)::int AS "solvedWithLate",
         COALESCE(MAX(a.score), 0)::float8 AS "bestWithLate",
         COUNT(*)::int AS "attemptsWithLate"
    FROM "Attempt" a
   WHERE a."userId" = t."userId" AND a."typeId" = t."typeId" AND a."createdAt" >= p.opens AND a."createdAt" <= p.final`;

/** Each assignment's window as a row `p` (id, opens, due, final), exactly as the caller read it. */
function windowRows(assignments: readonly AssignmentWindow[]): Prisma.Sql {
  const utc = (dates: Date[]) => dates.map((date) => date.toISOString());
  return Prisma.sql`(
    SELECT id, opens AT TIME ZONE 'UTC' AS opens, due AT TIME ZONE 'UTC' AS due, final AT TIME ZONE 'UTC' AS final
      FROM unnest(${assignments.map((a) => a.id)}::text[], ${utc(assignments.map((a) => a.opensAt))}::timestamptz[],
                  ${utc(assignments.map((a) => a.dueAt))}::timestamptz[], ${utc(assignments.map((a) => a.lateUntil ?? a.dueAt))}::timestamptz[]) AS w(id, opens, due, final)
  ) p`;
}

/**
 * The window sums of every (assignment, type, student) whose totals straddle a boundary of the
 * window: the same test as summarizeFromTotals returning null (attempts inside the window's span,
 * neither all on time nor all late). By assignment, type and student. Read as one JSON text, as
 * findAttemptSummaries does: 3,000 rows × 8 columns cost several times more through the driver.
 */
async function sumStraddlingPairs(assignments: readonly AssignmentWindow[], userIds: string[]): Promise<Map<string, Map<string, Map<string, ItemSummary>>>> {
  const summed = new Map<string, Map<string, Map<string, ItemSummary>>>();
  const items = assignments.flatMap((a) => [...new Set(a.items.map((item) => item.typeId))].map((typeId) => ({ assignmentId: a.id, typeId })));
  if (items.length === 0) return summed;
  const [{ rows }] = await getDb().$queryRaw<{ rows: string }[]>`
    SELECT COALESCE(json_agg(json_build_array(p.id, t."typeId", t."userId", w."solvedOnTime", w."bestOnTime", w."solvedWithLate", w."bestWithLate", w."attemptsWithLate")), '[]')::text AS rows
      FROM ${windowRows(assignments)}
      JOIN unnest(${items.map((i) => i.assignmentId)}::text[], ${items.map((i) => i.typeId)}::text[]) AS i("assignmentId", "typeId") ON i."assignmentId" = p.id
      JOIN "AttemptTotal" t ON t."typeId" = i."typeId" AND t."userId" = ANY(${userIds}::text[])
     CROSS JOIN LATERAL (${WINDOW_SUMS}) w
     WHERE t.attempts > 0
       AND t."lastAt" >= p.opens AND t."firstAt" <= p.final
       AND NOT (t."firstAt" >= p.opens AND t."lastAt" <= p.due)
       AND NOT (t."firstAt" > p.due AND t."firstAt" >= p.opens AND t."lastAt" <= p.final)`;
  for (const [assignmentId, typeId, userId, solvedOnTime, bestOnTime, solvedWithLate, bestWithLate, attemptsWithLate] of JSON.parse(rows) as [string, string, string, number, number, number, number, number][]) {
    let ofAssignment = summed.get(assignmentId);
    if (!ofAssignment) summed.set(assignmentId, (ofAssignment = new Map()));
    let ofType = ofAssignment.get(typeId);
    if (!ofType) ofAssignment.set(typeId, (ofType = new Map()));
    ofType.set(userId, { typeId, solvedOnTime, bestOnTime, solvedWithLate, bestWithLate, attemptsWithLate });
  }
  return summed;
}

/** The window sums of the given pairs (every pair gets a row), in the windows as the caller read them. */
async function sumPairs(assignments: readonly AssignmentWindow[], pairs: readonly Pair[]): Promise<SummaryRow[]> {
  if (pairs.length === 0) return [];
  return getDb().$queryRaw<SummaryRow[]>`
    SELECT t."assignmentId", t."typeId", t."userId", w.*
      FROM unnest(${pairs.map((p) => p.assignmentId)}::text[], ${pairs.map((p) => p.typeId)}::text[], ${pairs.map((p) => p.userId)}::text[]) AS t("assignmentId", "typeId", "userId")
      JOIN ${windowRows(assignments)} ON p.id = t."assignmentId"
     CROSS JOIN LATERAL (${WINDOW_SUMS}) w`;
}

export function summariesOf(summaries: ItemSummaries, assignmentId: string, userId: string): ItemSummary[] {
  return summaries.get(assignmentId)?.get(userId) ?? [];
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
