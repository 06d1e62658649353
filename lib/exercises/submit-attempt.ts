import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { grade, type TAnswer } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { readLearnerState, recordGradedAttempt } from '@/lib/course/record-graded-attempt';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { buildAttemptView } from '@/lib/exercises/build-attempt-view';
import { buildSubmitResult } from '@/lib/exercises/build-submit-result';
import { computeRoundState } from '@/lib/exercises/current-round';
import { findLatestAttempts, LATEST_ATTEMPT_SELECT, type LatestAttempt } from '@/lib/exercises/find-latest-attempts';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';
import { getRoundSeed } from '@/lib/exercises/homework-seed';
import { isCardDue, reviewRound } from '@/lib/exercises/review-round';
import { regradeAttempt } from '@/lib/exercises/regrade-attempt';
import type { TSubmitResult } from '@/lib/exercises/schemas';

export interface SubmitAttemptOptions {
  userId: string;
  typeId: string;
  answer: TAnswer;
  /** The round the student saw; checked against the server's, never used to pick the seed. */
  round: number;
  clientSubmissionId: string;
  /** Language of the error messages. */
  locale: Locale;
}

export interface SubmittedAttempt {
  result: TSubmitResult;
  /** True when this clientSubmissionId had already been graded: nothing new was stored. */
  isReplay: boolean;
}

const MESSAGES = {
  replaced: {
    ko: '이 문제는 새 변형으로 바뀌었습니다 (다른 탭에서 제출했을 수 있습니다). 페이지를 새로 고치세요.',
    en: 'This variant was replaced by a new one (perhaps you submitted in another tab). Please reload.',
  },
  reused: {
    ko: '이 제출 ID는 이미 다른 문제에 사용되었습니다.',
    en: 'This submission id was already used for a different exercise.',
  },
} as const;

/**
 * Grades an answer against the student's current variant and stores it as an Attempt, once per
 * clientSubmissionId. Invalid answers (wrong shape or format) throw 422 and store nothing.
 */
export async function submitAttempt(options: SubmitAttemptOptions): Promise<SubmittedAttempt> {
  getExerciseType(options.typeId);
  try {
    // Generous waits: under a burst the pool queues transactions, which is slower, not an error.
    return await getDb().$transaction((tx) => submitInTransaction(tx, options), { maxWait: 15_000, timeout: 15_000 });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The id is already stored on an attempt the checks above did not see (another type, which
    // locks separately, or an old round): answer with that attempt rather than storing twice.
    const db = getDb();
    const stored = await findBySubmissionId(db, options);
    if (!stored) throw error;
    return replay(db, stored, options);
  }
}

async function submitInTransaction(tx: Prisma.TransactionClient, options: SubmitAttemptOptions): Promise<SubmittedAttempt> {
  const { userId, typeId, answer, round, clientSubmissionId, locale } = options;
  // One submission at a time per student and type, so two tabs cannot both take the last
  // attempt of a round, and a double click finds the first click's row below.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}), hashtext(${typeId}))`;

  // A retry is nearly always of one of the latest attempts: no extra query on the hot path.
  const latest = await findLatestAttempts({ db: tx, userId, typeId });
  const repeated = latest.find((attempt) => attempt.clientSubmissionId === clientSubmissionId);
  if (repeated) return replay(tx, repeated, options);

  const current = computeRoundState(latest);
  // Mastery and the review card, read once: whether a review is due, and the learner model's step below.
  const learner = await readLearnerState(tx, { userId, typeId });
  // A due review is answered on the round after the current one (served by "Review now").
  const isReviewAnswer = round === current.round + 1 && isCardDue(learner.card, new Date());
  const state = isReviewAnswer ? reviewRound(current) : current;
  if (round !== state.round) {
    // A retry of an older attempt whose round has since ended still gets its own result.
    const existing = await findBySubmissionId(tx, options);
    if (existing) return replay(tx, existing, options);
    throw new AppError('CONFLICT', MESSAGES.replaced[locale], { details: { round, current: state.round } });
  }

  const seed = await getRoundSeed({ userId, typeId, round: state.round, attempts: latest, tx });
  const graded = grade(typeId, seed, answer);
  if (graded.invalid) throw new AppError('UNPROCESSABLE', graded.invalid[locale], { fieldErrors: { answer: [graded.invalid[locale]] } });

  const attempt = await tx.attempt.create({
    data: {
      userId,
      typeId,
      round: state.round,
      seed: BigInt(seed),
      answer,
      score: graded.score,
      correct: graded.correct,
      mistake: graded.mistake ?? null,
      parts: graded.parts ?? Prisma.DbNull,
      clientSubmissionId,
      createdAt: nextCreatedAt(latest),
    },
    select: { id: true, round: true, createdAt: true },
  });
  await recordGradedAttempt(tx, { userId, typeId, score: graded.score, correct: graded.correct, at: attempt.createdAt }, learner);
  const view = buildAttemptView({ attempt, attemptNumber: state.attemptsUsed + 1, answer, graded });
  return { result: buildSubmitResult({ typeId, seed, attempt: view }), isReplay: false };
}

function findBySubmissionId(db: Prisma.TransactionClient, { userId, clientSubmissionId }: SubmitAttemptOptions): Promise<LatestAttempt | null> {
  return db.attempt.findUnique({ where: { userId_clientSubmissionId: { userId, clientSubmissionId } }, select: LATEST_ATTEMPT_SELECT });
}

/** The result the stored attempt got when it was first submitted. */
async function replay(db: Prisma.TransactionClient, stored: LatestAttempt, { userId, typeId, locale }: SubmitAttemptOptions): Promise<SubmittedAttempt> {
  if (stored.typeId !== typeId) throw new AppError('CONFLICT', MESSAGES.reused[locale]);
  const attemptNumber = await db.attempt.count({ where: { userId, typeId, round: stored.round, createdAt: { lte: stored.createdAt } } });
  const view = buildAttemptView({ attempt: stored, attemptNumber, ...regradeAttempt(stored) });
  return { result: buildSubmitResult({ typeId, seed: Number(stored.seed), attempt: view }), isReplay: true };
}

/**
 * Strictly after the student's previous attempt (set under the lock, not by the database's
 * transaction clock), so createdAt orders the attempts of a round the way they counted.
 */
function nextCreatedAt(latest: readonly LatestAttempt[]): Date {
  const previous = latest.reduce((newest, attempt) => Math.max(newest, attempt.createdAt.getTime()), 0);
  return new Date(Math.max(Date.now(), previous + 1));
}
