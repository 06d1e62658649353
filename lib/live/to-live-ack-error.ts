import { z } from 'zod';
import { isAppError } from '@/lib/errors';
import { isLiveError } from '@/lib/live/live-error';
import type { TLiveAck } from '@/lib/live/live-payloads';
import { getLogger } from '@/lib/log';

type AckError = Extract<TLiveAck<object>, { ok: false }>;

/** Any failure as the acknowledgement a client gets: a code, a reason and a sentence in ko and en. */
export function toLiveAckError(error: unknown, event: string): AckError {
  if (isLiveError(error)) return { ok: false, error: { code: error.code, reason: error.reason, message: error.message, text: error.text } };
  if (error instanceof z.ZodError) {
    const first = error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    const detail = `${where}${first?.message ?? 'malformed'}`;
    return {
      ok: false,
      error: { code: 'BAD_REQUEST', reason: 'bad-request', message: `Invalid input — ${detail}`, text: { ko: `잘못된 요청입니다 — ${detail}`, en: `Invalid input — ${detail}` } },
    };
  }
  if (isAppError(error) && error.code === 'RATE_LIMITED') {
    const seconds = error.retryAfterSeconds ?? 1;
    return {
      ok: false,
      error: { code: error.code, reason: 'rate-limited', message: error.message, text: { ko: `요청이 너무 많습니다. ${seconds}초 뒤에 다시 시도하세요.`, en: error.message } },
    };
  }
  if (isAppError(error)) {
    return { ok: false, error: { code: error.code, reason: 'bad-request', message: error.message, text: { ko: error.message, en: error.message } } };
  }
  getLogger().error({ err: error, event }, 'live socket handler failed');
  const text = { ko: '서버에 문제가 생겼습니다. 잠시 뒤 다시 시도하세요.', en: 'Something went wrong on our side. Please try again.' };
  return { ok: false, error: { code: 'INTERNAL', reason: 'internal', message: text.en, text } };
}
