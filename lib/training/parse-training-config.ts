import { ZTrainingConfig, type TTrainingConfig } from './config-schema';
import { TrainingError } from './training-error';

/** The configuration, or a BAD_REQUEST naming the first knob that is out of range (all in fieldErrors). */
export function parseTrainingConfig(input: unknown): TTrainingConfig {
  const parsed = ZTrainingConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
  const first = parsed.error.issues[0];
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new TrainingError('BAD_REQUEST', { ko: `설정을 확인하세요 — ${where}${first.message}`, en: `Check the configuration — ${where}${first.message}` }, { fieldErrors });
}
