import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import type { TQuestionProgress } from '@/lib/live/live-payloads';

/** How many active players have answered question `index`, out of how many are in the session. */
export async function getQuestionProgress(sessionId: string, index: number): Promise<TQuestionProgress> {
  const db = getDb();
  const [answered, joined] = await Promise.all([
    db.liveAnswer.count({ where: { question: { sessionId, index }, participant: { kicked: false }, NOT: { answer: { equals: Prisma.JsonNull } } } }),
    db.liveParticipant.count({ where: { sessionId, kicked: false } }),
  ]);
  return { questionIndex: index, answered, joined };
}
