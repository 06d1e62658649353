import type { Locale, Localized } from '@/lib/i18n/locales';

// The browser's one API client: every fetch to our JSON API goes through sendJson(), which never
// throws and turns a failed response (or no response at all) into an ApiError, the client side of
// the JSON error body from handleRoute. describeApiError() makes it one sentence in the viewer's
// language; forms pass wording for the failures they expect. useApiAction() (use-api-action.ts)
// adds the pending flag and error state a form needs.

export interface ApiError {
  status: number;
  code: string;
  /** The server's sentence in English; `text` has it in both languages. */
  message: string;
  /** The server's machine-readable reason (`nickname-taken`, `session-not-found`, …), to branch on. */
  reason?: string;
  text?: Localized;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
}

export const NETWORK_ERROR: ApiError = { status: 0, code: 'NETWORK', message: 'Could not reach the server.' };

export async function readApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: Partial<ApiError> };
    return {
      status: response.status,
      code: body.error?.code ?? 'INTERNAL',
      message: body.error?.message ?? response.statusText,
      reason: body.error?.reason,
      text: body.error?.text,
      fieldErrors: body.error?.fieldErrors,
      retryAfterSeconds: body.error?.retryAfterSeconds,
    };
  } catch {
    return { status: response.status, code: 'INTERNAL', message: response.statusText };
  }
}

export function tryAgainIn(seconds: number, locale: Locale): string {
  return locale === 'ko' ? `시도가 너무 많습니다. ${seconds}초 후에 다시 시도하세요.` : `Too many attempts. Try again in ${seconds} s.`;
}

const GENERIC: Record<string, Localized> = {
  NETWORK: { ko: '서버에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요. 입력한 내용은 그대로 있습니다.', en: 'Could not reach the server. Check your connection and try again; what you typed is still here.' },
  UNAUTHORIZED: { ko: '로그인이 만료되었습니다. 다시 로그인한 뒤 시도하세요.', en: 'Your session has expired. Sign in again, then retry.' },
  FORBIDDEN: { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do that.' },
  PAYLOAD_TOO_LARGE: { ko: '보낸 내용이 너무 큽니다.', en: 'What you sent is too large.' },
  INTERNAL: { ko: '서버에 문제가 생겼습니다. 잠시 후 다시 시도하세요.', en: 'Something went wrong on our side. Please try again.' },
};

/**
 * One sentence for the user: the form's own wording for this code; else the server's sentence when
 * it says it in both languages (an AppError with an English-only message has the same text in
 * both); else a generic one for the code; else the server's English sentence.
 */
export function describeApiError(error: ApiError, locale: Locale, specific: Partial<Record<string, Localized>> = {}): string {
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) return tryAgainIn(error.retryAfterSeconds, locale);
  const serverText = error.text && error.text.ko !== error.text.en ? error.text : undefined;
  const text = specific[error.code] ?? serverText ?? GENERIC[error.code];
  return text ? text[locale] : error.message;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface SendJsonOptions {
  /** Retries after a network failure (not after an error response), waiting retryDelayMs between tries. Default 0. */
  retries?: number;
  retryDelayMs?: number;
  /** Called before each retry, e.g. to show "reconnecting…". */
  onRetry?: (attempt: number) => void;
}

/** fetch() with a JSON body; resolves to the parsed body or an ApiError (never throws). */
export async function sendJson<T>(url: string, method: string, body?: unknown, { retries = 0, retryDelayMs = 1000, onRetry }: SendJsonOptions = {}): Promise<ApiResult<T>> {
  let response: Response | null = null;
  for (let attempt = 0; response === null; attempt++) {
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      if (attempt >= retries) return { ok: false, error: NETWORK_ERROR };
      onRetry?.(attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
  }
  if (!response.ok) return { ok: false, error: await readApiError(response) };
  // 204 and empty bodies carry no data.
  try {
    const text = await response.text();
    return { ok: true, data: (text ? JSON.parse(text) : null) as T };
  } catch {
    return { ok: false, error: { status: response.status, code: 'INTERNAL', message: 'The server sent a reply that is not JSON.' } };
  }
}
