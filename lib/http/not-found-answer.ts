import { z } from 'zod';
import { isAppError } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';

// A code the user typed that matches nothing (a class join code, a live PIN) is the user's
// mistake, not a failed request: the route answers 200 `{ found: false, reason, text }` (a 404
// would be logged by the browser as a failed resource) and the form shows `text`. Every other
// refusal stays an error with its status. Client-safe: the forms import the schemas' types.

export interface TNotFoundAnswer<R extends string> {
  found: false;
  reason: R;
  text: Localized;
}

/** The answer's schema for one `reason`: `meaning` says what `found: false` means there; `description` names the route. */
export function zNotFoundAnswer<R extends string>(reason: R, meaning: string, description: string) {
  return z
    .object({
      found: z.literal(false).describe(meaning),
      reason: z.literal(reason).describe('machine-readable reason'),
      text: z.object({ ko: z.string(), en: z.string() }).describe('the sentence to show, in both languages'),
    })
    .describe(description);
}

/** The answer for the service's "nothing has this code" error (an AppError with `reason`); null for any other error. */
export function notFoundAnswerOf<R extends string>(error: unknown, reason: R): TNotFoundAnswer<R> | null {
  return isAppError(error) && error.reason === reason ? { found: false, reason, text: error.text } : null;
}
