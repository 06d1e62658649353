import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { generate } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api } from './exercises-support';

// Question statistics on a fixture class, against values worked out by hand in the comments.

interface StatsJson {
  scope: string;
  studentCount: number;
  items: {
    typeId: string;
    attempts: number;
    students: number;
    variants: number;
    meanScore: number | null;
    firstTrySuccess: number | null;
    meanAttemptsToSolve: number | null;
    discrimination: number | null;
    topMistakes: { mistakeId: string; attempts: number; students: number }[];
    hardestConditions: { condition: string; variants: number; failureRate: number; ratio: number }[];
  }[];
}

let teacher: TestUser;
let students: TestUser[];
let other: TestUser;
let stranger: TestUser;
let classId = '';
let teacherCookie = '';
let t = 0;

async function variant(user: TestUser, typeId: string, round: number, scores: number[], { seed = 1, mistake }: { seed?: number; mistake?: string } = {}) {
  await getDb().attempt.createMany({
    data: scores.map((score) => ({
      userId: user.id,
      typeId,
      round,
      seed: BigInt(seed),
      answer: {},
      score,
      correct: score === 1,
      mistake: score === 1 ? null : (mistake ?? null),
      clientSubmissionId: crypto.randomUUID(),
      createdAt: new Date(Date.UTC(2026, 10, 1) + t++ * 1000),
    })),
  });
}

function seedsWhere(typeId: string, test: (given: Record<string, unknown>) => boolean, count: number): number[] {
  const found: number[] = [];
  for (let seed = 1; found.length < count && seed < 20_000; seed++) if (test(generate(typeId, seed).given)) found.push(seed);
  expect(found.length).toBe(count);
  return found;
}

beforeAll(async () => {
  teacher = await createTestUser('Teacher');
  students = [await createTestUser('S1'), await createTestUser('S2'), await createTestUser('S3')];
  other = await createTestUser('Other class student');
  stranger = await createTestUser('Not my student');
  ({ id: classId } = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))]));
  await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, { user: other, role: 'STUDENT' }]);
  await createTestClass([{ user: stranger, role: 'STUDENT' }]);
  const [s1, s2, s3] = students;
  await variant(s1, 'pooling', 0, [1]);
  await variant(s1, 'pooling', 1, [0.5, 1]);
  await variant(s2, 'pooling', 0, [0, 0.25, 0.5], { mistake: 'forgot-bias' });
  await variant(s3, 'pooling', 0, [0, 0, 1], { mistake: 'forgot-bias' });
  await variant(s1, 'dropout', 0, [1]);
  await variant(s2, 'dropout', 0, [0.5]);
  await variant(s3, 'dropout', 0, [0.5]);
  // conv2d-output: six stride-2 variants all wrong first, six stride-1 variants all right first.
  const stride2 = seedsWhere('conv2d-output', (given) => given.stride === 2, 6);
  const stride1 = seedsWhere('conv2d-output', (given) => given.stride === 1, 6);
  for (const [i, seed] of stride2.entries()) await variant(students[i % 3], 'conv2d-output', 10 + i, [0, 1], { seed });
  for (const [i, seed] of stride1.entries()) await variant(students[i % 3], 'conv2d-output', 20 + i, [1], { seed });
  await variant(other, 'pooling', 0, [1]);
  await variant(stranger, 'pooling', 0, [0, 0, 0]);
  teacherCookie = await signIn(teacher.email);
});

describe('question statistics', () => {
  it('matches the hand-computed figures for the class', async () => {
    const { status, body } = await api<StatsJson>(teacherCookie, `/api/course/classes/${classId}/stats`);
    expect(status).toBe(200);
    expect(body.studentCount).toBe(3);
    const pooling = body.items.find((item) => item.typeId === 'pooling');
    // 9 attempts (1 + 2 + 3 + 3), scores summing to 4.25, 1 of 4 variants right first try,
    // solved variants took 1, 2 and 3 attempts; forgot-bias on the 3 wrong tries of S2 and the 2 of S3.
    expect(pooling).toMatchObject({ attempts: 9, students: 3, variants: 4, firstTrySuccess: 0.25, meanAttemptsToSolve: 2 });
    expect(pooling?.meanScore).toBeCloseTo(4.25 / 9, 12);
    // Best on pooling (1, .5, 1) against the rest of the total: dropout (1, .5, .5) + conv2d (1, 1, 1):
    // r((1, .5, 1), (2, 1.5, 1.5)) = (1/12) / sqrt(1/6 · 1/6) = 0.5
    expect(pooling?.discrimination).toBeCloseTo(0.5, 12);
    expect(pooling?.topMistakes).toEqual([expect.objectContaining({ mistakeId: 'forgot-bias', attempts: 5, students: 2 })]);
    const conv = body.items.find((item) => item.typeId === 'conv2d-output');
    // 12 variants, 6 failed first try (all stride 2): stride=2 fails 6/6, ×2 the overall 6/12.
    expect(conv).toMatchObject({ variants: 12, attempts: 18, firstTrySuccess: 0.5, meanAttemptsToSolve: 1.5 });
    expect(conv?.hardestConditions[0]).toMatchObject({ condition: 'stride=2', variants: 6, failureRate: 1, ratio: 2 });
    expect(body.items.find((item) => item.typeId === 'rnn-step')).toMatchObject({ attempts: 0, students: 0, meanScore: null, discrimination: null });
  });

  it('covers every class the instructor teaches with scope=all, and no one else’s students', async () => {
    const { body } = await api<StatsJson>(teacherCookie, `/api/course/classes/${classId}/stats?scope=all`);
    expect(body.studentCount).toBe(4);
    expect(body.items.find((item) => item.typeId === 'pooling')).toMatchObject({ attempts: 10, students: 4, variants: 5 });
  });

  it('exports CSV and keeps the figures from students', async () => {
    const csv = await fetch(`${inject('baseUrl')}/api/course/classes/${classId}/stats.csv`, { headers: { cookie: `${teacherCookie}; bpl-locale=en` } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Exercise,Attempts,Students,Variants,Mean score %,First-try success %,Mean attempts to solve,Discrimination (r),Top mistakes,Hardest variant conditions');
    expect(lines.find((line) => line.startsWith('Max pooling'))).toBe('Max pooling and average pooling,9,3,4,47.2,25,2,0.5,forgot-bias (5),');
    const studentCookie = await signIn(students[0].email);
    expect((await api(studentCookie, `/api/course/classes/${classId}/stats`)).status).toBe(403);
    expect((await fetch(`${inject('baseUrl')}/classes/${classId}/stats`, { headers: { cookie: studentCookie } })).status).toBe(404);
    const page = await fetch(`${inject('baseUrl')}/classes/${classId}/stats?scope=all`, { headers: { cookie: teacherCookie } });
    expect(page.status).toBe(200);
    expect((await page.text()).includes('data-testid="question-stats"')).toBe(true);
  });
});
