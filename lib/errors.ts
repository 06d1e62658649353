import type { z } from 'zod';
import type { Localized } from '@/lib/i18n/locales';

// One error type for everything a user can cause, over HTTP and over sockets. `message` is the
// English sentence for the user, `text` the same sentence in ko + en, `reason` a machine-readable
// kebab-case code a client can branch on; `details` go to the log only. Client-safe (no server imports).

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorOptions {
  /** Machine-readable refusal reason; defaults to the code in kebab case (`NOT_FOUND` → `not-found`). */
  reason?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  details?: unknown;
}

/** `BAD_REQUEST` → `bad-request`. */
export function reasonOf(code: AppErrorCode | 'INTERNAL'): string {
  return code.toLowerCase().replaceAll('_', '-');
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: AppErrorCode;
  readonly reason: string;
  /** The message in both languages; an English-only message is used for both. */
  readonly text: Localized;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string | Localized, options: AppErrorOptions = {}) {
    const text = typeof message === 'string' ? { ko: message, en: message } : message;
    super(text.en);
    this.code = code;
    this.text = text;
    this.reason = options.reason ?? reasonOf(code);
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The error part of every failed request and every failed socket acknowledgement. */
export interface TErrorPayload {
  code: AppErrorCode | 'INTERNAL';
  reason: string;
  message: string;
  text: Localized;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
}

/** The JSON body every failed request returns. */
export interface TErrorBody {
  error: TErrorPayload;
}

/** A failed socket acknowledgement; a successful one is `{ ok: true, ...result }`. */
export interface TAckError {
  ok: false;
  error: TErrorPayload;
}

export type TAck<T extends object> = ({ ok: true } & T) | TAckError;

export const INTERNAL_TEXT: Localized = { ko: '서버에 문제가 생겼습니다. 잠시 뒤 다시 시도하세요.', en: 'Something went wrong on our side. Please try again.' };

/** What a client sees of an error: its own fields for an AppError, a generic sentence otherwise. */
export function toErrorPayload(error: AppError | null): TErrorPayload {
  if (!error) return { code: 'INTERNAL', reason: 'internal', message: INTERNAL_TEXT.en, text: INTERNAL_TEXT };
  return { code: error.code, reason: error.reason, message: error.message, text: error.text, fieldErrors: error.fieldErrors, retryAfterSeconds: error.retryAfterSeconds };
}

/** One zod issue as `path: message` (`quote` puts the path in quotes, for file diagnostics). */
export function describeZodIssue(issue: z.core.$ZodIssue, { quote = false, separator = ': ' }: { quote?: boolean; separator?: string } = {}): string {
  if (issue.path.length === 0) return issue.message;
  const path = issue.path.map(String).join('.');
  return `${quote ? `"${path}"` : path}${separator}${issue.message}`;
}

/** Every issue's message under its dotted path (`_` for the root). */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
  return fieldErrors;
}

/**
 * A failed parse as a BAD_REQUEST naming the first problem (all of them in `fieldErrors`).
 * `lead` is the sentence before the problem, default "Invalid input".
 */
export function fromZodError(error: z.ZodError, lead: Localized = { ko: '잘못된 입력입니다', en: 'Invalid input' }): AppError {
  const first = error.issues[0];
  const detail = first ? describeZodIssue(first) : 'malformed request';
  return new AppError('BAD_REQUEST', { ko: `${lead.ko} — ${detail}`, en: `${lead.en} — ${detail}` }, { fieldErrors: zodFieldErrors(error) });
}

/** A unique constraint failed (Prisma's P2002), from any Prisma client version. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002' && 'clientVersion' in error;
}
