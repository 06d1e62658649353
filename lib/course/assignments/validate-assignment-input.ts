import 'server-only';
import { isExerciseTypeId } from '@/engine/exercises';
import { getCourse } from '@/lib/content/get-course';
import { AppError } from '@/lib/errors';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { TITLE_MAX, type TAssignmentInput } from '@/lib/course/assignments/assignment-schemas';
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

const M = {
  title: { ko: `제목을 1~${TITLE_MAX}자로 입력하세요.`, en: `Enter a title of 1–${TITLE_MAX} characters.` },
  items: { ko: '연습문제를 하나 이상 고르세요.', en: 'Choose at least one exercise.' },
  duplicate: { ko: '같은 연습문제를 두 번 넣을 수 없습니다.', en: 'The same exercise appears twice.' },
  type: { ko: '알 수 없는 연습문제입니다.', en: 'Unknown exercise.' },
  unit: { ko: '알 수 없는 유닛입니다.', en: 'Unknown unit.' },
  count: { ko: '풀 변형 수는 1~20 사이의 정수여야 합니다.', en: 'The number of variants must be a whole number from 1 to 20.' },
  score: { ko: '목표 점수는 1~100% 사이여야 합니다.', en: 'The target score must be between 1 % and 100 %.' },
  date: { ko: '날짜와 시간을 입력하세요.', en: 'Enter a date and time.' },
  order: { ko: '마감은 시작보다 뒤여야 합니다.', en: 'The due date must come after the opening date.' },
  lateOrder: { ko: '지각 제출 마감은 원래 마감보다 뒤여야 합니다.', en: 'Late work must be accepted until after the due date.' },
} satisfies Record<string, Localized>;

/** Checks the meaning of an instructor's assignment and converts its dates from `timeZone` to UTC. */
export async function validateAssignmentInput(input: TAssignmentInput, timeZone: string, locale: Locale): Promise<ValidAssignment> {
  const fieldErrors: Record<string, string[]> = {};
  const fail = (field: string, text: Localized) => (fieldErrors[field] ??= []).push(text[locale]);

  const title = input.title.trim();
  if (title.length < 1 || title.length > TITLE_MAX || /\p{Cc}/u.test(title)) fail('title', M.title);
  const { units } = await getCourse();
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.some((id) => !units.some((unit) => unit.id === id))) fail('unitIds', M.unit);
  if (input.items.length === 0) fail('items', M.items);
  if (new Set(input.items.map((item) => item.typeId)).size !== input.items.length) fail('items', M.duplicate);
  input.items.forEach((item, index) => {
    if (!isExerciseTypeId(item.typeId)) fail(`items.${index}.typeId`, M.type);
    if (item.target === 'SOLVE_COUNT' && !(Number.isInteger(item.targetValue) && item.targetValue >= 1 && item.targetValue <= 20)) fail(`items.${index}.targetValue`, M.count);
    if (item.target === 'BEST_SCORE' && !(item.targetValue >= 0.01 && item.targetValue <= 1)) fail(`items.${index}.targetValue`, M.score);
  });
  const opensAt = zonedToUtc(input.opensAt, timeZone);
  const dueAt = zonedToUtc(input.dueAt, timeZone);
  const lateUntil = input.lateUntil === null ? null : zonedToUtc(input.lateUntil, timeZone);
  if (!opensAt) fail('opensAt', M.date);
  if (!dueAt) fail('dueAt', M.date);
  if (input.lateUntil !== null && !lateUntil) fail('lateUntil', M.date);
  if (opensAt && dueAt && dueAt <= opensAt) fail('dueAt', M.order);
  if (dueAt && lateUntil && lateUntil <= dueAt) fail('lateUntil', M.lateOrder);

  const first = Object.values(fieldErrors)[0]?.[0];
  if (first || !opensAt || !dueAt) throw new AppError('BAD_REQUEST', first ?? M.date[locale], { fieldErrors });
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
