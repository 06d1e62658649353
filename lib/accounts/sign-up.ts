import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { TSignUp } from '@/lib/accounts/sign-up-schema';

export type SignUpOptions = TSignUp;

export interface SignedUpUser {
  id: string;
  email: string;
  name: string;
}

const EMAIL_TAKEN = 'An account with this email already exists. Sign in instead.';

/**
 * Creates an account. Saying that an email is taken is the usual sign-up behaviour; sign-in is
 * where the answer stays generic. The unique index, not the pre-check, settles a race.
 */
export async function signUp({ email, name, password, locale }: SignUpOptions): Promise<SignedUpUser> {
  const db = getDb();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError('CONFLICT', EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
  }
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({ data: { email, name, passwordHash, locale }, select: { id: true, email: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
    }
    throw error;
  }
}
