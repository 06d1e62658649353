import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import { getCourseOutline, type OutlineUnit } from '@/lib/dashboard/get-course-outline';
import { startOfWeekInSeoul } from '@/lib/leaderboard/start-of-week-in-seoul';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';

// Gradebook, CSV, statistics, leaderboards and the dashboard, checked against expectations
// computed here from the attempts the test stores (the attempts table is the exercises feature's;
// this feature only reads it).

interface PlannedAttempt {
  user: TestUser;
  typeId: string;
  score: number;
  correct?: boolean;
  mistake?: string;
  daysAgo?: number;
}

const DAY = 24 * 3600 * 1000;
let outline: OutlineUnit[];
let teacher: TestUser;
let students: TestUser[];
let outsider: TestUser;
let classId = '';
let cookies: Map<string, string>;
let plan: PlannedAttempt[];
let t0 = '';
let t1 = '';
let t3 = '';

async function getJson<T>(user: TestUser, path: string): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}${path}`, { headers: { cookie: cookies.get(user.id) ?? '' } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Best score per student and type over the planned attempts (optionally only since a moment). */
function bestOf(user: TestUser, typeId: string, since?: Date): number | null {
  const scores = plan
    .filter((a) => a.user.id === user.id && a.typeId === typeId && (!since || Date.now() - (a.daysAgo ?? 0) * DAY >= since.getTime()))
    .map((a) => a.score);
  return scores.length === 0 ? null : Math.max(...scores);
}

beforeAll(async () => {
  outline = await getCourseOutline();
  [t0, t1] = outline[0].exercises.map((exercise) => exercise.typeId);
  t3 = outline[1].exercises[0].typeId;
  teacher = await createTestUser('김교수');
  students = [await createTestUser('이하늘'), await createTestUser('Alex, "the" Chen'), await createTestUser('=cmd|calc')];
  outsider = await createTestUser('Outsider');
  ({ id: classId } = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))], '딥러닝 1분반'));
  // Join order numbers the "Student N" fallback: make it explicit rather than same-millisecond.
  for (const [index, student] of students.entries()) {
    await getDb().membership.update({ where: { userId_classId: { userId: student.id, classId } }, data: { createdAt: new Date(Date.now() - (10 - index) * 1000) } });
  }
  await createTestClass([{ user: outsider, role: 'STUDENT' }], 'Elsewhere');
  const [s1, s2] = students;
  plan = [
    { user: s1, typeId: t0, score: 0.5, mistake: 'forgot-bias' },
    { user: s1, typeId: t0, score: 1, correct: true },
    { user: s1, typeId: t1, score: 0.25, mistake: 'sign-error' },
    { user: s2, typeId: t0, score: 0, mistake: 'forgot-bias' },
    { user: s2, typeId: t0, score: 0, mistake: 'sign-error' },
    { user: s2, typeId: t0, score: 0.75, mistake: 'forgot-bias' },
    { user: s2, typeId: t3, score: 1, correct: true, daysAgo: 8 },
    { user: s2, typeId: t1, score: 0.5, daysAgo: 8 },
    ...Array.from({ length: 5 }, (): PlannedAttempt => ({ user: outsider, typeId: t0, score: 0, mistake: 'forgot-learning-rate' })),
  ];
  await getDb().attempt.createMany({
    data: plan.map((attempt, index) => ({
      userId: attempt.user.id,
      typeId: attempt.typeId,
      round: 0,
      seed: BigInt(seedForStudent(attempt.user.id, attempt.typeId, 0)),
      answer: { value: index },
      score: attempt.score,
      correct: attempt.correct ?? false,
      mistake: attempt.mistake ?? null,
      clientSubmissionId: crypto.randomUUID(),
      createdAt: new Date(Date.now() - (attempt.daysAgo ?? 0) * DAY - (plan.length - index) * 1000),
    })),
  });
  cookies = new Map(await Promise.all([teacher, ...students, outsider].map(async (user) => [user.id, await signIn(user.email)] as const)));
});

interface GradebookJson {
  rows: {
    userId: string;
    name: string;
    cells: Record<string, { attempts: number; best: number | null; isSolved: boolean }>;
    unitScores: Record<string, number>;
    total: number;
    solvedCount: number;
  }[];
  stats: { typeId: string; attempts: number; students: number; meanScore: number | null; meanBest: number | null; solvedBy: number; topMistakes: { mistakeId: string; count: number; text: { ko: string; en: string } }[] }[];
  exerciseCount: number;
}

describe('gradebook', () => {
  it('has one row per student with the best score and attempt count of every exercise, and unit means', async () => {
    const gradebook = await getJson<GradebookJson>(teacher, `/api/classes/${classId}/gradebook`);
    const allTypes = outline.flatMap((unit) => unit.exercises.map((exercise) => exercise.typeId));
    expect(gradebook.exerciseCount).toBe(allTypes.length);
    expect(gradebook.rows.map((row) => row.userId).sort()).toEqual(students.map((s) => s.id).sort());
    for (const student of students) {
      const row = gradebook.rows.find((r) => r.userId === student.id);
      for (const typeId of allTypes) {
        const planned = plan.filter((a) => a.user.id === student.id && a.typeId === typeId);
        expect(row?.cells[typeId]).toEqual({
          attempts: planned.length,
          best: bestOf(student, typeId),
          isSolved: planned.some((a) => a.correct),
          lastMs: planned.length ? expect.any(Number) : null,
        });
      }
      for (const unit of outline) {
        const bests = unit.exercises.map((exercise) => bestOf(student, exercise.typeId) ?? 0);
        expect(row?.unitScores[unit.unitId]).toBeCloseTo(bests.reduce((a, b) => a + b, 0) / bests.length, 12);
      }
      expect(row?.total).toBeCloseTo(allTypes.reduce((sum, typeId) => sum + (bestOf(student, typeId) ?? 0), 0), 12);
    }
  });

  it('counts attempts, mean score, mean best, solvers and the most frequent named mistakes of class members only', async () => {
    const gradebook = await getJson<GradebookJson>(teacher, `/api/classes/${classId}/gradebook`);
    const stat = gradebook.stats.find((s) => s.typeId === t0);
    const inClass = plan.filter((a) => a.typeId === t0 && students.some((s) => s.id === a.user.id));
    expect(stat?.attempts).toBe(inClass.length);
    expect(stat?.meanScore).toBeCloseTo(inClass.reduce((sum, a) => sum + a.score, 0) / inClass.length, 12);
    const bests = students.map((s) => bestOf(s, t0)).filter((best): best is number => best !== null);
    expect(stat?.students).toBe(bests.length);
    expect(stat?.meanBest).toBeCloseTo(bests.reduce((a, b) => a + b, 0) / bests.length, 12);
    expect(stat?.solvedBy).toBe(new Set(inClass.filter((a) => a.correct).map((a) => a.user.id)).size);

    const counts = new Map<string, number>();
    for (const attempt of inClass) if (attempt.mistake) counts.set(attempt.mistake, (counts.get(attempt.mistake) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1]).map(([mistakeId, count]) => ({ mistakeId, count }));
    expect(stat?.topMistakes.map(({ mistakeId, count }) => ({ mistakeId, count }))).toEqual(expected);
    expect(stat?.topMistakes[0].text.ko).toMatch(/편향/);
    expect(JSON.stringify(gradebook)).not.toContain('forgot-learning-rate');
  });

  it('exports a UTF-8 CSV with a BOM, Korean names intact, defused formulas and the same numbers', async () => {
    const response = await fetch(`${inject('baseUrl')}/api/classes/${classId}/gradebook.csv`, { headers: { cookie: cookies.get(teacher.id) ?? '', 'accept-language': 'ko' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="gradebook-[A-Za-z0-9_-]+-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^gradebook-딥러닝 1분반-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + students.length);
    expect(lines[0].startsWith('이름,이메일,닉네임,')).toBe(true);
    const haneul = lines.find((line) => line.startsWith('이하늘,'));
    expect(haneul).toContain(students[0].email);
    const header = lines[0].split(',');
    const column = header.findIndex((title) => title === `${outline[0].exercises[0].title.ko} (최고 %)`);
    expect(haneul?.split(',')[column]).toBe(String((bestOf(students[0], t0) ?? 0) * 100));
    expect(text).toContain('"Alex, ""the"" Chen"');
    expect(text).toContain("'=cmd|calc");
    expect(text).not.toContain('Outsider');
  });
});

interface LeaderboardJson {
  entries: { rank: number; displayName: { ko: string; en: string }; score: number; solvedCount: number; isMe: boolean }[];
  maxScore: number;
  since: string | null;
}

describe('leaderboard', () => {
  const expectedScores = (types: string[], since?: Date) =>
    students.map((student) => types.reduce((sum, typeId) => sum + (bestOf(student, typeId, since) ?? 0), 0));

  it('ranks all-time by the sum of best scores, marks the viewer, and carries no attempts', async () => {
    const board = await getJson<LeaderboardJson>(students[0], `/api/classes/${classId}/leaderboard`);
    const allTypes = outline.flatMap((unit) => unit.exercises.map((exercise) => exercise.typeId));
    const scores = expectedScores(allTypes);
    expect(board.maxScore).toBe(allTypes.length);
    expect(board.entries.map((entry) => entry.score)).toEqual([...scores].sort((a, b) => b - a));
    expect(board.entries.find((entry) => entry.isMe)?.displayName.en).toBe('이하늘');
    expect(board.entries.filter((entry) => entry.isMe)).toHaveLength(1);
    expect(JSON.stringify(board)).not.toMatch(/"(answer|seed|mistake|email|userId)"/);
  });

  it('counts this week from Monday 00:00 Seoul time, leaving out older attempts', async () => {
    const board = await getJson<LeaderboardJson>(students[1], `/api/classes/${classId}/leaderboard?board=week`);
    const since = startOfWeekInSeoul(new Date());
    expect(new Date(board.since ?? 0).getTime()).toBe(since.getTime());
    const allTypes = outline.flatMap((unit) => unit.exercises.map((exercise) => exercise.typeId));
    const mine = board.entries.find((entry) => entry.isMe);
    expect(mine?.score).toBeCloseTo(expectedScores(allTypes, since)[1], 12);
    expect(mine?.score).toBeLessThan(expectedScores(allTypes)[1]);
  });

  it('scores one unit with that unit’s exercises only, and refuses an unknown unit', async () => {
    const unit = outline[1];
    const board = await getJson<LeaderboardJson>(students[1], `/api/classes/${classId}/leaderboard?board=${unit.unitId}`);
    expect(board.maxScore).toBe(unit.exercises.length);
    expect(board.entries.find((entry) => entry.isMe)?.score).toBeCloseTo(expectedScores(unit.exercises.map((e) => e.typeId))[1], 12);
    const unknown = await fetch(`${inject('baseUrl')}/api/classes/${classId}/leaderboard?board=no-such-unit`, { headers: { cookie: cookies.get(students[1].id) ?? '' } });
    expect(unknown.status).toBe(404);
  });

  it('shows nicknames, or "Student N" by join order, and no real names once the instructor turns nicknames on', async () => {
    await getDb().membership.update({ where: { userId_classId: { userId: students[0].id, classId } }, data: { nickname: 'Neo' } });
    await getDb().class.update({ where: { id: classId }, data: { showNicknames: true } });
    try {
      for (const viewer of [students[2], teacher]) {
        const board = await getJson<LeaderboardJson>(viewer, `/api/classes/${classId}/leaderboard`);
        const names = board.entries.map((entry) => entry.displayName.en).sort();
        expect(names).toEqual(['Neo', 'Student 2', 'Student 3']);
        expect(board.entries.map((entry) => entry.displayName.ko)).toContain('학생 2');
        const text = JSON.stringify(board);
        for (const student of students) expect(text).not.toContain(student.name.slice(0, 4));
      }
    } finally {
      await getDb().class.update({ where: { id: classId }, data: { showNicknames: false } });
    }
  });
});

interface DashboardJson {
  units: { unitId: string; isRead: boolean; exercises: { typeId: string; attempts: number; best: number | null; isSolved: boolean; lastAt: string | null }[] }[];
  nextStep: { kind: string; unitId?: string; typeId?: string };
  classes: { id: string; role: string }[];
  totals: { solved: number; attempts: number };
}

describe('student dashboard and records', () => {
  it('shows a student only their own attempts, best scores and last activity, and what to do next', async () => {
    const [s1] = students;
    const before = await getJson<DashboardJson>(s1, '/api/account/dashboard');
    expect(before.classes).toEqual([expect.objectContaining({ id: classId, role: 'STUDENT' })]);
    const exercise = (typeId: string) => before.units.flatMap((unit) => unit.exercises).find((e) => e.typeId === typeId);
    expect(exercise(t0)).toMatchObject({ attempts: 2, best: bestOf(s1, t0), isSolved: true });
    expect(exercise(t1)).toMatchObject({ attempts: 1, best: bestOf(s1, t1), isSolved: false });
    expect(exercise(t3)).toMatchObject({ attempts: 0, best: null, lastAt: null });
    expect(before.totals.attempts).toBe(plan.filter((a) => a.user.id === s1.id).length);
    expect(before.nextStep).toEqual({ kind: 'read-unit', unitId: outline[0].unitId });

    await getDb().unitProgress.create({ data: { userId: s1.id, unitId: outline[0].unitId } });
    const after = await getJson<DashboardJson>(s1, '/api/account/dashboard');
    expect(after.units[0].isRead).toBe(true);
    expect(after.nextStep).toEqual({ kind: 'retry-exercise', unitId: outline[0].unitId, typeId: t1 });
  });

  it('gives the instructor a student’s record, and a classmate a 403', async () => {
    const [s1, s2] = students;
    const record = await getJson<{ summaries: { typeId: string; attempts: number; best: number }[]; recentAttempts: { typeId: string }[] }>(
      teacher,
      `/api/classes/${classId}/students/${s1.id}`,
    );
    expect(record.recentAttempts).toHaveLength(plan.filter((a) => a.user.id === s1.id).length);
    expect(record.summaries.find((summary) => summary.typeId === t0)).toMatchObject({ attempts: 2, best: bestOf(s1, t0) });
    const peek = await fetch(`${inject('baseUrl')}/api/classes/${classId}/students/${s1.id}`, { headers: { cookie: cookies.get(s2.id) ?? '' } });
    expect(peek.status).toBe(403);
    const peekGradebook = await fetch(`${inject('baseUrl')}/api/classes/${classId}/gradebook`, { headers: { cookie: cookies.get(s2.id) ?? '' } });
    expect(peekGradebook.status).toBe(403);
  });
});
