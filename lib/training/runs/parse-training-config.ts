import { fromZodError } from '@/lib/errors';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { ZTrainingConfig } from '@/engine/playground/training-config';

/** The configuration, or a BAD_REQUEST naming the first knob that is out of range (all in fieldErrors). */
export function parseTrainingConfig(input: unknown): TTrainingConfig {
  const parsed = ZTrainingConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  throw fromZodError(parsed.error, { ko: '설정을 확인하세요', en: 'Check the configuration' });
}
