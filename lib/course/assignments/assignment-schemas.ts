import { z } from 'zod';
import { addLocalizedIssue } from '@/lib/i18n/localized-issues';
import type { Localized } from '@/lib/i18n/locales';
import { wallClock } from '@/lib/course/assignments/zoned-time';
import { ZFormNumber } from '@/lib/validation/text';

// Shape of an assignment as the instructor's form sends it (client-safe: no server imports).
// Dates are wall-clock times in the class's time zone. ZAssignmentForm adds what the assignment
// must mean (a title, an exercise, targets in range, dates in order); the form checks it before
// sending and the server checks it again (validateAssignmentInput), adding what only the server
// knows (exercise and unit ids, the class's time zone).

export const TITLE_MAX = 120;
export const MAX_ITEMS = 18;
export const ASSIGNMENT_TARGETS = ['SOLVE_COUNT', 'BEST_SCORE'] as const;

const ZLocalTime = z.string().max(19);

export const ZAssignmentItem = z.object({
  typeId: z.string().min(1).max(80),
  target: z.enum(ASSIGNMENT_TARGETS),
  /** SOLVE_COUNT: variants (1–20); BEST_SCORE: a score in (0, 1]. */
  targetValue: z.number().finite(),
});

export const ZAssignmentInput = z.object({
  title: z.string().max(TITLE_MAX * 2),
  unitIds: z.array(z.string().max(80)).max(20),
  items: z.array(ZAssignmentItem).max(MAX_ITEMS),
  opensAt: ZLocalTime,
  dueAt: ZLocalTime,
  /** Null: no late work accepted. */
  lateUntil: ZLocalTime.nullable(),
  latePenaltyPct: z.number().int().min(0).max(100),
  isPublished: z.boolean(),
});
export type TAssignmentInput = z.infer<typeof ZAssignmentInput>;

export const ASSIGNMENT_TEXT = {
  title: { ko: `제목을 1~${TITLE_MAX}자로 입력하세요.`, en: `Enter a title of 1–${TITLE_MAX} characters.` },
  items: { ko: '연습문제를 하나 이상 고르세요.', en: 'Choose at least one exercise.' },
  duplicate: { ko: '같은 연습문제를 두 번 넣을 수 없습니다.', en: 'The same exercise appears twice.' },
  count: { ko: '풀 변형 수는 1~20 사이의 정수여야 합니다.', en: 'The number of variants must be a whole number from 1 to 20.' },
  score: { ko: '목표 점수는 1~100% 사이여야 합니다.', en: 'The target score must be between 1 % and 100 %.' },
  date: { ko: '날짜와 시간을 입력하세요.', en: 'Enter a date and time.' },
  order: { ko: '마감은 시작보다 뒤여야 합니다.', en: 'The due date must come after the opening date.' },
  lateOrder: { ko: '지각 제출 마감은 원래 마감보다 뒤여야 합니다.', en: 'Late work must be accepted until after the due date.' },
  penalty: { ko: '지각 감점은 0~100 사이의 정수(%)로 입력하세요.', en: 'Enter a late penalty of 0–100 (whole %).' },
} satisfies Record<string, Localized>;

/** The form's number boxes may hold NaN (emptied or mistyped): the checks below name them. */
const ZAssignmentFormShape = z.object({
  ...ZAssignmentInput.shape,
  items: z.array(ZAssignmentItem.extend({ targetValue: ZFormNumber })).max(MAX_ITEMS),
  latePenaltyPct: ZFormNumber,
});

export const ZAssignmentForm = ZAssignmentFormShape.superRefine((input, context) => {
  const fail = (path: (string | number)[], text: Localized) => addLocalizedIssue(context, path, text);
  const title = input.title.trim();
  if (title.length < 1 || title.length > TITLE_MAX || /\p{Cc}/u.test(title)) fail(['title'], ASSIGNMENT_TEXT.title);
  if (input.items.length === 0) fail(['items'], ASSIGNMENT_TEXT.items);
  if (new Set(input.items.map((item) => item.typeId)).size !== input.items.length) fail(['items'], ASSIGNMENT_TEXT.duplicate);
  input.items.forEach((item, index) => {
    if (item.target === 'SOLVE_COUNT' && !(Number.isInteger(item.targetValue) && item.targetValue >= 1 && item.targetValue <= 20)) fail(['items', index, 'targetValue'], ASSIGNMENT_TEXT.count);
    if (item.target === 'BEST_SCORE' && !(item.targetValue >= 0.01 && item.targetValue <= 1)) fail(['items', index, 'targetValue'], ASSIGNMENT_TEXT.score);
  });
  if (!(Number.isInteger(input.latePenaltyPct) && input.latePenaltyPct >= 0 && input.latePenaltyPct <= 100)) fail(['latePenaltyPct'], ASSIGNMENT_TEXT.penalty);
  const opensAt = wallClock(input.opensAt);
  const dueAt = wallClock(input.dueAt);
  const lateUntil = input.lateUntil === null ? null : wallClock(input.lateUntil);
  if (!opensAt) fail(['opensAt'], ASSIGNMENT_TEXT.date);
  if (!dueAt) fail(['dueAt'], ASSIGNMENT_TEXT.date);
  if (input.lateUntil !== null && !lateUntil) fail(['lateUntil'], ASSIGNMENT_TEXT.date);
  // Wall-clock order in one zone; the server checks it again on the UTC instants (daylight saving).
  if (opensAt && dueAt && dueAt <= opensAt) fail(['dueAt'], ASSIGNMENT_TEXT.order);
  if (dueAt && lateUntil && lateUntil <= dueAt) fail(['lateUntil'], ASSIGNMENT_TEXT.lateOrder);
});

export const ZAssignmentParams = z.object({ assignmentId: z.string().min(1).max(64) });
