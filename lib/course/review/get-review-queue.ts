import 'server-only';
import { getDb } from '@/lib/db';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import type { Localized } from '@/lib/i18n/locales';

export interface DueReview {
  typeId: string;
  title: Localized;
  due: Date;
}

export interface ReviewQueue {
  /** Skills due now, most overdue first. */
  dueNow: DueReview[];
  /** Skills due by the end of today (Seoul time, the course's day), including those due now. */
  dueTodayCount: number;
  /** When the next skill not yet due comes due; null when none is scheduled. */
  nextDueAt: Date | null;
}

const SEOUL_OFFSET_MS = 9 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The first moment of the next Seoul calendar day after `now` (Korea has no daylight saving time). */
export function endOfSeoulDay(now: Date): Date {
  const local = now.getTime() + SEOUL_OFFSET_MS;
  return new Date(local - (local % DAY_MS) + DAY_MS - SEOUL_OFFSET_MS);
}

/** The student's review queue: skills whose FSRS review is due. */
export async function getReviewQueue(userId: string, now = new Date()): Promise<ReviewQueue> {
  const [cards, outline] = await Promise.all([
    getDb().reviewCard.findMany({ where: { userId }, select: { typeId: true, due: true }, orderBy: { due: 'asc' } }),
    getCourseOutline(),
  ]);
  const titles = new Map(outline.flatMap((unit) => unit.exercises.map((exercise) => [exercise.typeId, exercise.title] as const)));
  const known = cards.filter((card) => titles.has(card.typeId));
  const endOfDay = endOfSeoulDay(now);
  return {
    dueNow: known.filter((card) => card.due <= now).map((card) => ({ typeId: card.typeId, due: card.due, title: titles.get(card.typeId) ?? { ko: card.typeId, en: card.typeId } })),
    dueTodayCount: known.filter((card) => card.due < endOfDay).length,
    nextDueAt: known.find((card) => card.due > now)?.due ?? null,
  };
}
