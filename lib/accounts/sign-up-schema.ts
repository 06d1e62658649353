import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { zName } from '@/lib/validation/text';

// Shared by the sign-up form (checks before sending) and the route handler (the authority).
// Control and invisible characters in a name would garble the gradebook, CSV exports and leaderboards.

export const NAME_MAX = 80;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const EMAIL_MAX = 254;

export const ZSignUp = z.object({
  email: z.string().trim().toLowerCase().max(EMAIL_MAX, `Use at most ${EMAIL_MAX} characters.`).email('Enter a valid email address.'),
  name: zName({ max: NAME_MAX, messages: { empty: 'Enter your name.', tooLong: `Use at most ${NAME_MAX} characters.` } }),
  password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  locale: z.enum(LOCALES).default('ko'),
});

export type TSignUp = z.infer<typeof ZSignUp>;
