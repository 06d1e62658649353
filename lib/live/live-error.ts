import { AppError, type AppErrorCode } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';

/** Machine-readable reasons a live action is refused; clients show `text` in the viewer's language. */
export const LIVE_ERROR_REASONS = [
  'session-not-found',
  'session-ended',
  'session-locked',
  'nickname-required',
  'nickname-taken',
  'not-joined',
  'kicked',
  'not-host',
  'question-not-open',
  'question-closed',
  'invalid-answer',
  'stale-phase',
  'deadline-passed',
  'rate-limited',
  'bad-request',
  'internal',
] as const;
export type LiveErrorReason = (typeof LIVE_ERROR_REASONS)[number];

/**
 * An AppError with a live reason: `new LiveError(code, reason, text)` is `new AppError(code, text, { reason })`
 * (kept so the live services read as before; `toAck` in lib/realtime turns either into an ack).
 */
export class LiveError extends AppError {
  declare readonly reason: LiveErrorReason;

  constructor(code: AppErrorCode, reason: LiveErrorReason, text: Localized) {
    super(code, text, { reason });
  }
}

export function isLiveError(error: unknown): error is LiveError {
  return error instanceof LiveError;
}
