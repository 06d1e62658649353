import crypto from 'node:crypto';
import { inject } from 'vitest';

// Helpers shared by the exercise API tests: JSON requests as a signed-in browser would send them.

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = unknown>(cookie: string, path: string, init: { method?: string; body?: unknown; rawBody?: string; locale?: string } = {}): Promise<ApiResponse<T>> {
  // The language switch's cookie picks the language of error messages, as in the browser.
  const headers: Record<string, string> = { cookie: [cookie, `bpl-locale=${init.locale ?? 'en'}`].filter(Boolean).join('; ') };
  const payload = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${inject('baseUrl')}${path}`, { method: init.method ?? (payload === undefined ? 'GET' : 'POST'), headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

export function submissionId(): string {
  return crypto.randomUUID();
}

export function submit(cookie: string, typeId: string, body: { answer: unknown; round: number; clientSubmissionId?: string }, locale = 'en') {
  return api<Record<string, unknown>>(cookie, `/api/exercises/${typeId}/submit`, { body: { clientSubmissionId: submissionId(), ...body }, locale });
}

export { wrongAnswer } from '../../scripts/support/wrong-answer';

