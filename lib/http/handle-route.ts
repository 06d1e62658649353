import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, fromZodError, isAppError, toErrorPayload, type TErrorBody } from '@/lib/errors';
import { getLogger } from '@/lib/log';
import { findNulByte } from '@/lib/validation/text';

// Route handlers stay thin: parse, authorize, call a service, return. This turns whatever they
// throw into a clear JSON error (AppError → its status; zod → 400 with field errors; else 500).

export function errorResponse(error: unknown): NextResponse<TErrorBody> {
  if (error instanceof z.ZodError) return errorResponse(fromZodError(error));
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
    // A refusal a user caused is an info line, never an error.
    getLogger().info({ code: error.code, reason: error.reason, details: error.details }, error.message);
    return NextResponse.json({ error: toErrorPayload(error) }, { status: error.status, headers });
  }
  getLogger().error({ err: error }, 'unhandled error in route handler');
  return NextResponse.json({ error: toErrorPayload(null) }, { status: 500 });
}

export const MAX_JSON_BYTES = 256 * 1024;

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads and validates a JSON body: 415 unless it is declared `application/json` (a cross-site form
 * cannot send that without a CORS preflight, so this is also a CSRF defence), 413 over `maxBytes`
 * (checked before parsing), 400 for malformed JSON, a NUL byte anywhere, or a schema failure.
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_JSON_BYTES): Promise<z.infer<T>> {
  if (!JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { ko: '요청 본문은 application/json 형식이어야 합니다.', en: 'Send the request body as application/json.' });
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', { ko: '요청 본문이 올바른 JSON이 아닙니다.', en: 'The request body is not valid JSON.' });
  }
  const nul = findNulByte(body);
  if (nul) {
    const where = nul.join('.') || '_';
    throw new AppError('BAD_REQUEST', { ko: `잘못된 입력입니다 — ${where}: 제어 문자(NUL)가 들어 있습니다`, en: `Invalid input — ${where}: contains a control character (NUL)` }, { fieldErrors: { [where]: ['contains a control character (NUL)'] } });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

function tooLarge(maxBytes: number): AppError {
  const kb = Math.round(maxBytes / 1024);
  return new AppError('PAYLOAD_TOO_LARGE', { ko: `요청이 너무 큽니다(최대 ${kb} KB).`, en: `The request is too large (limit ${kb} KB).` });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every thrown error becomes a JSON error response. */
export function handleRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
