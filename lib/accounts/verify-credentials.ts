import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db';

export interface VerifyCredentialsOptions {
  email: string;
  password: string;
}

export interface VerifiedUser {
  id: string;
  email: string;
  name: string;
  /** Goes into the session token (lib/auth/session-token.ts). */
  sessionVersion: number;
}

// An unknown email still pays for one argon2 verification, so the response time does not tell
// which emails have accounts.
let dummyHash: Promise<string> | undefined;

/** The user when the password matches; null for a wrong password and for an unknown email alike. */
export async function verifyCredentials({ email, password }: VerifyCredentialsOptions): Promise<VerifiedUser | null> {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true } });
  if (!user) {
    dummyHash ??= hashPassword('no account has this password');
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
