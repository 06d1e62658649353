import { z } from 'zod';
import { MODEL_KINDS } from '@/engine/playground/config-schema';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { MODEL_TASKS } from '@/engine/playground/model-tasks';
import { ZId, zName } from '@/lib/validation/text';

/** An instructor's new challenge; the same schema checks the form in the browser. */
export const ZCreateChallenge = z
  .object({
    classId: ZId,
    sessionId: ZId.optional(),
    title: zName({ max: 120 }),
    model: z.enum(MODEL_KINDS),
    task: z.string().min(1).max(40),
    maxParams: z.int().min(3).max(TRAINING_LIMITS.maxParams),
    maxSeconds: z.int().min(5).max(TRAINING_LIMITS.wallSeconds),
    closesAt: z.coerce.date(),
  })
  .superRefine((value, context) => {
    if (!MODEL_TASKS[value.model].includes(value.task)) {
      context.addIssue({ code: 'custom', path: ['task'], message: `${value.model} does not train on "${value.task}" (choose ${MODEL_TASKS[value.model].join(', ')}).` });
    }
  });

export type TCreateChallenge = z.infer<typeof ZCreateChallenge>;
