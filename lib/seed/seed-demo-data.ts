import type { PrismaClient } from '@/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';

// Demo accounts for a first look (printed in the README). Idempotent: upserts by email / join code.
export const DEMO_PASSWORD = 'backprop-demo';
export const DEMO_CLASS = { name: 'Deep Learning 101 (demo)', joinCode: 'DEMO01' };
export const DEMO_INSTRUCTOR = { email: 'instructor@demo.backprop.live', name: '김교수 (Prof. Kim)' };
export const DEMO_STUDENTS = [
  { email: 'student1@demo.backprop.live', name: '이하늘 (Haneul Lee)' },
  { email: 'student2@demo.backprop.live', name: '박민준 (Minjun Park)' },
  { email: 'student3@demo.backprop.live', name: 'Alex Chen' },
];

export async function seedDemoData(db: PrismaClient): Promise<{ classId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const upsertUser = (user: { email: string; name: string }) =>
    db.user.upsert({ where: { email: user.email }, update: {}, create: { ...user, passwordHash } });

  const instructor = await upsertUser(DEMO_INSTRUCTOR);
  const students = [];
  for (const student of DEMO_STUDENTS) students.push(await upsertUser(student));

  const demoClass = await db.class.upsert({ where: { joinCode: DEMO_CLASS.joinCode }, update: {}, create: DEMO_CLASS });
  const memberships = [
    { userId: instructor.id, role: 'INSTRUCTOR' as const },
    ...students.map((student) => ({ userId: student.id, role: 'STUDENT' as const })),
  ];
  for (const membership of memberships) {
    await db.membership.upsert({
      where: { userId_classId: { userId: membership.userId, classId: demoClass.id } },
      update: {},
      create: { ...membership, classId: demoClass.id },
    });
  }
  return { classId: demoClass.id };
}
