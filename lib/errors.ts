// One error type for everything a user can cause. The message is a sentence for the user;
// `details` go to the log only.

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorOptions {
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  details?: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.code = code;
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

/** The JSON body every failed request returns. */
export interface TErrorBody {
  error: { code: AppErrorCode | 'INTERNAL'; message: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };
}
