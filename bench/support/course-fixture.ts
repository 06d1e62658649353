/**
 * The big class of the course benchmarks: `students` students with `perSkill` attempts on every
 * skill (random right/wrong drifting towards right, named mistakes on some wrong ones), their BKT
 * mastery rows computed from those attempts, review cards, and four assignments of six skills.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { exerciseTypeIds } from '../../engine/exercises/index';
import { DEFAULT_BKT, updateKnown } from '../../lib/course/mastery/bkt';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Fixture {
  classId: string;
  instructorEmail: string;
  studentEmail: string;
}

/** A class with `students` students, each with `perSkill` attempts on every skill, plus mastery, cards and assignments. */
export async function seedClass(client: pg.Client, label: string, students: number, perSkill: number, passwordHash: string): Promise<Fixture> {
  const classId = `benchclass${label}`;
  const instructorId = `bench_${label}_teacher`;
  const now = Date.now();
  await client.query('INSERT INTO "Class" (id, name, "joinCode") VALUES ($1, $2, $3)', [classId, `Bench ${label}`, crypto.randomBytes(4).toString('hex').toUpperCase()]);
  const userIds = Array.from({ length: students }, (_, i) => `bench_${label}_${i}`);
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash") SELECT u, u || '@bench.local', 'Student ' || u, $2 FROM unnest($1::text[]) AS u`,
    [[instructorId, ...userIds], passwordHash],
  );
  await client.query(`INSERT INTO "Membership" (id, "userId", "classId", role) VALUES ($1, $2, $3, 'INSTRUCTOR')`, [`m_${instructorId}`, instructorId, classId]);
  await client.query(`INSERT INTO "Membership" (id, "userId", "classId", role) SELECT 'm_' || u, u, $2, 'STUDENT' FROM unnest($1::text[]) AS u`, [userIds, classId]);

  const mistakes = ['sign-error', 'forgot-bias', 'forgot-learning-rate', null, null];
  for (const userId of userIds) {
    const rows = { id: [] as string[], typeId: [] as string[], round: [] as number[], score: [] as number[], correct: [] as boolean[], mistake: [] as (string | null)[], createdAt: [] as string[] };
    const mastery = { typeId: [] as string[], pKnown: [] as number[], correct: [] as number[], last: [] as string[] };
    for (const typeId of exerciseTypeIds) {
      let pKnown = DEFAULT_BKT.pInit;
      let right = 0;
      let round = 0;
      let last = 0;
      for (let k = 0; k < perSkill; k++) {
        const isRight = Math.random() < 0.3 + 0.6 * (k / perSkill);
        const score = isRight ? 1 : Math.round(Math.random() * 4) / 4;
        last = now - (perSkill - k) * HOUR - Math.floor(Math.random() * HOUR);
        rows.id.push(crypto.randomUUID());
        rows.typeId.push(typeId);
        rows.round.push(round);
        rows.score.push(score === 1 && !isRight ? 0.75 : score);
        rows.correct.push(isRight);
        rows.mistake.push(isRight ? null : mistakes[k % mistakes.length]);
        rows.createdAt.push(new Date(last).toISOString());
        pKnown = updateKnown(pKnown, isRight);
        if (isRight) right++;
        if (isRight || k % 3 === 2) round++;
      }
      mastery.typeId.push(typeId);
      mastery.pKnown.push(pKnown);
      mastery.correct.push(right);
      mastery.last.push(new Date(last).toISOString());
    }
    await client.query(
      `INSERT INTO "Attempt" (id, "userId", "typeId", round, seed, answer, score, correct, mistake, "clientSubmissionId", "createdAt")
       SELECT r.id, $1, r.t, r.round, 1, '{}'::jsonb, r.score, r.correct, r.mistake, r.id, r.at
         FROM unnest($2::text[], $3::text[], $4::int[], $5::float8[], $6::bool[], $7::text[], $8::timestamptz[]) AS r(id, t, round, score, correct, mistake, at)`,
      [userId, rows.id, rows.typeId, rows.round, rows.score, rows.correct, rows.mistake, rows.createdAt],
    );
    await client.query(
      `INSERT INTO "SkillMastery" (id, "userId", "typeId", "pKnown", attempts, correct, "lastAttemptAt")
       SELECT gen_random_uuid()::text, $1, m.t, m.p, $2, m.c, m.at FROM unnest($3::text[], $4::float8[], $5::int[], $6::timestamptz[]) AS m(t, p, c, at)`,
      [userId, perSkill, mastery.typeId, mastery.pKnown, mastery.correct, mastery.last],
    );
    await client.query(
      `INSERT INTO "ReviewCard" (id, "userId", "typeId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
       SELECT gen_random_uuid()::text, $1, t, now() + (random() * 10 - 3) * interval '1 day', 5, 5, 1, 3, 0, 3, 0, 2, now() - interval '2 days'
         FROM unnest($2::text[]) AS t`,
      [userId, exerciseTypeIds],
    );
  }
  // Four assignments of six skills: windows before all of the work (nothing counts), all of it
  // late, and one due in the middle of the work (every student's attempts straddle the due date,
  // so they are summed from the attempts themselves rather than from the per-type totals).
  const windows = [
    { opens: -20 * DAY, due: -14 * DAY, late: -12 * DAY },
    { opens: -15 * DAY, due: -8 * DAY, late: -6 * DAY },
    { opens: -10 * DAY, due: -2 * DAY, late: 0 },
    { opens: -3 * DAY, due: -(perSkill / 2) * HOUR, late: 2 * DAY },
  ];
  for (const [a, window] of windows.entries()) {
    const id = `bench_${label}_assignment_${a}`;
    await client.query(
      `INSERT INTO "Assignment" (id, "classId", title, "unitIds", "opensAt", "dueAt", "lateUntil", "latePenaltyPct", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, '{}', $4, $5, $6, 20, now(), now())`,
      [id, classId, `Week ${a + 1}`, new Date(now + window.opens), new Date(now + window.due), new Date(now + window.late)],
    );
    const first = (a % 3) * 6;
    for (const [position, typeId] of exerciseTypeIds.slice(first, first + 6).entries()) {
      await client.query(`INSERT INTO "AssignmentItem" (id, "assignmentId", position, "typeId", target, "targetValue") VALUES ($1, $2, $3, $4, $5, $6)`, [
        `${id}_${position}`,
        id,
        position,
        typeId,
        position % 2 === 0 ? 'SOLVE_COUNT' : 'BEST_SCORE',
        position % 2 === 0 ? 2 : 0.8,
      ]);
    }
  }
  return { classId, instructorEmail: `${instructorId}@bench.local`, studentEmail: `${userIds[0]}@bench.local` };
}
