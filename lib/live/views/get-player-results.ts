import { isMistakeId, mistakeCatalogue } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { ZPredictTraining, type TPlayerResult } from '@/lib/live/protocol/live-payloads';
import { predictChoiceLabel, type TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { readPredictSetup } from '@/lib/live/state/read-predict-setup';
import { getLiveVariant, workedSteps } from '@/lib/live/variants/live-variant';
import type { LiveStanding } from '@/lib/live/views/get-live-standings';

/** Explaining a variant costs a millisecond or two: yield between batches so acks keep flowing. */
const EXPLAIN_BATCH = 50;

export interface GetPlayerResultsOptions {
  sessionId: string;
  index: number;
  /** The participants to report on, with their standing after the question. */
  standings: readonly LiveStanding[];
  participantCount: number;
}

/**
 * Each participant's own result of a closed question, with their rank after it and the worked
 * solution of their own variant (called only once the question has closed).
 */
export async function getPlayerResults({ sessionId, index, standings, participantCount }: GetPlayerResultsOptions): Promise<Map<string, TPlayerResult>> {
  const onlyOne = standings.length === 1 ? standings[0].participantId : undefined;
  const question = await getDb().liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index } }, select: { typeId: true, predict: true, predictOutcome: true } });
  const predict = readPredictSetup(question?.predict);
  const decided = predict ? ZPredictTraining.safeParse(question?.predictOutcome) : null;
  const outcome = decided?.success && decided.data.status === 'decided' ? decided.data.outcome : null;
  const answers = await getDb().liveAnswer.findMany({
    where: { question: { sessionId, index }, ...(onlyOne ? { participantId: onlyOne } : {}) },
    select: { participantId: true, answer: true, score: true, correct: true, points: true, mistake: true, seed: true },
  });
  // A JSON-null answer is a self-paced question whose time ran out: no answer.
  const byParticipant = new Map(answers.filter((answer) => answer.answer !== null).map((answer) => [answer.participantId, answer]));
  const results = new Map<string, TPlayerResult>();
  for (const [position, standing] of standings.entries()) {
    if (position > 0 && position % EXPLAIN_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const answer = byParticipant.get(standing.participantId);
    // The seed the answer was graded with; without an answer, the player's variant as it was drawn.
    const seed = answer ? Number(answer.seed) : question && !predict ? (await getLiveVariant({ sessionId, questionIndex: index, participantId: standing.participantId, typeId: question.typeId })).seed : null;
    const mistake = answer?.mistake && isMistakeId(answer.mistake) ? { id: answer.mistake, text: mistakeCatalogue[answer.mistake] } : null;
    results.set(standing.participantId, {
      questionIndex: index,
      answered: Boolean(answer),
      grade: answer?.score ?? 0,
      correct: answer?.correct ?? false,
      points: answer?.points ?? 0,
      streak: standing.streak,
      totalScore: standing.score,
      rank: standing.rank,
      participantCount,
      feedback: predict ? predictionFeedback(predict, answer ? String(answer.answer) : null, outcome) : answer ? feedbackFor(answer.correct, answer.score, mistake?.text ?? null) : { ko: '시간 안에 답하지 못했습니다.', en: 'No answer in time.' },
      mistake,
      explanation: question && seed !== null ? workedSteps(question.typeId, seed) : [],
      prediction: predict && outcome !== null ? { chosen: typeof answer?.answer === 'string' ? answer.answer : null, outcome } : null,
    });
  }
  return results;
}

function feedbackFor(correct: boolean, score: number, mistakeText: { ko: string; en: string } | null) {
  if (correct) return { ko: '정답입니다!', en: 'Correct!' };
  if (mistakeText) return mistakeText;
  if (score > 0) {
    const percent = Math.round(score * 100);
    return { ko: `부분 점수 ${percent}%`, en: `Partly right (${percent}%)` };
  }
  return { ko: '아쉽게도 틀렸습니다.', en: 'Not right this time.' };
}

function predictionFeedback(setup: TPredictSetup, chosen: string | null, outcome: string | null) {
  if (outcome === null) return { ko: '학습을 끝내지 못해 이번 예측은 점수가 없습니다.', en: 'The training could not finish: no points for this prediction.' };
  const label = predictChoiceLabel(setup, outcome);
  if (chosen === outcome) return { ko: `예측이 맞았습니다! (${label.ko})`, en: `Your prediction was right! (${label.en})` };
  if (chosen === null) return { ko: `예측하지 않았습니다. 결과: ${label.ko}`, en: `No prediction in time. The outcome: ${label.en}` };
  return { ko: `아쉽습니다. 결과: ${label.ko}`, en: `Not this time. The outcome: ${label.en}` };
}
