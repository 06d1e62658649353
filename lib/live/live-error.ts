import { AppError, type AppErrorCode } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';

/** Machine-readable reasons a live action is refused; clients show `text` in the viewer's language. */
export type LiveErrorReason =
  | 'session-not-found'
  | 'session-ended'
  | 'session-locked'
  | 'guests-not-allowed'
  | 'not-a-member'
  | 'nickname-required'
  | 'nickname-taken'
  | 'not-joined'
  | 'kicked'
  | 'not-host'
  | 'question-not-open'
  | 'question-closed'
  | 'invalid-answer'
  | 'stale-phase'
  | 'deadline-passed'
  | 'rate-limited'
  | 'bad-request'
  | 'internal';

/** An AppError that also carries its reason and a { ko, en } sentence for the player or host. */
export class LiveError extends AppError {
  readonly reason: LiveErrorReason;
  readonly text: Localized;

  constructor(code: AppErrorCode, reason: LiveErrorReason, text: Localized) {
    super(code, text.en);
    this.reason = reason;
    this.text = text;
  }
}

export function isLiveError(error: unknown): error is LiveError {
  return error instanceof LiveError;
}
