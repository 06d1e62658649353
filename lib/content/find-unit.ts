import { getCourse } from '@/lib/content/get-course';
import type { Unit } from '@/lib/content/unit-schema';

/** One unit by id, or null when no renderable unit has that id. */
export async function findUnit(unitId: string): Promise<Unit | null> {
  const { units } = await getCourse();
  return units.find((unit) => unit.id === unitId) ?? null;
}
