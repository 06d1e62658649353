import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import { getVariant } from '@/lib/exercises/get-variant';
import type { TStudentVariant } from '@/lib/exercises/schemas';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api } from './exercises-support';

// #12: within one class's homework round no two classmates get the same given numbers where the
// type has enough variants. param-counts has about 570 distinct variants, so with the keyed seed
// alone a class of 100 holds about eight repeated pairs (the chance of none is about 1 in 5,000):
// these tests fail unless the round's seed is redrawn against the classmates' variants.

const TYPE = 'param-counts';
const CLASS_SIZE = 100;

async function createClassOf(size: number, name: string): Promise<TestUser[]> {
  const students = await Promise.all(Array.from({ length: size }, (_, i) => createTestUser(`${name} ${i}`)));
  const instructor = await createTestUser(`${name} instructor`);
  await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))], name);
  return students;
}

function repeatedGivens(variants: readonly TStudentVariant[]): number {
  return variants.length - new Set(variants.map((variant) => JSON.stringify(variant.given))).size;
}

let sequential: TestUser[];
let concurrent: TestUser[];

beforeAll(async () => {
  [sequential, concurrent] = await Promise.all([createClassOf(CLASS_SIZE, 'Homework class A'), createClassOf(CLASS_SIZE, 'Homework class B')]);
}, 120_000);

describe('homework variants within a class', () => {
  it('give 100 classmates 100 different variants of a type with ~570 variants', { timeout: 120_000 }, async () => {
    // Without redraws the keyed seeds alone repeat (this is what the old code served).
    const keyedOnly = sequential.map((student) => JSON.stringify(generate(TYPE, seedForStudent(student.id, TYPE, 0)).given));
    expect(new Set(keyedOnly).size).toBeLessThan(CLASS_SIZE);

    const variants: TStudentVariant[] = [];
    for (const student of sequential) variants.push(await getVariant({ userId: student.id, typeId: TYPE }));
    expect(repeatedGivens(variants)).toBe(0);
    // Each shown variant is the stored seed's, and most students keep their first keyed draw.
    const stored = await getDb().homeworkSeed.findMany({ where: { typeId: TYPE, round: 0, userId: { in: sequential.map((s) => s.id) } } });
    expect(stored).toHaveLength(CLASS_SIZE);
    for (const [i, student] of sequential.entries()) {
      const row = stored.find((seed) => seed.userId === student.id)!;
      expect(variants[i].given).toEqual(generate(TYPE, Number(row.seed)).given);
    }
    expect(stored.filter((row) => Number(row.seed) === seedForStudent(row.userId, TYPE, 0)).length).toBeGreaterThan(CLASS_SIZE / 2);
  });

  it('stay distinct when a whole class opens the exercise at the same moment', { timeout: 120_000 }, async () => {
    const variants = await Promise.all(concurrent.map((student) => getVariant({ userId: student.id, typeId: TYPE })));
    expect(repeatedGivens(variants)).toBe(0);
  });

  it('keep a student’s variant the same on every reload, also through the API', { timeout: 60_000 }, async () => {
    const student = sequential[CLASS_SIZE - 1];
    const first = await getVariant({ userId: student.id, typeId: TYPE });
    const cookie = await signIn(student.email);
    for (let reload = 0; reload < 3; reload++) {
      const { status, body } = await api<TStudentVariant>(cookie, `/api/exercises/${TYPE}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ round: 0, given: first.given });
    }
  });

  it('draw a student outside any class from the keyed seed itself', async () => {
    const loner = await createTestUser('No class');
    const variant = await getVariant({ userId: loner.id, typeId: TYPE });
    expect(variant.given).toEqual(generate(TYPE, seedForStudent(loner.id, TYPE, 0)).given);
  });
});
