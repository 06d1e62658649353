import { AppError } from '@/lib/errors';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { knobErrors, knobLabel } from '@/engine/playground/knob-messages';
import { ZTrainingConfig } from '@/engine/playground/training-config';

/**
 * The configuration, or a BAD_REQUEST naming the first knob that is out of range with its allowed
 * range, in both languages (the same sentences the form shows under each knob; all in fieldErrors).
 */
export function parseTrainingConfig(input: unknown): TTrainingConfig {
  const parsed = ZTrainingConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = Object.entries(knobErrors(parsed.error, input));
  const model = typeof input === 'object' && input !== null && 'model' in input && typeof input.model === 'string' ? input.model : '';
  const [knob, text] = errors[0] ?? ['model', { ko: '설정이 올바르지 않습니다.', en: 'The configuration is not valid.' }];
  const label = knob === 'model' ? null : knobLabel(model as TTrainingConfig['model'], knob);
  throw new AppError(
    'BAD_REQUEST',
    { ko: `설정을 확인하세요 — ${label ? `${label.ko}: ` : ''}${text.ko}`, en: `Check the configuration — ${label ? `${label.en}: ` : ''}${text.en}` },
    { fieldErrors: Object.fromEntries(errors.map(([key, value]) => [key, [value.en]])) },
  );
}
