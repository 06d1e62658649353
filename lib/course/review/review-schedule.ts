import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

// FSRS scheduling of a skill's reviews (ts-fsrs, default parameters: 90 % requested retention,
// short-term learning steps 1 min and 10 min). Fuzz is off so a schedule is reproducible and the
// tests can compare it with the library's own result for the same ratings at the same moments.

export const scheduler = fsrs({ enable_fuzz: false });

/** A ReviewCard row's scheduling fields (names as in prisma/schema.prisma). */
export interface StoredCard {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

/** How an attempt rates a review: right → Good, at least half the credit → Hard, else Again. */
export function ratingFor(attempt: { correct: boolean; score: number }): Grade {
  if (attempt.correct) return Rating.Good;
  return attempt.score >= 0.5 ? Rating.Hard : Rating.Again;
}

export function toCard(stored: StoredCard): Card {
  return {
    due: stored.due,
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsedDays,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
    last_review: stored.lastReview ?? undefined,
  };
}

export function fromCard(card: Card): StoredCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The card after a review rated `grade` at `at`; a skill without a card starts from an empty one. */
export function reviewCard(stored: StoredCard | null, grade: Grade, at: Date): StoredCard {
  const card = stored ? toCard(stored) : createEmptyCard(at);
  return fromCard(scheduler.next(card, at, grade).card);
}
