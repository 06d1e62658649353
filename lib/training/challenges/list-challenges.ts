import { getDb } from '@/lib/db';

export type ChallengeSummary = {
  id: string;
  classId: string;
  className: string;
  title: string;
  model: string;
  task: string;
  maxParams: number;
  maxSeconds: number;
  closesAt: string;
  isOpen: boolean;
  entries: number;
};

/** Challenges of the classes the user belongs to, open ones first, newest first. */
export async function listChallenges({ userId }: { userId: string }): Promise<ChallengeSummary[]> {
  const rows = await getDb().challenge.findMany({
    where: { class: { memberships: { some: { userId } } } },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true, classId: true, title: true, model: true, task: true, maxParams: true, maxSeconds: true, closesAt: true,
      class: { select: { name: true } }, _count: { select: { entries: true } },
    },
  });
  const now = Date.now();
  return rows
    .map(({ class: found, _count, closesAt, ...row }) => ({ ...row, className: found.name, closesAt: closesAt.toISOString(), isOpen: closesAt.getTime() > now, entries: _count.entries }))
    .sort((a, b) => Number(b.isOpen) - Number(a.isOpen));
}
