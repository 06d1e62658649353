import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, fromZodError, isAppError, toErrorPayload, type TErrorBody } from '@/lib/errors';
import { getLogger } from '@/lib/log';

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

/** Reads and validates a JSON body; rejects bodies over `maxBytes` before parsing them. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_JSON_BYTES): Promise<z.infer<T>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The request is too large (limit ${Math.round(maxBytes / 1024)} KB).`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The request is too large (limit ${Math.round(maxBytes / 1024)} KB).`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
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
