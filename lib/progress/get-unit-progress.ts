import { AppError } from '@/lib/errors';
import { findUnit } from '@/lib/content/find-unit';
import { getCourseProgress, type UnitProgress } from '@/lib/progress/get-course-progress';

export interface GetUnitProgressOptions {
  userId: string;
  unitId: string;
}

/** One student's progress on one unit; throws NOT_FOUND for a unit id the course does not have. */
export async function getUnitProgress({ userId, unitId }: GetUnitProgressOptions): Promise<UnitProgress> {
  const unit = await findUnit(unitId);
  if (!unit) throw new AppError('NOT_FOUND', `There is no unit "${unitId}".`);
  const progress = await getCourseProgress({ userId, units: [unit] });
  return progress.get(unit.id)!;
}
