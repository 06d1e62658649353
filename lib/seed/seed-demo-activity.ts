import { solve, type AnswerValue, type TAnswer } from '@/engine/exercises';
import { registry } from '@/engine/exercises/registry';
import { getDb } from '@/lib/db';
import { computeRoundState } from '@/lib/exercises/current-round';
import { findLatestAttempts } from '@/lib/exercises/find-latest-attempts';
import { getRoundSeed } from '@/lib/exercises/homework-seed';
import { submitAttempt } from '@/lib/exercises/submit-attempt';
import { closeLiveQuestion } from '@/lib/live/state/close-live-question';
import { createLiveSession } from '@/lib/live/state/create-live-session';
import { DEFAULT_SCORING } from '@/lib/live/protocol/scoring-options';
import { finishLiveSession } from '@/lib/live/state/finish-live-session';
import { joinLiveSession } from '@/lib/live/state/join-live-session';
import { liveSeed } from '@/lib/live/variants/live-variant';
import { openLiveQuestion } from '@/lib/live/state/open-live-question';
import { submitLiveAnswer } from '@/lib/live/state/submit-live-answer';
import { createAssignment } from '@/lib/course/assignments/save-assignment';
import { utcToZoned } from '@/lib/course/assignments/zoned-time';
import { createChallenge } from '@/lib/training/challenges/create-challenge';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { toStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { trainModel } from '@/engine/playground/train-model';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { DEMO_CLASS, DEMO_INSTRUCTOR, DEMO_STUDENTS } from '@/lib/seed/seed-demo-data';

// Demo activity, so a first-time instructor sees a class that has been used: exercise attempts
// with typical mistakes, a few training runs, one finished live session with standings, one
// challenge, one published assignment the demo attempts already count towards. Everything goes through the real services and the engine (grades, points, accuracies
// are computed, never written down here). Idempotent: each part is skipped when it already exists.

/** What each demo student does with an exercise type: a typical mistake first, a slip, or the right answer. */
type Step = 'mistake' | 'slip' | 'right';

const EXERCISE_PLAN: Record<string, Step[][]> = {
  // one plan per student, in DEMO_STUDENTS order
  'comp-graph': [['mistake', 'right'], ['right'], ['mistake', 'slip', 'mistake']],
  'sigmoid-derivative': [['right'], ['mistake', 'right'], ['slip', 'right']],
  'affine-backward': [['mistake', 'right'], ['mistake', 'mistake', 'slip'], []],
  'softmax-ce-grad': [['right'], ['mistake'], ['mistake', 'right']],
  'conv-output-shape': [['mistake', 'right'], ['right'], ['right']],
  'dropout': [[], ['mistake', 'right'], ['mistake']],
  'rnn-step': [['slip', 'right'], [], ['mistake', 'right']],
};

const LIVE_QUESTIONS = [
  { typeId: 'sigmoid-derivative', timeLimitS: 60 },
  { typeId: 'conv-output-shape', timeLimitS: 45 },
  { typeId: 'dropout', timeLimitS: 60 },
];
/** Per question, per student: answer right or not, and after how many seconds. */
const LIVE_PLAN: { isRight: boolean; seconds: number }[][] = [
  [{ isRight: true, seconds: 18 }, { isRight: true, seconds: 31 }, { isRight: false, seconds: 44 }],
  [{ isRight: true, seconds: 9 }, { isRight: false, seconds: 20 }, { isRight: true, seconds: 15 }],
  [{ isRight: false, seconds: 40 }, { isRight: true, seconds: 22 }, { isRight: true, seconds: 35 }],
];

/** Small configurations, so seeding takes seconds: one that learns, one that shows why XOR needs a hidden layer. */
const TRAINING_PLAN: { student: number; config: TTrainingConfig }[] = [
  { student: 0, config: { ...DEFAULT_CONFIGS.mlp, epochs: 40, seed: 7 } },
  { student: 1, config: { ...DEFAULT_CONFIGS.perceptron, seed: 3 } },
  { student: 2, config: { ...DEFAULT_CONFIGS.mlp, hidden: [8], epochs: 30, seed: 11 } },
];

export const DEMO_CHALLENGE_TITLE = 'Spirals with at most 400 parameters (demo)';
export const DEMO_ASSIGNMENT_TITLE = 'Week 1: backpropagation (demo)';

/**
 * Types the demo students have attempted, so the assignment shows progress of every kind: done by
 * some, in progress for others (comp-graph solved by two, softmax-ce-grad's 80 % reached by two).
 */
const ASSIGNMENT_ITEMS = [
  { typeId: 'comp-graph', target: 'SOLVE_COUNT', targetValue: 1 },
  { typeId: 'softmax-ce-grad', target: 'BEST_SCORE', targetValue: 0.8 },
  { typeId: 'affine-backward', target: 'SOLVE_COUNT', targetValue: 1 },
] as const;

export interface SeededActivity {
  attempts: number;
  trainingRuns: number;
  liveSessions: number;
  challenges: number;
  assignments: number;
}

export async function seedDemoActivity(): Promise<SeededActivity> {
  const db = getDb();
  const demoClass = await db.class.findUniqueOrThrow({ where: { joinCode: DEMO_CLASS.joinCode }, select: { id: true } });
  const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO_INSTRUCTOR.email }, select: { id: true } });
  const students = await Promise.all(DEMO_STUDENTS.map((student) => db.user.findUniqueOrThrow({ where: { email: student.email }, select: { id: true, name: true } })));
  return {
    attempts: await seedAttempts(students.map((student) => student.id)),
    trainingRuns: await seedTrainingRuns(students.map((student) => student.id)),
    liveSessions: await seedLiveSession(instructor.id, demoClass.id, students.map((student) => student.id)),
    challenges: await seedChallenge(instructor.id, demoClass.id),
    assignments: await seedAssignment(instructor.id, demoClass.id),
  };
}

async function seedAttempts(studentIds: string[]): Promise<number> {
  const db = getDb();
  if ((await db.attempt.count({ where: { userId: { in: studentIds } } })) > 0) return 0;
  let stored = 0;
  for (const [typeId, plans] of Object.entries(EXERCISE_PLAN)) {
    for (const [index, plan] of plans.entries()) {
      for (const [step, kind] of plan.entries()) {
        const userId = studentIds[index];
        const latest = await findLatestAttempts({ db, userId, typeId });
        const { round } = computeRoundState(latest);
        // The seed submitAttempt will grade against (the student's own numbers).
        const seed = await getRoundSeed({ userId, typeId, round, attempts: latest });
        await submitAttempt({ userId, typeId, round, answer: answerFor(typeId, seed, kind, step) as TAnswer, clientSubmissionId: `demo-${typeId}-${index}-${step}`, locale: 'en' });
        stored++;
      }
    }
  }
  return stored;
}

/** The answer a student with this habit would give: the engine's own mistaken computation, a slip in one value, or the solution. */
function answerFor(typeId: string, seed: number, kind: Step, step: number): AnswerValue {
  const expected = solve(typeId, seed);
  if (kind === 'right') return expected;
  const variant = registry.find((exercise) => exercise.meta.id === typeId)!.variant(seed);
  const mistake = variant.mistakes[step % Math.max(1, variant.mistakes.length)];
  if (kind === 'mistake' && mistake) {
    const isRecord = (value: AnswerValue): value is Record<string, AnswerValue> => typeof value === 'object' && !Array.isArray(value);
    return isRecord(expected) && isRecord(mistake.answer) ? { ...expected, ...mistake.answer } : mistake.answer;
  }
  return slip(expected);
}

/** The first number off by a visible amount (a copying slip). */
function slip(value: AnswerValue): AnswerValue {
  if (typeof value === 'number') return value + 1 + Math.abs(value) * 0.5;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return [slip(value[0]) as number, ...value.slice(1)];
  const [first] = Object.keys(value);
  return { ...value, [first]: slip(value[first]) };
}

async function seedTrainingRuns(studentIds: string[]): Promise<number> {
  const db = getDb();
  if ((await db.trainingRun.count({ where: { userId: { in: studentIds } } })) > 0) return 0;
  for (const { student, config } of TRAINING_PLAN) {
    // The engine trains it here, in-process: the stored curve and accuracy are real results.
    const outcome = trainModel(config);
    await db.trainingRun.create({
      data: {
        userId: studentIds[student],
        model: config.model,
        task: config.task,
        config,
        seed: config.seed,
        status: 'COMPLETED',
        metrics: toStoredMetrics(outcome.metrics, outcome.frames),
        finalValAcc: outcome.finalValAcc,
        params: outcome.params,
        finishedAt: new Date(),
      },
    });
  }
  return TRAINING_PLAN.length;
}

async function seedLiveSession(hostId: string, classId: string, studentIds: string[]): Promise<number> {
  const db = getDb();
  if ((await db.liveSession.count({ where: { classId, state: 'FINISHED' } })) > 0) return 0;
  const { sessionId, pin } = await createLiveSession({ hostId, input: { classId, questions: LIVE_QUESTIONS, mode: 'INSTRUCTOR_PACED', allowGuests: false, scoring: DEFAULT_SCORING } });
  const participants = [];
  for (const userId of studentIds) participants.push(await joinLiveSession({ input: { pin }, userId }));
  // Held yesterday afternoon: each question a few minutes after the previous one.
  let clock = Date.now() - 24 * 3600_000;
  for (const [index, question] of LIVE_QUESTIONS.entries()) {
    const opened = await openLiveQuestion({ sessionId, index, now: new Date(clock) });
    for (const [student, participant] of participants.entries()) {
      const { isRight, seconds } = LIVE_PLAN[index][student];
      const seed = await liveSeed({ sessionId, questionIndex: index, participantId: participant.participantId, typeId: question.typeId });
      const expected = solve(question.typeId, seed);
      await submitLiveAnswer({ sessionId, participantId: participant.participantId, questionIndex: index, answer: (isRight ? expected : slip(expected)) as TAnswer, receivedAt: new Date(opened.openedAt.getTime() + seconds * 1000) });
    }
    clock += question.timeLimitS * 1000;
    await closeLiveQuestion({ sessionId, index, now: new Date(clock) });
    clock += 3 * 60_000;
  }
  await finishLiveSession(sessionId, new Date(clock));
  return 1;
}

async function seedChallenge(userId: string, classId: string): Promise<number> {
  const db = getDb();
  if ((await db.challenge.count({ where: { classId, title: DEMO_CHALLENGE_TITLE } })) > 0) return 0;
  await createChallenge({
    userId,
    input: { classId, title: DEMO_CHALLENGE_TITLE, model: 'mlp', task: 'spirals', maxParams: 400, maxSeconds: 30, closesAt: new Date(Date.now() + 14 * 24 * 3600_000) },
  });
  return 1;
}

/** Opened a week before seeding, due a week after: the demo attempts (made now) count towards it. */
async function seedAssignment(actorId: string, classId: string): Promise<number> {
  const db = getDb();
  if ((await db.assignment.count({ where: { classId, title: DEMO_ASSIGNMENT_TITLE } })) > 0) return 0;
  const { timeZone } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { timeZone: true } });
  const local = (days: number) => utcToZoned(new Date(Date.now() + days * 24 * 3600_000), timeZone).slice(0, 16);
  await createAssignment({
    actorId,
    classId,
    locale: 'en',
    input: { title: DEMO_ASSIGNMENT_TITLE, unitIds: [], items: ASSIGNMENT_ITEMS.map((item) => ({ ...item })), opensAt: local(-7), dueAt: local(7), lateUntil: local(9), latePenaltyPct: 20, isPublished: true },
  });
  return 1;
}
