import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/db';
import { findUnit } from '@/lib/content/find-unit';

export interface MarkUnitReadOptions {
  userId: string;
  unitId: string;
}

export interface MarkUnitReadResult {
  unitId: string;
  isRead: true;
  /** ISO time of the first time the student marked the unit read; later marks keep it. */
  readAt: string;
}

/** Records that the student has read the unit. Idempotent: a double click or a retry changes nothing. */
export async function markUnitRead({ userId, unitId }: MarkUnitReadOptions): Promise<MarkUnitReadResult> {
  const unit = await findUnit(unitId);
  if (!unit) throw new AppError('NOT_FOUND', `There is no unit "${unitId}".`);
  const db = getDb();
  // ON CONFLICT DO NOTHING: two simultaneous requests cannot both insert, and neither fails.
  await db.unitProgress.createMany({ data: [{ userId, unitId: unit.id }], skipDuplicates: true });
  const row = await db.unitProgress.findUniqueOrThrow({ where: { userId_unitId: { userId, unitId: unit.id } }, select: { readAt: true } });
  return { unitId: unit.id, isRead: true, readAt: row.readAt.toISOString() };
}
