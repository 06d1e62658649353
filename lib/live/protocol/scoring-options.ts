import { z } from 'zod';

// A session's scoring options, chosen by the host when creating it and shown to players in the
// lobby before the start. Client-safe (the create form and the lobby use it).
//   pointsPerQuestion — the most one answer's base can earn: 0 (practice: grades are still
//                       recorded, points stay 0), 1000 (Kahoot's) or 2000 (a double-points round);
//   speedBonus        — on: Kahoot's speed rule (half the points at the buzzer); off: correctness
//                       only, every correct answer earns the full points whenever it arrives;
//   streakBonus       — on: +10 % of the points per correct answer in a row after the first,
//                       capped at +50 % (+100 … +500 at 1000 points); off: no bonus.

export const POINTS_PER_QUESTION_CHOICES = [0, 1000, 2000] as const;

export const ZScoringOptions = z
  .object({
    pointsPerQuestion: z
      .number()
      .int()
      .refine((points) => (POINTS_PER_QUESTION_CHOICES as readonly number[]).includes(points), { message: 'points per question are 0, 1000 or 2000' })
      .default(1000)
      .describe('0 (practice), 1000 or 2000'),
    speedBonus: z.boolean().default(true).describe('Kahoot’s speed rule; false: correctness only'),
    streakBonus: z.boolean().default(true).describe('+10 % of the points per correct answer in a row, up to +50 %'),
  })
  .describe('The session’s scoring options (docs/live.md, Scoring).');
export type TScoringOptions = z.infer<typeof ZScoringOptions>;

export const DEFAULT_SCORING: TScoringOptions = { pointsPerQuestion: 1000, speedBonus: true, streakBonus: true };
