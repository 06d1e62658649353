import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import { countActivePlayers } from '@/lib/live/views/count-active-players';
import type { TQuestionProgress } from '@/lib/live/protocol/live-payloads';

/** How many active players have answered question `index`, out of how many are in the session. */
export async function getQuestionProgress(sessionId: string, index: number): Promise<TQuestionProgress> {
  const db = getDb();
  const [answered, joined] = await Promise.all([
    db.liveAnswer.count({ where: { question: { sessionId, index }, participant: { kicked: false }, NOT: { answer: { equals: Prisma.JsonNull } } } }),
    countActivePlayers(sessionId),
  ]);
  return { questionIndex: index, answered, joined };
}
