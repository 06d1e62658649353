import crypto from 'node:crypto';
import { grade, type TAnswer } from '@/engine/exercises';
import { getLiveSql } from '@/lib/live/state/live-sql';
import { computePoints } from '@/lib/live/state/compute-points';
import { AppError } from '@/lib/errors';
import { kicked } from '@/lib/live/protocol/live-errors';
import { advanceSelfPacedPosition, getSelfPacedPosition, type SelfPacedPosition } from '@/lib/live/views/get-self-paced-position';
import { liveSeed } from '@/lib/live/variants/live-variant';
import { recordLiveAnswer } from '@/lib/course/record-live-answer';
import { predictChoices, type TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { readPredictSetup } from '@/lib/live/state/read-predict-setup';

export interface SubmitLiveAnswerOptions {
  sessionId: string;
  participantId: string;
  questionIndex: number;
  answer: TAnswer;
  /** When the server received the answer: the only clock that counts. */
  receivedAt: Date;
}

export interface SubmittedLiveAnswer {
  questionId: string;
  questionIndex: number;
  /** True when this participant had already answered: the first answer stands. */
  isDuplicate: boolean;
  /** The answer on record (the first one for a duplicate). */
  answer: TAnswer;
  msToAnswer: number;
}

export interface SubmitLiveAnswerResult extends SubmittedLiveAnswer {
  mode: 'INSTRUCTOR_PACED' | 'SELF_PACED';
  /** Self-paced: where the participant stands after this answer, for the view the ack carries (computed once). */
  selfPacedPosition?: SelfPacedPosition;
}

interface QuestionAndParticipant {
  questionId: string;
  typeId: string;
  timeLimitS: number;
  openedAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  streak: number;
  kicked: boolean;
  /** The participant's account; null for a guest. */
  userId: string | null;
  mode: 'INSTRUCTOR_PACED' | 'SELF_PACED';
  pointsPerQuestion: number;
  speedBonus: boolean;
  streakBonus: boolean;
  predict: unknown;
}

interface InsertOutcome {
  isOpen: number;
  inserted: number;
}

/**
 * Grades and stores one answer. One answer per participant and question is enforced by the
 * unique index on LiveAnswer, not by a check: the INSERT … ON CONFLICT DO NOTHING decides.
 * The deadline is checked in the same statement, which holds a share lock on the question row,
 * so closing the question (an UPDATE of that row) waits for answers in flight and then sees them all.
 */
export async function submitLiveAnswer({ sessionId, participantId, questionIndex, answer, receivedAt }: SubmitLiveAnswerOptions): Promise<SubmitLiveAnswerResult> {
  const sql = getLiveSql();
  const { rows } = await sql.query<QuestionAndParticipant>(
    `SELECT q.id AS "questionId", q."typeId", q."timeLimitS", q."openedAt", q."closesAt", q."closedAt", p.streak, p.kicked, p."userId", s.mode::text AS mode,
       s."pointsPerQuestion", s."speedBonus", s."streakBonus", q.predict
     FROM "LiveQuestion" q JOIN "LiveParticipant" p ON p."sessionId" = q."sessionId" JOIN "LiveSession" s ON s.id = q."sessionId"
     WHERE q."sessionId" = $1 AND q.index = $2 AND p.id = $3`,
    [sessionId, questionIndex, participantId],
  );
  const row = rows[0];
  if (!row?.openedAt || !row.closesAt) throw notOpen();
  if (row.kicked) throw kicked();
  const { mode } = row;

  // Instructor-paced: the question's clock. Self-paced: this participant's own clock for it.
  let openedAt = row.openedAt;
  let closesAt = row.closesAt;
  let position: SelfPacedPosition | undefined;
  if (mode === 'SELF_PACED') {
    position = await getSelfPacedPosition(sessionId, participantId);
    if (position.index !== questionIndex || !position.openedAt || !position.closesAt) {
      const existing = await findExisting(row.questionId, participantId, questionIndex);
      // Nothing was stored: the position read above is still where the participant stands.
      if (existing) return { ...existing, mode, selfPacedPosition: position };
      throw notOpen();
    }
    openedAt = position.openedAt;
    closesAt = position.closesAt;
  }

  // Team talk: the question is on screen, but answers are taken from openedAt on.
  if (receivedAt.getTime() < openedAt.getTime()) throw teamTalk();
  const isLate = row.closedAt !== null || receivedAt.getTime() > closesAt.getTime();
  if (isLate) {
    const existing = await findExisting(row.questionId, participantId, questionIndex);
    if (existing) return { ...existing, mode };
    throw closed();
  }

  const predict = readPredictSetup(row.predict);
  let seed: number;
  let graded: { score: number; correct: boolean; mistake?: string | null };
  let points: { points: number; streak: number; countedMs: number };
  if (predict) {
    // A prediction is stored now and scored when the training has decided the outcome
    // (scorePredictions): nothing to grade yet, no points, the streak as it was.
    if (typeof answer !== 'string' || !predictChoices(predict).some((choice) => choice.id === answer)) throw invalidPrediction(predict);
    seed = 0;
    graded = { score: 0, correct: false, mistake: null };
    const countedMs = Math.min(row.timeLimitS * 1000, Math.max(0, receivedAt.getTime() - openedAt.getTime()));
    points = { points: 0, streak: row.streak, countedMs };
  } else {
    seed = await liveSeed({ sessionId, questionIndex, participantId, typeId: row.typeId });
    const result = grade(row.typeId, seed, answer);
    if (result.invalid) throw new AppError('UNPROCESSABLE', result.invalid, { reason: 'invalid-answer' });
    graded = result;
    points = computePoints({
      score: result.score,
      msToAnswer: receivedAt.getTime() - openedAt.getTime(),
      timeLimitMs: row.timeLimitS * 1000,
      streakBefore: row.streak,
      scoring: { pointsPerQuestion: row.pointsPerQuestion, speedBonus: row.speedBonus, streakBonus: row.streakBonus },
    });
  }

  const received = receivedAt.toISOString();
  const { rows: outcomes } = await sql.query<InsertOutcome>(
    `WITH open_question AS (
       SELECT id FROM "LiveQuestion"
       WHERE id = $1 AND "closedAt" IS NULL AND "closesAt" >= $2::timestamp(3)
       FOR SHARE
     ), active_participant AS (
       SELECT id FROM "LiveParticipant" WHERE id = $3 AND NOT kicked
     ), inserted AS (
       INSERT INTO "LiveAnswer" (id, "questionId", "participantId", seed, answer, score, correct, points, "msToAnswer", mistake, "createdAt")
       SELECT $4, q.id, p.id, $5::bigint, $6::jsonb, $7, $8, $9, $10, $11, $2::timestamp(3)
       FROM open_question q, active_participant p
       ON CONFLICT ("questionId", "participantId") DO NOTHING
       RETURNING "participantId"
     ), updated AS (
       UPDATE "LiveParticipant"
       SET score = score + $9, streak = $12, "totalAnswerMs" = "totalAnswerMs" + $10
       WHERE id IN (SELECT "participantId" FROM inserted)
       RETURNING id
     )
     SELECT (SELECT count(*) FROM open_question)::int AS "isOpen", (SELECT count(*) FROM updated)::int AS inserted`,
    [
      row.questionId, received, participantId, crypto.randomUUID(), seed, JSON.stringify(answer),
      graded.score, graded.correct, points.points, points.countedMs, graded.mistake ?? null, points.streak,
    ],
  );
  const outcome = outcomes[0];

  if (outcome.inserted === 1) {
    // Like homework and exam attempts, a newly stored live answer updates the learner model
    // (a prediction is about a training run, not a skill of the course: it does not).
    if (!predict) await recordLiveAnswer({ userId: row.userId, typeId: row.typeId, score: graded.score, correct: graded.correct, at: receivedAt });
    const selfPacedPosition = position && advanceSelfPacedPosition(position, { index: questionIndex, at: receivedAt });
    return { questionId: row.questionId, questionIndex, isDuplicate: false, answer, msToAnswer: points.countedMs, mode, selfPacedPosition };
  }
  const existing = await findExisting(row.questionId, participantId, questionIndex);
  if (existing) return { ...existing, mode };
  if (outcome.isOpen === 0) throw closed();
  throw kicked();
}

async function findExisting(questionId: string, participantId: string, questionIndex: number): Promise<SubmittedLiveAnswer | null> {
  const { rows } = await getLiveSql().query<{ answer: TAnswer; msToAnswer: number }>(
    `SELECT answer, "msToAnswer" FROM "LiveAnswer" WHERE "questionId" = $1 AND "participantId" = $2`,
    [questionId, participantId],
  );
  const existing = rows[0];
  if (!existing) return null;
  return { questionId, questionIndex, isDuplicate: true, answer: existing.answer, msToAnswer: existing.msToAnswer };
}

function notOpen(): AppError {
  return new AppError('CONFLICT', { ko: '이 문제는 아직 열리지 않았습니다.', en: 'This question is not open yet.' }, { reason: 'question-not-open' });
}

function teamTalk(): AppError {
  return new AppError('CONFLICT', { ko: '팀 토론 시간입니다. 잠시 뒤에 답하세요.', en: 'Team talk: answers open in a moment.' }, { reason: 'team-talk' });
}

function closed(): AppError {
  return new AppError('CONFLICT', { ko: '시간이 끝나 답을 받을 수 없습니다.', en: 'Time is up: the question is closed.' }, { reason: 'question-closed' });
}

function invalidPrediction(setup: TPredictSetup): AppError {
  const ids = predictChoices(setup).map((choice) => choice.id).join(', ');
  return new AppError('UNPROCESSABLE', { ko: `예측은 보기 중 하나입니다 (${ids}).`, en: `A prediction is one of the choices (${ids}).` }, { reason: 'invalid-answer' });
}
