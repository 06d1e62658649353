import { z } from 'zod';
import { ZId } from '@/lib/validation/text';
import { ADJUSTABLE_KNOB_NAMES, ZAdjustableKnobValue } from '@/engine/playground/config-schema';

// The playground's socket protocol (its types: training-protocol.ts). Client → server events take one
// payload and an ack callback; server → client events go to the room `user:<id>` (a user's own runs)
// or `challenge:<id>`.

export const TRAINING_CLIENT_EVENTS = {
  start: 'training:start',
  stop: 'training:stop',
  watch: 'training:watch',
  setKnob: 'training:set-knob',
  watchChallenge: 'challenge:watch',
  submitEntry: 'challenge:submit',
} as const;

export const TRAINING_SERVER_EVENTS = {
  progress: 'training:progress',
  leaderboard: 'challenge:leaderboard',
} as const;

export const userRoom = (userId: string) => `user:${userId}`;
export const challengeRoom = (challengeId: string) => `challenge:${challengeId}`;

/**
 * `config` is checked against ZTrainingConfig by the service, so the field errors name the knob.
 * `challengeId`: train for that challenge (its time budget becomes the run's wall time).
 */
export const ZStartRun = z.object({ config: z.unknown(), forkedFromId: ZId.optional(), challengeId: ZId.optional() });
export const ZRunCommand = z.object({ runId: ZId });
/** A learning rate or weight decay within that knob's own range (the same schemas as the form's). */
export const ZSetKnob = z.object({ runId: ZId, knob: z.enum(ADJUSTABLE_KNOB_NAMES), value: z.number() }).superRefine(({ knob, value }, context) => {
  const range = ZAdjustableKnobValue[knob];
  if (!range.safeParse(value).success) context.addIssue({ code: 'custom', path: ['value'], message: `Enter a number from ${range.minValue} to ${range.maxValue}.` });
});
export const ZChallengeCommand = z.object({ challengeId: ZId });
export const ZSubmitEntry = z.object({ challengeId: ZId, runId: ZId });
export type TStartRun = z.infer<typeof ZStartRun>;
