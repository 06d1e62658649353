import { describe, expect, it } from 'vitest';
import { compareReask, type ReaskAnswer } from '@/lib/live/views/compare-reask';

const answer = (participantId: string, mistake: string | null, correct = false, answered = true): ReaskAnswer => ({ participantId, mistake, correct, answered });

describe('compareReask', () => {
  it('counts the mistake’s share of the answers before and after, and what became of the players who made it', () => {
    const before = [answer('a', 'swapped-inputs'), answer('b', 'swapped-inputs'), answer('c', 'sign-error'), answer('d', null, true), answer('e', 'swapped-inputs')];
    const after = [answer('a', null, true), answer('b', 'swapped-inputs'), answer('c', null, true), answer('d', null, true)];
    const comparison = compareReask('swapped-inputs', before, after);
    expect(comparison.before).toEqual({ answered: 5, withMistake: 3, share: 3 / 5 });
    expect(comparison.after).toEqual({ answered: 4, withMistake: 1, share: 1 / 4 });
    // a, b and e made it; a is now right, b made it again, e did not answer the follow-up.
    expect(comparison).toMatchObject({ madeIt: 3, nowCorrect: 1, madeItAgain: 1 });
  });

  it('leaves rows without an answer out of every count and a share of nothing at 0', () => {
    const comparison = compareReask('sign-error', [answer('a', null, false, false)], []);
    expect(comparison.before).toEqual({ answered: 0, withMistake: 0, share: 0 });
    expect(comparison.after.share).toBe(0);
    expect(comparison.madeIt).toBe(0);
  });

  it('does not count a follow-up right answer of a player who never made the mistake', () => {
    const comparison = compareReask('sign-error', [answer('a', 'sign-error'), answer('b', null, true)], [answer('a', 'forgot-bias'), answer('b', null, true)]);
    expect(comparison).toMatchObject({ madeIt: 1, nowCorrect: 0, madeItAgain: 0 });
  });
});
