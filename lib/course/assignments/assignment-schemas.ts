import { z } from 'zod';

// Shape of an assignment as the instructor's form sends it (client-safe: no server imports).
// Dates are wall-clock times in the class's time zone; the service checks meaning (type ids,
// units, order of dates) and answers in the user's language.

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

export const ZAssignmentParams = z.object({ assignmentId: z.string().min(1).max(64) });
