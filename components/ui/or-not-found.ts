import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError, type AppErrorCode } from '@/lib/errors';

/**
 * Awaits a lookup for a page and turns "not there / not yours" into the 404 page, so a stranger
 * cannot tell a forbidden record from a missing one. Any other error is rethrown (error boundary).
 */
export async function orNotFound<T>(lookup: Promise<T>, codes: readonly AppErrorCode[] = ['NOT_FOUND', 'FORBIDDEN']): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (isAppError(error) && codes.includes(error.code)) notFound();
    throw error;
  }
}
