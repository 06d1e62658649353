import 'server-only';
import { isExerciseTypeId } from '@/engine/exercises';
import { getCourse } from '@/lib/content/get-course';
import { AppError } from '@/lib/errors';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { localizedFieldErrors } from '@/lib/i18n/localized-issues';
import { ASSIGNMENT_TEXT, ZAssignmentForm, type TAssignmentInput } from '@/lib/course/assignments/assignment-schemas';
import { zonedToUtc } from '@/lib/course/assignments/zoned-time';
import type { TargetKind } from '@/lib/course/assignments/evaluate-assignment';

export interface ValidAssignment {
  title: string;
  unitIds: string[];
  items: { typeId: string; target: TargetKind; targetValue: number }[];
  opensAt: Date;
  dueAt: Date;
  lateUntil: Date | null;
  latePenaltyPct: number;
  isPublished: boolean;
}

// The sentences of what only the server can check; the rest come with ZAssignmentForm.
const M = {
  type: { ko: '알 수 없는 연습문제입니다.', en: 'Unknown exercise.' },
  unit: { ko: '알 수 없는 유닛입니다.', en: 'Unknown unit.' },
} satisfies Record<string, Localized>;

/**
 * Checks the meaning of an instructor's assignment with the form's own schema (ZAssignmentForm),
 * then what only the server knows (exercise and unit ids, the class's time zone), and converts
 * its dates from `timeZone` to UTC.
 */
export async function validateAssignmentInput(input: TAssignmentInput, timeZone: string, locale: Locale): Promise<ValidAssignment> {
  const checked = ZAssignmentForm.safeParse(input);
  const fieldErrors: Record<string, string[]> = checked.success ? {} : localizedFieldErrors(checked.error, locale);
  const fail = (field: string, text: Localized) => (fieldErrors[field] ??= []).push(text[locale]);

  const title = input.title.trim();
  const { units } = await getCourse();
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.some((id) => !units.some((unit) => unit.id === id))) fail('unitIds', M.unit);
  input.items.forEach((item, index) => {
    if (!isExerciseTypeId(item.typeId)) fail(`items.${index}.typeId`, M.type);
  });
  const opensAt = zonedToUtc(input.opensAt, timeZone);
  const dueAt = zonedToUtc(input.dueAt, timeZone);
  const lateUntil = input.lateUntil === null ? null : zonedToUtc(input.lateUntil, timeZone);
  // Again on the UTC instants: a day that does not exist (Feb 31) or a daylight-saving change
  // can make well-formed wall-clock times invalid or out of order.
  const once = (field: string, text: Localized) => {
    if (!fieldErrors[field]?.includes(text[locale])) fail(field, text);
  };
  if (!opensAt) once('opensAt', ASSIGNMENT_TEXT.date);
  if (!dueAt) once('dueAt', ASSIGNMENT_TEXT.date);
  if (input.lateUntil !== null && !lateUntil) once('lateUntil', ASSIGNMENT_TEXT.date);
  if (opensAt && dueAt && dueAt <= opensAt) once('dueAt', ASSIGNMENT_TEXT.order);
  if (dueAt && lateUntil && lateUntil <= dueAt) once('lateUntil', ASSIGNMENT_TEXT.lateOrder);

  const first = Object.values(fieldErrors)[0]?.[0];
  if (first || !opensAt || !dueAt) throw new AppError('BAD_REQUEST', first ?? ASSIGNMENT_TEXT.date[locale], { fieldErrors });
  return {
    title,
    unitIds,
    items: input.items.map((item) => ({ typeId: item.typeId, target: item.target, targetValue: item.targetValue })),
    opensAt,
    dueAt,
    lateUntil,
    latePenaltyPct: lateUntil ? input.latePenaltyPct : 0,
    isPublished: input.isPublished,
  };
}
