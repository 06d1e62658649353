import 'server-only';
import { getDb } from '@/lib/db';
import { disconnectSessionSockets } from '@/lib/realtime/auth-rooms';

/** Ends every session of the user, this one included, on every device: their tokens and sockets stop working. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
  disconnectSessionSockets({ userId });
}
