import { afterAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS, seedDemoData } from '@/lib/seed/seed-demo-data';
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
