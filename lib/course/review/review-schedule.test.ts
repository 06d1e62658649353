import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fromCard, ratingFor, reviewCard } from './review-schedule';

describe('review schedule', () => {
  it('rates a right answer Good, half credit Hard, less Again', () => {
    expect(ratingFor({ correct: true, score: 1 })).toBe(Rating.Good);
    expect(ratingFor({ correct: false, score: 0.5 })).toBe(Rating.Hard);
    expect(ratingFor({ correct: false, score: 0.49 })).toBe(Rating.Again);
  });

  it('schedules the same as ts-fsrs for the same ratings at the same moments, through the stored form', () => {
    const library = fsrs({ enable_fuzz: false });
    const t0 = new Date('2026-03-02T01:00:00Z');
    let expected = library.next(createEmptyCard(t0), t0, Rating.Good).card;
    let stored = reviewCard(null, Rating.Good, t0);
    expect(stored).toEqual(fromCard(expected));
    expect(stored.state).toBe(State.Learning);
    for (const [grade, at] of [
      [Rating.Good, stored.due],
      [Rating.Again, new Date('2026-03-09T01:00:00Z')],
      [Rating.Good, new Date('2026-03-09T02:00:00Z')],
      [Rating.Hard, new Date('2026-03-20T01:00:00Z')],
    ] as const) {
      expected = library.next(expected, at, grade).card;
      stored = reviewCard(stored, grade, at);
      expect(stored).toEqual(fromCard(expected));
      expect(stored.due.getTime()).toBeGreaterThan(at.getTime());
    }
    expect(stored.lapses).toBe(1);
  });
});
