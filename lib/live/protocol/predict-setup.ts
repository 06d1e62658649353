import { z } from 'zod';
import type { AnswerSpec } from '@/engine/exercises/client';
import { ZTrainingConfig } from '@/engine/playground/training-config';
import { describeConfig } from '@/engine/playground/knob-messages';

// "Predict, then train": a live question whose answer is a prediction about a training run.
// Client-safe (the create form, both screens and the server use it). The host picks a playground
// configuration (or two, for "which wins"); players commit a prediction; when the prediction window
// closes the server trains it and the outcome is decided by the rules in
// lib/live/state/decide-prediction.ts (documented in docs/live.md, "Predict, then train").

/** The pseudo exercise type id a predict-then-train question is stored under. */
export const PREDICT_TYPE_ID = 'predict-train';

export const PREDICTION_KINDS = ['outcome', 'accuracy', 'versus'] as const;
export type TPredictionKind = (typeof PREDICTION_KINDS)[number];

export const ZPredictSetup = z
  .object({
    prediction: z.enum(PREDICTION_KINDS).describe('what players predict: outcome (diverges / stays flat / learns slowly / learns fast), accuracy (final validation-accuracy bin) or versus (which of two configurations wins)'),
    config: ZTrainingConfig.describe('the playground configuration to train (engine/playground/config-schema.ts); its seed is replaced by a keyed seed when it trains'),
    versus: ZTrainingConfig.optional().describe('versus only: the second configuration (B)'),
  })
  .refine((setup) => (setup.prediction === 'versus') === (setup.versus !== undefined), {
    message: 'a "which wins" question needs exactly two configurations',
    path: ['versus'],
  })
  .describe('A predict-then-train question: the configuration(s) and what is predicted.');
export type TPredictSetup = z.infer<typeof ZPredictSetup>;

export interface PredictChoice {
  id: string;
  label: { ko: string; en: string };
}

export const PREDICT_CHOICES: { [K in TPredictionKind]: readonly PredictChoice[] } = {
  outcome: [
    { id: 'diverges', label: { ko: '발산한다', en: 'Diverges' } },
    { id: 'flat', label: { ko: '그대로 멈춘다', en: 'Stays flat' } },
    { id: 'slow', label: { ko: '천천히 배운다', en: 'Learns slowly' } },
    { id: 'fast', label: { ko: '빨리 배운다', en: 'Learns fast' } },
  ],
  accuracy: [
    { id: 'acc-0-60', label: { ko: '검증 정확도 60% 미만', en: 'Validation accuracy below 60%' } },
    { id: 'acc-60-80', label: { ko: '60–80%', en: '60–80%' } },
    { id: 'acc-80-95', label: { ko: '80–95%', en: '80–95%' } },
    { id: 'acc-95-100', label: { ko: '95% 이상', en: '95% or more' } },
  ],
  versus: [
    { id: 'a', label: { ko: 'A가 이긴다', en: 'A wins' } },
    { id: 'b', label: { ko: 'B가 이긴다', en: 'B wins' } },
  ],
};

export const PREDICT_TITLE = { ko: '예측한 다음 학습하기', en: 'Predict, then train' };

export function predictChoices(setup: Pick<TPredictSetup, 'prediction'>): readonly PredictChoice[] {
  return PREDICT_CHOICES[setup.prediction];
}

export function predictChoiceLabel(setup: Pick<TPredictSetup, 'prediction'>, id: string): { ko: string; en: string } {
  return predictChoices(setup).find((choice) => choice.id === id)?.label ?? { ko: id, en: id };
}

/** The prediction as an answer grid: one choice (the player's phone draws it like any choice question). */
export function predictAnswerSpec(setup: Pick<TPredictSetup, 'prediction'>): AnswerSpec {
  return { kind: 'choice', options: predictChoices(setup).map(({ id, label }) => ({ id, label })) };
}

const QUESTION: { [K in TPredictionKind]: { ko: string; en: string } } = {
  outcome: { ko: '이 설정으로 학습하면 어떻게 될까요?', en: 'What happens when this trains?' },
  accuracy: { ko: '학습이 끝났을 때 검증 정확도는 얼마일까요?', en: 'Where will the validation accuracy end up?' },
  versus: { ko: '어느 설정이 더 높은 검증 정확도로 끝날까요?', en: 'Which configuration ends with the higher validation accuracy?' },
};

/** The prompt the players and the projector see: the question, then each configuration's knobs. */
export function predictPrompt(setup: TPredictSetup): { ko: string; en: string } {
  const body = (locale: 'ko' | 'en') => {
    const lines = setup.versus ? [`**A** — ${describeConfig(setup.config, locale)}`, `**B** — ${describeConfig(setup.versus, locale)}`] : [describeConfig(setup.config, locale)];
    return lines.map((line) => `- ${line}`).join('\n');
  };
  return { ko: `${QUESTION[setup.prediction].ko}\n\n${body('ko')}`, en: `${QUESTION[setup.prediction].en}\n\n${body('en')}` };
}
