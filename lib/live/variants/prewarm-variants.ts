import { getDb } from '@/lib/db';
import { getLiveVariant } from '@/lib/live/variants/live-variant';
import { getLogger } from '@/lib/log';
import { PREDICT_TYPE_ID } from '@/lib/live/protocol/predict-setup';

const BATCH = 20;

/**
 * Generates every player's variant of question `index` in the background (while the class looks
 * at results), so opening it is only sending. Yields between small batches to keep acks fast.
 */
export function prewarmVariants(sessionId: string, index: number): void {
  void (async () => {
    const db = getDb();
    const question = await db.liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index } }, select: { typeId: true, openedAt: true } });
    // A predict-then-train question has no variants: it is the same for everyone.
    if (!question || question.openedAt || question.typeId === PREDICT_TYPE_ID) return;
    const participants = await db.liveParticipant.findMany({ where: { sessionId, kicked: false }, select: { id: true } });
    for (let start = 0; start < participants.length; start += BATCH) {
      for (const { id } of participants.slice(start, start + BATCH)) await getLiveVariant({ sessionId, questionIndex: index, participantId: id, typeId: question.typeId });
      await new Promise((resolve) => setImmediate(resolve));
    }
  })().catch((error: unknown) => getLogger().warn({ err: error, sessionId, index }, 'could not prewarm live variants'));
}
