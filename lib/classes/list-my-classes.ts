import type { Role } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db';

export interface MyClass {
  id: string;
  name: string;
  role: Role;
  studentCount: number;
  joinedAt: Date;
}

/** The classes the user belongs to, newest membership first, with their role in each. */
export async function listMyClasses(userId: string): Promise<MyClass[]> {
  const memberships = await getDb().membership.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: {
      role: true,
      createdAt: true,
      class: { select: { id: true, name: true, _count: { select: { memberships: { where: { role: 'STUDENT' } } } } } },
    },
  });
  return memberships.map(({ role, createdAt, class: found }) => ({
    id: found.id,
    name: found.name,
    role,
    studentCount: found._count.memberships,
    joinedAt: createdAt,
  }));
}
