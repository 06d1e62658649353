import { getDb } from '@/lib/db';

export type HostableSession = { id: string; classId: string; pin: string; createdAt: string };

/** The user's open live sessions that belong to a class: a challenge can be opened inside one. */
export async function listHostableSessions({ userId }: { userId: string }): Promise<HostableSession[]> {
  const rows = await getDb().liveSession.findMany({
    where: { hostId: userId, endedAt: null, classId: { not: null } },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, classId: true, pin: true, createdAt: true },
  });
  return rows.flatMap((row) => (row.classId ? [{ id: row.id, classId: row.classId, pin: row.pin, createdAt: row.createdAt.toISOString() }] : []));
}
