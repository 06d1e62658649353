import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeAttempts, type AssignmentRule, type CountedAttempt, type ItemSummary } from '@/lib/course/assignments/evaluate-assignment';
import { findItemSummaries, summariesOf, type AssignmentWindow } from '@/lib/course/assignments/list-class-assignments';
import { getDb } from '@/lib/db';
import { findAttemptSummaries } from '@/lib/gradebook/find-attempt-summaries';
import { createTestUser, type TestUser } from '../support/auth';

// findItemSummaries decides most (assignment, type, student) sums from the attempt totals and
// sums the pairs whose attempts straddle a window boundary in the database, in a query that picks
// those pairs itself (beside the read of the totals). Here its result must equal the reference,
// summarizeAttempts over the raw attempts, for random histories with attempts on the boundary
// milliseconds — with the totals read by it, promised by the caller, or read before the history
// changed (the pairs the two reads disagree on are summed on their own).

const DAY = 86_400_000;
const TYPES = ['rnn-step', 'pooling', 'conv-output-shape'];
const base = Date.parse('2026-03-10T03:00:00.000Z');

let state = 11;
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

interface Stored extends CountedAttempt {
  userId: string;
}

let students: TestUser[];
let attempts: Stored[];
let windows: (AssignmentWindow & AssignmentRule)[];

function expected(window: AssignmentRule, userId: string, history: readonly Stored[]): ItemSummary[] {
  return summarizeAttempts(window, history.filter((a) => a.userId === userId)).filter((summary) => summary.attemptsWithLate > 0);
}

function byType(summaries: readonly ItemSummary[]): ItemSummary[] {
  return [...summaries].sort((a, b) => a.typeId.localeCompare(b.typeId));
}

beforeAll(async () => {
  students = await Promise.all(Array.from({ length: 5 }, (_, i) => createTestUser(`Summaries ${i}`)));
  windows = Array.from({ length: 8 }, (_, i) => {
    const opensAt = new Date(base - Math.floor(random() * 6 * DAY));
    const dueAt = new Date(base + Math.floor(random() * 3 * DAY));
    const lateUntil = i % 3 === 0 ? null : new Date(dueAt.getTime() + 1 + Math.floor(random() * 2 * DAY));
    return { id: `window-${i}`, opensAt, dueAt, lateUntil, latePenaltyPct: 10, items: TYPES.slice(0, 1 + (i % 3)).map((typeId) => ({ typeId, target: 'SOLVE_COUNT' as const, targetValue: 2 })) };
  });
  // Times spread from a week before to a week after `base`, a third of them on a boundary of some
  // window or a millisecond either side of it.
  const boundaries = windows.flatMap((w) => [w.opensAt.getTime(), w.dueAt.getTime(), (w.lateUntil ?? w.dueAt).getTime()]);
  attempts = students.flatMap((student) =>
    TYPES.flatMap((typeId) =>
      Array.from({ length: Math.floor(random() * 7) }, (): Stored => {
        const pick = random();
        const time = pick < 0.33 ? boundaries[Math.floor(random() * boundaries.length)] + Math.floor(random() * 3) - 1 : base - 7 * DAY + Math.floor(random() * 14 * DAY);
        const score = [0, 0.5, 1][Math.floor(random() * 3)];
        return { userId: student.id, typeId, score, correct: score === 1, createdAt: new Date(time) };
      }),
    ),
  );
  await getDb().attempt.createMany({
    data: attempts.map((a, i) => ({ ...a, round: i, seed: 1n, answer: {}, clientSubmissionId: crypto.randomUUID() })),
  });
});

describe('findItemSummaries', () => {
  it('equals summarizeAttempts on the raw attempts, boundary milliseconds included, however the totals arrive', async () => {
    const userIds = students.map((s) => s.id);
    const ways = {
      'read by itself': await findItemSummaries({ assignments: windows, userIds }),
      'promised by the caller': await findItemSummaries({ assignments: windows, userIds, totals: findAttemptSummaries({ userIds }) }),
    };
    let straddling = 0;
    for (const window of windows) {
      for (const student of students) {
        const want = byType(expected(window, student.id, attempts));
        for (const [way, summaries] of Object.entries(ways)) expect(byType(summariesOf(summaries, window.id, student.id)), `${way}: ${window.id}`).toEqual(want);
        const mine = attempts.filter((a) => a.userId === student.id);
        for (const item of window.items) {
          const times = mine.filter((a) => a.typeId === item.typeId).map((a) => a.createdAt.getTime());
          if (times.some((t) => t <= window.dueAt.getTime()) && times.some((t) => t > window.dueAt.getTime())) straddling += 1;
        }
      }
    }
    // The database's half is exercised, not only the totals' half.
    expect(straddling).toBeGreaterThan(10);
  });

  it('sums on their own the pairs that totals read before a change call straddling and the database no longer does', async () => {
    const [student] = students;
    const window = windows.find((w) => w.lateUntil !== null)!;
    const typeId = window.items[0].typeId;
    const due = window.dueAt.getTime();
    // A history that straddles the due time: one right answer on time, one late.
    const onTime = { userId: student.id, typeId, score: 1, correct: true, createdAt: new Date(due - 60_000) };
    const late = { userId: student.id, typeId, score: 1, correct: true, createdAt: new Date(due + 1) };
    await getDb().attempt.deleteMany({ where: { userId: student.id, typeId } });
    const created = await Promise.all([onTime, late].map((a, i) => getDb().attempt.create({ data: { ...a, round: i, seed: 1n, answer: {}, clientSubmissionId: crypto.randomUUID() }, select: { id: true } })));
    const before = await findAttemptSummaries({ userIds: [student.id] });
    // The late answer goes: the stored totals are all on time now, while `before` still straddles.
    await getDb().attempt.delete({ where: { id: created[1].id } });
    const summaries = await findItemSummaries({ assignments: [window], userIds: [student.id], totals: before });
    const current = [...attempts.filter((a) => !(a.userId === student.id && a.typeId === typeId)), onTime];
    expect(byType(summariesOf(summaries, window.id, student.id))).toEqual(byType(expected(window, student.id, current)));
    expect(summariesOf(summaries, window.id, student.id).find((s) => s.typeId === typeId)).toMatchObject({ solvedOnTime: 1, solvedWithLate: 1, attemptsWithLate: 1 });
  });
});
