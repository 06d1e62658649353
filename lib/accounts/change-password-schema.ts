import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/accounts/sign-up-schema';

// Shared by the password form (checks before sending) and the route handler (the authority).
export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  newPassword: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export type TChangePassword = z.infer<typeof ZChangePassword>;
