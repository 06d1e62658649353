import { isUniqueViolation } from '@/lib/errors';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { generatePin } from '@/lib/live/state/generate-pin';
import type { TCreateLiveSession } from '@/lib/live/protocol/live-schemas';

export interface CreateLiveSessionOptions {
  hostId: string;
  input: TCreateLiveSession;
}

const MAX_PIN_TRIES = 8;

/** Creates a session and its questions in the lobby state, with a PIN unique among open sessions. */
export async function createLiveSession({ hostId, input }: CreateLiveSessionOptions): Promise<{ sessionId: string; pin: string }> {
  await requireClassRole(hostId, input.classId, 'INSTRUCTOR');
  const deadline = input.mode === 'SELF_PACED' && input.deadlineMinutes ? new Date(Date.now() + input.deadlineMinutes * 60_000) : null;
  for (let attempt = 1; ; attempt++) {
    const pin = generatePin();
    try {
      const session = await getDb().liveSession.create({
        data: {
          hostId,
          classId: input.classId,
          unitId: input.unitId ?? null,
          pin,
          openPin: pin,
          mode: input.mode,
          allowGuests: input.allowGuests,
          deadline,
          pointsPerQuestion: input.scoring.pointsPerQuestion,
          speedBonus: input.scoring.speedBonus,
          streakBonus: input.scoring.streakBonus,
          // BY_SIZE: the number of teams is fixed when the first question deals them.
          teamAssign: input.teams?.assign ?? null,
          teamCount: input.teams && input.teams.assign !== 'BY_SIZE' ? input.teams.teams : null,
          teamSize: input.teams?.assign === 'BY_SIZE' ? input.teams.size : null,
          teamTalkS: input.teams?.talkS ?? 0,
          questions: { create: input.questions.map((question, index) => ({ index, typeId: question.typeId, timeLimitS: question.timeLimitS, predict: question.predict ?? undefined })) },
        },
        select: { id: true, pin: true },
      });
      return { sessionId: session.id, pin: session.pin };
    } catch (error) {
      const isPinClash = isUniqueViolation(error);
      if (!isPinClash || attempt >= MAX_PIN_TRIES) throw error;
    }
  }
}
