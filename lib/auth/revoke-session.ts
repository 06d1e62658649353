import { getDb } from '@/lib/db';
import { disconnectSessionSockets } from '@/lib/realtime/auth-rooms';

export interface RevokeSessionOptions {
  userId: string;
  /** The token's `sid`; null for a token from before sessions had ids. */
  sessionId: string | null;
  /** When the token expires anyway: its revocation is kept until then. */
  expiresAt: Date;
}

/**
 * Signs one session out on the server: its id is refused from now on and its sockets are closed.
 * A token without an id can only be ended with all the others (the session version goes up).
 * Revocations of tokens that have expired since are dropped here, so the table stays small.
 */
export async function revokeSession({ userId, sessionId, expiresAt }: RevokeSessionOptions): Promise<void> {
  const db = getDb();
  if (sessionId) {
    await db.$transaction([
      db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
      db.revokedSession.createMany({ data: [{ id: sessionId, userId, expiresAt }], skipDuplicates: true }),
    ]);
  } else {
    await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  }
  disconnectSessionSockets({ userId, sessionId });
}
