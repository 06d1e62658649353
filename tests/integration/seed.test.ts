import { afterAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { verifyPassword } from '@/lib/auth/password';
import { grade } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { listClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import { DEMO_ASSIGNMENT_TITLE, DEMO_CHALLENGE_TITLE, seedDemoActivity } from '@/lib/seed/seed-demo-activity';
import { DEMO_CLASS, DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS, seedDemoData } from '@/lib/seed/seed-demo-data';
import { createScratchDatabase } from '../support/databases';

const database = await createScratchDatabase();
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('seedDemoData', () => {
  it('creates one instructor, three students and one class, and running it again changes nothing', async () => {
    await seedDemoData(db);
    await seedDemoData(db);
    expect(await db.user.count()).toBe(1 + DEMO_STUDENTS.length);
    expect(await db.class.count()).toBe(1);
    const roles = await db.membership.groupBy({ by: ['role'], _count: true });
    expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toEqual({ INSTRUCTOR: 1, STUDENT: 3 });
  });

  it('stores an argon2 hash that verifies the README password, never the password itself', async () => {
    const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO_INSTRUCTOR.email } });
    expect(instructor.passwordHash).toMatch(/^\$argon2id\$/);
    expect(instructor.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword(instructor.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(instructor.passwordHash, 'wrong')).toBe(false);
  });
});

describe('seedDemoActivity', () => {
  it('gives the demo class activity computed by the real services: attempts with named mistakes, runs, a finished live session, a challenge; a second run adds nothing', async () => {
    const shared = getDb();
    await seedDemoData(shared);
    await seedDemoActivity();
    const studentIds = (await shared.user.findMany({ where: { email: { in: DEMO_STUDENTS.map((s) => s.email) } }, select: { id: true } })).map((u) => u.id);
    const demoClass = await shared.class.findUniqueOrThrow({ where: { joinCode: DEMO_CLASS.joinCode } });
    const counts = async () => ({
      attempts: await shared.attempt.count({ where: { userId: { in: studentIds } } }),
      runs: await shared.trainingRun.count({ where: { userId: { in: studentIds } } }),
      sessions: await shared.liveSession.count({ where: { classId: demoClass.id } }),
      challenges: await shared.challenge.count({ where: { classId: demoClass.id } }),
      assignments: await shared.assignment.count({ where: { classId: demoClass.id } }),
    });
    const before = await counts();

    const attempts = await shared.attempt.findMany({ where: { userId: { in: studentIds } } });
    expect(new Set(attempts.map((a) => a.typeId)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(attempts.map((a) => a.userId)).size).toBe(3);
    expect(attempts.filter((a) => a.mistake !== null).length).toBeGreaterThanOrEqual(5);
    expect(attempts.some((a) => a.correct)).toBe(true);
    // Every stored grade is the grader's, for the seed the attempt was graded with.
    for (const attempt of attempts) {
      const graded = grade(attempt.typeId, Number(attempt.seed), attempt.answer);
      expect(graded.score).toBeCloseTo(attempt.score, 12);
      expect(graded.mistake ?? null).toBe(attempt.mistake);
    }
    // Students differ: best scores per student are not all the same.
    const totals = studentIds.map((id) => attempts.filter((a) => a.userId === id).reduce((sum, a) => sum + a.score, 0));
    expect(new Set(totals).size).toBeGreaterThan(1);

    const runs = await shared.trainingRun.findMany({ where: { userId: { in: studentIds } } });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) {
      expect(run.status).toBe('COMPLETED');
      expect(run.finalValAcc).toBeGreaterThanOrEqual(0);
      expect(run.finalValAcc).toBeLessThanOrEqual(1);
      expect((run.metrics as unknown[]).length).toBeGreaterThan(5);
    }
    expect(new Set(runs.map((run) => run.finalValAcc)).size).toBeGreaterThan(1);

    const session = await shared.liveSession.findFirstOrThrow({ where: { classId: demoClass.id, state: 'FINISHED' }, include: { participants: true } });
    expect(session.participants).toHaveLength(3);
    const scores = session.participants.map((p) => p.score).sort((a, b) => b - a);
    expect(scores[0]).toBeGreaterThan(0);
    expect(new Set(scores).size).toBe(3);
    expect(await shared.liveAnswer.count({ where: { participant: { sessionId: session.id } } })).toBe(9);

    expect(await shared.challenge.count({ where: { classId: demoClass.id, title: DEMO_CHALLENGE_TITLE } })).toBe(1);

    // One published assignment, open now, that the demo attempts count towards: students differ in progress.
    const instructor = await shared.user.findUniqueOrThrow({ where: { email: DEMO_INSTRUCTOR.email }, select: { id: true } });
    const { assignments, results } = await listClassAssignments({ actorId: instructor.id, classId: demoClass.id });
    expect(assignments.map((a) => a.title)).toEqual([DEMO_ASSIGNMENT_TITLE]);
    const [assignment] = assignments;
    expect(assignment.publishedAt).not.toBeNull();
    expect(assignment.opensAt.getTime()).toBeLessThan(Date.now());
    expect(assignment.dueAt.getTime()).toBeGreaterThan(Date.now());
    const evaluations = Object.values(results[assignment.id]);
    expect(evaluations).toHaveLength(3);
    expect(evaluations.every((evaluation) => evaluation.score > 0)).toBe(true);
    expect(new Set(evaluations.map((evaluation) => evaluation.score)).size).toBeGreaterThan(1);
    expect(evaluations.some((evaluation) => evaluation.status === 'IN_PROGRESS')).toBe(true);

    expect(await seedDemoActivity()).toEqual({ attempts: 0, trainingRuns: 0, liveSessions: 0, challenges: 0, assignments: 0 });
    expect(await counts()).toEqual(before);
  }, 120_000);
});
