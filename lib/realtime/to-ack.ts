import { z } from 'zod';
import { fromZodError, isAppError, toErrorPayload, type TAckError } from '@/lib/errors';
import { getLogger } from '@/lib/log';

/**
 * Any failure as the acknowledgement a socket client gets: `{ ok: false, error: { code, reason,
 * message, text: { ko, en }, fieldErrors?, retryAfterSeconds? } }` — the same error object a failed
 * HTTP request carries. A refusal is logged at info; anything else is a bug, logged as an error and
 * answered with a generic sentence.
 */
export function toAck(error: unknown, event: string): TAckError {
  const known = error instanceof z.ZodError ? fromZodError(error) : isAppError(error) ? error : null;
  if (known) {
    getLogger().info({ event, code: known.code, reason: known.reason, details: known.details }, known.message);
    return { ok: false, error: toErrorPayload(known) };
  }
  getLogger().error({ err: error, event }, 'socket handler failed');
  return { ok: false, error: toErrorPayload(null) };
}
