import { isMistakeId } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { findReaskComparison, mistakeText } from '@/lib/live/views/find-reask-comparison';
import { countActivePlayers } from '@/lib/live/views/count-active-players';
import { exerciseTitle, projectorExample } from '@/lib/live/variants/live-variant';
import type { TQuestionResults, TScoreBucket } from '@/lib/live/protocol/live-payloads';
import { findPredictTraining } from '@/lib/live/views/find-predict-training';

const TOP_MISTAKES = 3;

/**
 * Class-wide results of one question for the host's screen: share correct, a histogram of grader
 * scores (every player has different numbers, so raw answers are not comparable) and the most
 * frequent named mistakes with their share of the answers (what "Re-ask" offers). Counts only: no
 * answers, no variants. A follow-up also carries its before/after, and every closed question the
 * worked solution of the projector's example (the players' own come in their results).
 */
export async function findQuestionResults(sessionId: string, index: number): Promise<TQuestionResults | null> {
  const db = getDb();
  const question = await db.liveQuestion.findUnique({
    where: { sessionId_index: { sessionId, index } },
    select: { id: true, index: true, typeId: true, predict: true, predictOutcome: true, closedAt: true, answers: { where: { participant: { kicked: false } }, select: { answer: true, score: true, correct: true, mistake: true } } },
  });
  if (!question) return null;
  const joined = await countActivePlayers(sessionId);
  // A JSON-null answer is a self-paced question whose time ran out: counted as no answer.
  const answers = question.answers.filter((answer) => answer.answer !== null);
  const count = (test: (score: number) => boolean) => answers.filter((answer) => test(answer.score)).length;
  const histogram: TScoreBucket[] = [
    { id: 'none', label: { ko: '답 없음', en: 'No answer' }, count: Math.max(0, joined - answers.length) },
    { id: 'zero', label: { ko: '0%', en: '0%' }, count: count((score) => score <= 0) },
    { id: 'low', label: { ko: '1–49%', en: '1–49%' }, count: count((score) => score > 0 && score < 0.5) },
    { id: 'high', label: { ko: '50–99%', en: '50–99%' }, count: count((score) => score >= 0.5 && score < 1) },
    { id: 'full', label: { ko: '100%', en: '100%' }, count: count((score) => score >= 1) },
  ];
  const mistakeCounts = new Map<string, number>();
  for (const { mistake } of answers) if (mistake) mistakeCounts.set(mistake, (mistakeCounts.get(mistake) ?? 0) + 1);
  const mistakes = [...mistakeCounts]
    .filter(([id]) => isMistakeId(id))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_MISTAKES)
    .map(([id, n]) => ({ id, text: mistakeText(id), count: n, share: n / answers.length }));
  const correct = answers.filter((answer) => answer.correct).length;
  return {
    questionIndex: index,
    typeId: question.typeId,
    title: exerciseTitle(question.typeId),
    joined,
    answered: answers.length,
    correct,
    shareCorrect: joined > 0 ? correct / joined : 0,
    histogram,
    mistakes,
    reask: await findReaskComparison(question.id),
    example: projectorExample(sessionId, index, question.typeId),
    predict: await findPredictTraining(question),
  };
}
