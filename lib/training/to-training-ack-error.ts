import { z } from 'zod';
import { isAppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';
import { isTrainingError } from './training-error';
import type { TTrainingAckError } from './training-events';

/** Any failure as the acknowledgement a socket client gets: code, sentence (ko + en), field errors. */
export function toTrainingAckError(error: unknown, event: string): TTrainingAckError {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
    const first = error.issues[0];
    const detail = `${first && first.path.length > 0 ? `${first.path.join('.')}: ` : ''}${first?.message ?? 'malformed request'}`;
    return { ok: false, error: { code: 'BAD_REQUEST', message: `Invalid input — ${detail}`, text: { ko: `잘못된 입력입니다 — ${detail}`, en: `Invalid input — ${detail}` }, fieldErrors } };
  }
  if (isTrainingError(error)) return { ok: false, error: { code: error.code, message: error.message, text: error.text, fieldErrors: error.fieldErrors } };
  if (isAppError(error)) {
    return { ok: false, error: { code: error.code, message: error.message, text: { ko: error.message, en: error.message }, fieldErrors: error.fieldErrors } };
  }
  getLogger().error({ err: error, event }, 'training socket handler failed');
  const text = { ko: '서버에 문제가 생겼습니다. 잠시 뒤 다시 시도하세요.', en: 'Something went wrong on our side. Please try again.' };
  return { ok: false, error: { code: 'INTERNAL', message: text.en, text } };
}
