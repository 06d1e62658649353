// Before and after a re-ask: the share of one named mistake on the original question and on its
// follow-up, and how many of the players who made it there got the follow-up fully right. Pure:
// the callers load the stored answers. Shares are of the answers given (a player who did not
// answer made no mistake and is not in the denominator), so a follow-up fewer players answered
// does not look better than it is. Players removed by the host are left out by the callers.

export interface ReaskAnswer {
  participantId: string;
  /** The named mistake the grader matched, if any. */
  mistake: string | null;
  correct: boolean;
  /** False for a self-paced "time ran out" row (stored without an answer). */
  answered: boolean;
}

export interface ReaskSide {
  answered: number;
  /** Answers with the mistake. */
  withMistake: number;
  /** withMistake ÷ answered (0 when nobody answered). */
  share: number;
}

export interface ReaskComparison {
  before: ReaskSide;
  after: ReaskSide;
  /** Players who made the mistake on the original question. */
  madeIt: number;
  /** …of whom answered the follow-up fully correctly. */
  nowCorrect: number;
  /** …of whom made the same mistake again. */
  madeItAgain: number;
}

function side(answers: readonly ReaskAnswer[], mistakeId: string): ReaskSide {
  const given = answers.filter((answer) => answer.answered);
  const withMistake = given.filter((answer) => answer.mistake === mistakeId).length;
  return { answered: given.length, withMistake, share: given.length > 0 ? withMistake / given.length : 0 };
}

export function compareReask(mistakeId: string, before: readonly ReaskAnswer[], after: readonly ReaskAnswer[]): ReaskComparison {
  const madeIt = new Set(before.filter((answer) => answer.answered && answer.mistake === mistakeId).map((answer) => answer.participantId));
  const followUps = after.filter((answer) => answer.answered && madeIt.has(answer.participantId));
  return {
    before: side(before, mistakeId),
    after: side(after, mistakeId),
    madeIt: madeIt.size,
    nowCorrect: followUps.filter((answer) => answer.correct).length,
    madeItAgain: followUps.filter((answer) => answer.mistake === mistakeId).length,
  };
}
