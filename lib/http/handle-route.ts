import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, isAppError, type TErrorBody } from '@/lib/errors';
import { getLogger } from '@/lib/log';

// Route handlers stay thin: parse, authorize, call a service, return. This turns whatever they
// throw into a clear JSON error (AppError → its status; zod → 400 with field errors; else 500).

export function errorResponse(error: unknown): NextResponse<TErrorBody> {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
    if (error.details !== undefined) getLogger().info({ code: error.code, details: error.details }, error.message);
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, retryAfterSeconds: error.retryAfterSeconds } },
      { status: error.status, headers },
    );
  }
  if (error instanceof z.ZodError) {
    return errorResponse(validationError(error));
  }
  getLogger().error({ err: error }, 'unhandled error in route handler');
  return NextResponse.json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } }, { status: 500 });
}

export function validationError(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return new AppError('BAD_REQUEST', `Invalid input — ${where}${first?.message ?? 'malformed request'}`, { fieldErrors });
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
  if (!parsed.success) throw validationError(parsed.error);
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
