import 'server-only';
import { getDb } from '@/lib/db';
import type { AssignmentEvaluation } from '@/lib/course/assignments/evaluate-assignment';
import { evaluateSummary } from '@/lib/course/assignments/evaluate-assignment';
import { ASSIGNMENT_SELECT, findItemSummaries, summariesOf, type AssignmentRow } from '@/lib/course/assignments/list-class-assignments';

export interface MyAssignment {
  assignment: AssignmentRow;
  className: string;
  evaluation: AssignmentEvaluation;
}

/** Published assignments of the classes the user takes, with their status: soonest due first. */
export async function listMyAssignments(userId: string, now = new Date()): Promise<MyAssignment[]> {
  const assignments = await getDb().assignment.findMany({
    where: { publishedAt: { not: null }, class: { memberships: { some: { userId, role: 'STUDENT' } } } },
    select: { ...ASSIGNMENT_SELECT, class: { select: { name: true } } },
    orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
  });
  const summaries = await findItemSummaries({ assignments, userIds: [userId] });
  return assignments.map(({ class: owner, ...assignment }) => ({
    assignment,
    className: owner.name,
    evaluation: evaluateSummary(assignment, summariesOf(summaries, assignment.id, userId), now),
  }));
}

/** One assignment as its student sees it (404 unless published in a class they take). */
export async function findMyAssignment(userId: string, assignmentId: string, now = new Date()): Promise<MyAssignment | null> {
  const found = await getDb().assignment.findFirst({
    where: { id: assignmentId, publishedAt: { not: null }, class: { memberships: { some: { userId, role: 'STUDENT' } } } },
    select: { ...ASSIGNMENT_SELECT, class: { select: { name: true } } },
  });
  if (!found) return null;
  const { class: owner, ...assignment } = found;
  const summaries = await findItemSummaries({ assignments: [assignment], userIds: [userId] });
  return { assignment, className: owner.name, evaluation: evaluateSummary(assignment, summariesOf(summaries, assignment.id, userId), now) };
}
