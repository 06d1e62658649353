import { getLiveVariant, exerciseTitle } from '@/lib/live/variants/live-variant';
import type { TPlayerQuestion } from '@/lib/live/protocol/live-payloads';
import { predictAnswerSpec, predictPrompt, type TPredictSetup } from '@/lib/live/protocol/predict-setup';

export interface BuildPlayerQuestionOptions {
  sessionId: string;
  participantId: string;
  questionCount: number;
  question: { index: number; typeId: string; timeLimitS: number; openedAt: Date; closesAt: Date; talkS?: number; reaskOf?: number | null; predict?: TPredictSetup | null };
  /** The player's team in team mode. */
  team?: number | null;
}

/**
 * The player's own variant, from the expected-free `generate` output only. A predict-then-train
 * question is the same for everyone: its configuration in the prompt, the predictions as choices.
 */
export async function buildPlayerQuestion({ sessionId, participantId, questionCount, question, team = null }: BuildPlayerQuestionOptions): Promise<TPlayerQuestion> {
  const predict = question.predict ?? null;
  const variant = predict
    ? { prompt: predictPrompt(predict), given: {}, answer: predictAnswerSpec(predict) }
    : await getLiveVariant({ sessionId, questionIndex: question.index, participantId, typeId: question.typeId });
  return {
    index: question.index,
    questionCount,
    typeId: question.typeId,
    title: exerciseTitle(question.typeId),
    prompt: variant.prompt,
    given: variant.given,
    answerSpec: variant.answer,
    timeLimitS: question.timeLimitS,
    openedAt: question.openedAt.toISOString(),
    closesAt: question.closesAt.toISOString(),
    serverNow: new Date().toISOString(),
    talkS: question.talkS ?? 0,
    reaskOf: question.reaskOf ?? null,
    team,
    predict: predict?.prediction ?? null,
  };
}
