import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { exerciseTypes, generate, seedOf, solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import type { TPreviewVariant, TStudentVariant } from '@/lib/exercises/schemas';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api, submit, wrongAnswer } from './exercises-support';

// A determined student knows their user id, every type id, their round and the public engine.
// Before seeds were keyed, seedOf('student', userId, typeId, round) (the same FNV-1a hash) was
// their seed: generate + solve gave full marks on the first try. The server's seed is an HMAC
// under the deployment's secret, which this test process shares (tests/setup), as an audit would.

let student: TestUser;
let studentCookie: string;
let teachingStudent: TestUser;
let teachingCookie: string;

beforeAll(async () => {
  student = await createTestUser('Seed Student');
  teachingStudent = await createTestUser('Teaching Assistant');
  const other = await createTestUser('Other Instructor');
  // teachingStudent teaches one class and is graded as a student in another.
  await createTestClass([{ user: teachingStudent, role: 'INSTRUCTOR' }]);
  await createTestClass([{ user: other, role: 'INSTRUCTOR' }, { user: teachingStudent, role: 'STUDENT' }, { user: student, role: 'STUDENT' }]);
  [studentCookie, teachingCookie] = await Promise.all([signIn(student.email), signIn(teachingStudent.email)]);
});

/** Each type's given numbers as the server shows this student. */
async function servedGivens(cookie: string): Promise<Map<string, TStudentVariant>> {
  const served = new Map<string, TStudentVariant>();
  for (const type of exerciseTypes) {
    const { status, body } = await api<TStudentVariant>(cookie, `/api/exercises/${type.id}`);
    expect(status, type.id).toBe(200);
    served.set(type.id, body);
  }
  return served;
}

describe('keyed seeds', () => {
  it('serve every type from the keyed seed, which the public engine cannot predict', async () => {
    const served = await servedGivens(studentCookie);
    let predicted = 0;
    for (const type of exerciseTypes) {
      const variant = served.get(type.id)!;
      expect(variant.given, type.id).toEqual(generate(type.id, seedForStudent(student.id, type.id, variant.round)).given);
      expect(variant, type.id).not.toHaveProperty('seed');
      if (JSON.stringify(generate(type.id, seedOf('student', student.id, type.id, variant.round)).given) === JSON.stringify(variant.given)) predicted++;
    }
    // With unkeyed seeds this was 18 of 18.
    expect(predicted).toBeLessThanOrEqual(1);
  });

  it('grade with the keyed seed: the answer solved from the predictable seed scores nothing', async () => {
    let fullMarks = 0;
    let submitted = 0;
    for (const type of exerciseTypes) {
      const guessSeed = seedOf('student', student.id, type.id, 0);
      // Only where the guessed variant has the served answer shape (else the answer is just invalid).
      const served = (await api<TStudentVariant>(studentCookie, `/api/exercises/${type.id}`)).body;
      if (JSON.stringify(generate(type.id, guessSeed).answer) !== JSON.stringify(served.answer)) continue;
      const { status, body } = await submit(studentCookie, type.id, { answer: solve(type.id, guessSeed), round: 0 });
      expect(status, type.id).toBe(200);
      expect(body, type.id).not.toHaveProperty('seed');
      submitted++;
      if ((body.attempt as { score: number }).score === 1) fullMarks++;
    }
    expect(submitted).toBeGreaterThanOrEqual(6);
    // With unkeyed seeds every one of these scored 1.
    expect(fullMarks).toBeLessThanOrEqual(1);
  });
});

describe('stored seeds', () => {
  it('keep an open round on the seed its attempts were graded with (a round begun before keying)', async () => {
    const user = await createTestUser('Mid-round Student');
    const typeId = 'sigmoid-derivative';
    // Any seed other than the one the server computes now (e.g. the unkeyed one of the old code).
    const storedSeed = seedOf('stored', user.id, typeId);
    const spec = generate(typeId, storedSeed).answer;
    await getDb().attempt.create({
      data: { userId: user.id, typeId, round: 0, seed: BigInt(storedSeed), answer: wrongAnswer(spec, solve(typeId, storedSeed)), score: 0, correct: false, clientSubmissionId: crypto.randomUUID() },
    });
    const cookie = await signIn(user.email);
    const variant = (await api<TStudentVariant>(cookie, `/api/exercises/${typeId}`)).body;
    expect(variant).toMatchObject({ round: 0, attemptsUsed: 1, given: generate(typeId, storedSeed).given });
    const graded = await submit(cookie, typeId, { answer: solve(typeId, storedSeed), round: 0 });
    expect(graded.status).toBe(200);
    expect(graded.body.attempt).toMatchObject({ score: 1, correct: true });
    expect((await getDb().attempt.findMany({ where: { userId: user.id }, select: { seed: true } })).map((row) => Number(row.seed))).toEqual([storedSeed, storedSeed]);
    // The next round is keyed.
    const next = (await api<TStudentVariant>(cookie, `/api/exercises/${typeId}`)).body;
    expect(next).toMatchObject({ round: 1, given: generate(typeId, seedForStudent(user.id, typeId, 1)).given });
  });
});

describe('instructor previews (?seed=)', () => {
  it('still open any seed for an instructor, and not for a student', async () => {
    const preview = await api<TPreviewVariant>(teachingCookie, '/api/exercises/pooling?seed=12345');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ mode: 'preview', seed: 12345, given: generate('pooling', 12345).given });
    expect((await api(studentCookie, '/api/exercises/pooling?seed=12345')).status).toBe(403);
  });

  it('cannot show an instructor their own graded variant as a student of another class', async () => {
    const own = await servedGivens(teachingCookie);
    let revealed = 0;
    for (const type of exerciseTypes) {
      const variant = own.get(type.id)!;
      // The only seed they can compute for themselves is the public, unkeyed one.
      const guess = seedOf('student', teachingStudent.id, type.id, variant.round);
      const { status, body } = await api<TPreviewVariant>(teachingCookie, `/api/exercises/${type.id}?seed=${guess}`);
      expect(status, type.id).toBe(200);
      if (JSON.stringify(body.given) === JSON.stringify(variant.given)) revealed++;
      // Nothing they receive as a student names their seed.
      expect(variant, type.id).not.toHaveProperty('seed');
    }
    // With unkeyed seeds every preview was their own graded variant (18 of 18).
    expect(revealed).toBeLessThanOrEqual(1);
  });
});
