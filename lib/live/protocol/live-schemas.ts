import { z } from 'zod';
// The client-safe part of the exercises only: this file is bundled into /join and /live.
import { ZAnswer, isExerciseTypeId } from '@/engine/exercises/client';
import { DEFAULT_SCORING, ZScoringOptions } from '@/lib/live/protocol/scoring-options';
import { MAX_TEAMS, ZTeamSetup } from '@/lib/live/protocol/team-setup';
import { ZId } from '@/lib/validation/text';
import { PREDICT_TYPE_ID, ZPredictSetup } from '@/lib/live/protocol/predict-setup';

// Every input of the live feature, validated with the same schema on the client and the server.

export const MIN_TIME_LIMIT_S = 10;
export const MAX_TIME_LIMIT_S = 120;
export const MAX_QUESTIONS = 30;
export const NICKNAME_MAX = 24;
/** Follow-ups a host may add by re-asking a mistake, on top of the planned questions. */
export const MAX_REASKS = 10;
export const MAX_SESSION_QUESTIONS = MAX_QUESTIONS + MAX_REASKS;


export const ZLiveQuestionPlan = z
  .object({
    typeId: z.string(),
    timeLimitS: z.number().int().min(MIN_TIME_LIMIT_S).max(MAX_TIME_LIMIT_S),
    predict: ZPredictSetup.optional(),
  })
  .refine((plan) => (plan.typeId === PREDICT_TYPE_ID ? plan.predict !== undefined : isExerciseTypeId(plan.typeId) && plan.predict === undefined), {
    message: `unknown exercise type (a predict-then-train question is "${PREDICT_TYPE_ID}" with its setup in "predict")`,
    path: ['typeId'],
  });
export type TLiveQuestionPlan = z.infer<typeof ZLiveQuestionPlan>;

export const ZCreateLiveSession = z
  .object({
    classId: ZId,
    unitId: ZId.optional(),
    questions: z.array(ZLiveQuestionPlan).min(1).max(MAX_QUESTIONS),
    mode: z.enum(['INSTRUCTOR_PACED', 'SELF_PACED']).default('INSTRUCTOR_PACED'),
    allowGuests: z.boolean().default(false),
    /** Self-paced only: minutes until the deadline (5 min … 14 days). */
    deadlineMinutes: z.number().int().min(5).max(14 * 24 * 60).optional(),
    scoring: ZScoringOptions.default(DEFAULT_SCORING),
    /** Team mode (instructor-paced only); absent: everyone for themselves. */
    teams: ZTeamSetup.optional(),
  })
  .refine((input) => input.mode === 'INSTRUCTOR_PACED' || input.deadlineMinutes !== undefined, {
    message: 'a self-paced session needs a deadline',
    path: ['deadlineMinutes'],
  })
  .refine((input) => input.mode === 'INSTRUCTOR_PACED' || input.questions.every((question) => question.predict === undefined), {
    message: 'predict-then-train questions are played together: choose instructor-paced',
    path: ['questions'],
  })
  .refine((input) => input.mode === 'INSTRUCTOR_PACED' || input.teams === undefined, {
    message: 'teams play together: choose instructor-paced',
    path: ['teams'],
  });
export type TCreateLiveSession = z.infer<typeof ZCreateLiveSession>;

export const ZPin = z.string().trim().regex(/^\d{6}$/, { message: 'the PIN has 6 digits' });

// Letters, digits, spaces and a little punctuation in any script; no control or invisible characters.
export const ZNickname = z
  .string()
  .normalize('NFKC')
  .trim()
  .min(1, { message: 'enter a nickname' })
  .max(NICKNAME_MAX, { message: `at most ${NICKNAME_MAX} characters` })
  .regex(/^[\p{L}\p{N}\p{M} ._\-'!?]+$/u, { message: 'use letters, digits and spaces' });

export const ZJoinLiveSession = z.object({
  pin: ZPin,
  nickname: ZNickname.optional(),
});
export type TJoinLiveSession = z.infer<typeof ZJoinLiveSession>;

// Socket events (client → server).

export const ZLiveEnter = z.object({ sessionId: ZId });
export type TLiveEnter = z.infer<typeof ZLiveEnter>;

export const ZSubmitLiveAnswer = z.object({
  sessionId: ZId,
  questionIndex: z.number().int().min(0).max(MAX_SESSION_QUESTIONS - 1),
  answer: ZAnswer,
});
export type TSubmitLiveAnswer = z.infer<typeof ZSubmitLiveAnswer>;

const ZLiveStateName = z.enum(['LOBBY', 'QUESTION', 'RESULTS', 'LEADERBOARD', 'FINISHED']);

/** The phase the host's screen shows: a stale or repeated click does not skip a phase. */
export const ZHostAdvance = z.object({
  sessionId: ZId,
  from: z.object({ state: ZLiveStateName, index: z.number().int().min(-1).max(MAX_SESSION_QUESTIONS - 1) }),
});
export type THostAdvance = z.infer<typeof ZHostAdvance>;

/** Re-ask: the results (or leaderboard) of question `from.index` are on the host's screen. */
export const ZHostReask = ZHostAdvance.extend({
  mistakeId: z.string().trim().min(1).max(64),
});
export type THostReask = z.infer<typeof ZHostReask>;

export const ZPickTeam = z.object({ sessionId: ZId, team: z.number().int().min(0).max(MAX_TEAMS - 1) });
export type TPickTeam = z.infer<typeof ZPickTeam>;

export const ZPaceSignal = z.object({ sessionId: ZId, kind: z.enum(['too-fast', 'lost', 'clear']) });
export type TPaceSignal = z.infer<typeof ZPaceSignal>;

export const ZHostSessionCommand = z.object({ sessionId: ZId });
export const ZHostLock = z.object({ sessionId: ZId, locked: z.boolean() });
export const ZHostKick = z.object({ sessionId: ZId, participantId: ZId });
