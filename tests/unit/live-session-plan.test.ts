import { describe, expect, it } from 'vitest';
import { orderPlan, type RoundPlace } from '@/components/live/session-plan';

// The create form's order: predict-then-train rounds placed anywhere among the exercise questions.

const label = (plan: ReturnType<typeof orderPlan<string, { id: string; place: RoundPlace }>>) => plan.map((entry) => (entry.kind === 'exercise' ? entry.item : entry.item.id));

describe('orderPlan', () => {
  const exercises = ['e1', 'e2', 'e3'];

  it('puts a round before the exercise question it names, at the start, or at the end', () => {
    const rounds = [
      { id: 'P-end', place: 'end' as const },
      { id: 'P-start', place: 0 },
      { id: 'P-before-e3', place: 2 },
    ];
    expect(label(orderPlan(exercises, rounds, (round) => round.place))).toEqual(['P-start', 'e1', 'e2', 'P-before-e3', 'e3', 'P-end']);
  });

  it('keeps rounds with the same place in their own order, and sends a place past the last question to the end', () => {
    const rounds = [
      { id: 'A', place: 1 },
      { id: 'B', place: 1 },
      { id: 'C', place: 7 },
      { id: 'D', place: 3 },
    ];
    expect(label(orderPlan(exercises, rounds, (round) => round.place))).toEqual(['e1', 'A', 'B', 'e2', 'e3', 'C', 'D']);
  });

  it('plays rounds alone when there are no exercise questions, and the exercises alone without rounds', () => {
    expect(label(orderPlan([], [{ id: 'X', place: 2 }, { id: 'Y', place: 'end' }], (round) => round.place))).toEqual(['X', 'Y']);
    expect(label(orderPlan(exercises, [], (round: { id: string; place: RoundPlace }) => round.place))).toEqual(exercises);
  });
});
