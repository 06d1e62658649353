import type { THostQuestion } from '@/lib/live/protocol/live-payloads';
import { mistakeText } from '@/lib/live/views/find-reask-comparison';
import { exerciseTitle, projectorPrompt } from '@/lib/live/variants/live-variant';
import { predictPrompt, type TPredictSetup } from '@/lib/live/protocol/predict-setup';

export interface HostQuestionRow {
  index: number;
  typeId: string;
  timeLimitS: number;
  openedAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  talkS: number;
  /** A follow-up: the question it re-asks and the mistake. */
  reaskOf: { index: number; mistake: string } | null;
  /** A predict-then-train question's setup (the prompt is its configuration, the same for everyone). */
  predict?: TPredictSetup | null;
}

/** The projector's view of a question: an example variant of its own, never a player's. */
export function buildHostQuestion(sessionId: string, question: HostQuestionRow): THostQuestion {
  return {
    index: question.index,
    typeId: question.typeId,
    title: exerciseTitle(question.typeId),
    prompt: question.predict ? predictPrompt(question.predict) : projectorPrompt(sessionId, question.index, question.typeId),
    timeLimitS: question.timeLimitS,
    openedAt: question.openedAt?.toISOString() ?? null,
    closesAt: question.closesAt?.toISOString() ?? null,
    closedAt: question.closedAt?.toISOString() ?? null,
    serverNow: new Date().toISOString(),
    talkS: question.talkS,
    reask: question.reaskOf ? { ofIndex: question.reaskOf.index, mistake: { id: question.reaskOf.mistake, text: mistakeText(question.reaskOf.mistake) } } : null,
    predict: question.predict ?? null,
  };
}
