import { getDb } from '@/lib/db';
import { withUniqueJoinCode } from '@/lib/classes/with-unique-join-code';

export interface CreateClassOptions {
  userId: string;
  name: string;
}

export interface CreatedClass {
  id: string;
  name: string;
  joinCode: string;
}

/** Any signed-in user may open a class; they become its first instructor in the same write. */
export async function createClass({ userId, name }: CreateClassOptions): Promise<CreatedClass> {
  return withUniqueJoinCode((joinCode) =>
    getDb().class.create({
      data: { name, joinCode, memberships: { create: { userId, role: 'INSTRUCTOR' } } },
      select: { id: true, name: true, joinCode: true },
    }),
  );
}
