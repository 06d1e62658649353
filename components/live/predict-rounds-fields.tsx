'use client';

import { useEffect, useRef } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { MAX_TIME_LIMIT_S, MIN_TIME_LIMIT_S } from '@/lib/live/protocol/live-schemas';
import { PREDICT_PRESETS } from '@/lib/live/protocol/predict-presets';
import { PREDICTION_KINDS, type TPredictSetup, type TPredictionKind } from '@/lib/live/protocol/predict-setup';
import { KnobForm } from '@/components/playground/knob-form';
import { useKnobErrors } from '@/components/playground/use-knob-errors';
import styles from '@/components/live/live.module.css';
import type { RoundPlace } from '@/components/live/session-plan';

/** A predict-then-train round being planned: its setup and time limit (the form keeps strings). */
export interface PredictRound {
  key: number;
  /** The preset it started from (the knobs may have changed since). */
  presetId: string;
  setup: TPredictSetup;
  timeLimitS: string;
  /** Where it is played: before exercise question n (0 = first), or after the last one. */
  place: RoundPlace;
}

export const PREDICT_FORM_TEXT = {
  legend: { ko: '예측한 다음 학습하기', en: 'Predict, then train' },
  fixKnobs: { ko: '예측한 다음 학습하기: 빨갛게 표시된 설정을 고치세요', en: 'Predict, then train: fix the knob marked in red' },
  intro: { ko: '학생들이 결과를 예측한 뒤 서버가 이 설정으로 학습합니다. 라운드마다 순서 안의 자리를 고르세요.', en: 'Students predict the outcome, then the server trains the configuration. Place each round anywhere in the order.' },
  place: { ko: '순서', en: 'Played' },
  placeStart: { ko: '맨 처음', en: 'First of all' },
  placeBefore: { ko: '앞', en: 'Before' },
  order: { ko: '진행 순서', en: 'Order of play' },
  placeEnd: { ko: '문제들 뒤 (맨 끝)', en: 'After the questions (at the end)' },
  add: { ko: '예측 라운드 추가', en: 'Add a prediction round' },
  remove: { ko: '빼기', en: 'Remove' },
  preset: { ko: '설정', en: 'Configuration' },
  prediction: { ko: '예측할 것', en: 'Players predict' },
  knobs: { ko: '설정 바꾸기', en: 'Change the knobs' },
  second: { ko: '두 번째 설정 (B)', en: 'Second configuration (B)' },
  timeLimit: { ko: '예측 시간(초)', en: 'Time to predict (s)' },
  kinds: {
    outcome: { ko: '결과 (발산 / 멈춤 / 천천히 / 빠르게)', en: 'Outcome (diverges / flat / slow / fast)' },
    accuracy: { ko: '최종 검증 정확도 구간', en: 'Final validation-accuracy bin' },
    versus: { ko: '두 설정 중 어느 쪽이 이기는가', en: 'Which of two configurations wins' },
  },
} as const;

export interface PredictRoundsFieldsProps {
  locale: Locale;
  /** The exercise questions in their order (titles), among which a round is placed. */
  questions: readonly string[];
  rounds: PredictRound[];
  onChange: (rounds: PredictRound[]) => void;
}

/** The create form's predict-then-train rounds: a preset, what is predicted, the knobs, the time. */
export function PredictRoundsFields({ locale, questions, rounds, onChange }: PredictRoundsFieldsProps) {
  const update = (key: number, change: Partial<PredictRound>) => onChange(rounds.map((round) => (round.key === key ? { ...round, ...change } : round)));
  const add = () => onChange([...rounds, { key: Date.now(), presetId: PREDICT_PRESETS[0].id, setup: PREDICT_PRESETS[0].setup, timeLimitS: '30', place: 'end' }]);
  const withKind = (setup: TPredictSetup, prediction: TPredictionKind): TPredictSetup =>
    prediction === 'versus' ? { prediction, config: setup.config, versus: setup.versus ?? setup.config } : { prediction, config: setup.config };
  return (
    <fieldset data-testid="predict-rounds">
      <legend>{PREDICT_FORM_TEXT.legend[locale]}</legend>
      <p className="muted"><small>{PREDICT_FORM_TEXT.intro[locale]}</small></p>
      {rounds.map((round, i) => (
        <div key={round.key} className={styles.predictRound}>
          <label htmlFor={`predict-preset-${round.key}`}>{i + 1}. {PREDICT_FORM_TEXT.preset[locale]}</label>
          <select
            id={`predict-preset-${round.key}`}
            value={round.presetId}
            onChange={(event) => {
              const preset = PREDICT_PRESETS.find((candidate) => candidate.id === event.currentTarget.value);
              if (preset) update(round.key, { presetId: preset.id, setup: preset.setup });
            }}
          >
            {PREDICT_PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id}>{preset.label[locale]}</option>
            ))}
          </select>
          <label htmlFor={`predict-kind-${round.key}`}>{PREDICT_FORM_TEXT.prediction[locale]}</label>
          <select id={`predict-kind-${round.key}`} value={round.setup.prediction} onChange={(event) => update(round.key, { setup: withKind(round.setup, event.currentTarget.value as TPredictionKind) })}>
            {PREDICTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>{PREDICT_FORM_TEXT.kinds[kind][locale]}</option>
            ))}
          </select>
          <label htmlFor={`predict-place-${round.key}`}>{PREDICT_FORM_TEXT.place[locale]}</label>
          <select
            id={`predict-place-${round.key}`}
            data-testid="predict-place"
            value={round.place === 'end' || round.place >= questions.length ? 'end' : String(round.place)}
            onChange={(event) => update(round.key, { place: event.currentTarget.value === 'end' ? 'end' : Number(event.currentTarget.value) })}
          >
            {questions.map((title, n) => (
              <option key={n} value={String(n)}>
                {placeLabel(locale, n, title)}
              </option>
            ))}
            <option value="end">{PREDICT_FORM_TEXT.placeEnd[locale]}</option>
          </select>
          <label htmlFor={`predict-time-${round.key}`}>{PREDICT_FORM_TEXT.timeLimit[locale]}</label>
          <input id={`predict-time-${round.key}`} type="number" min={MIN_TIME_LIMIT_S} max={MAX_TIME_LIMIT_S} step={5} value={round.timeLimitS} onChange={(event) => update(round.key, { timeLimitS: event.currentTarget.value })} />
          <RoundKnobs
            locale={locale}
            setup={round.setup}
            onConfig={(config) => update(round.key, { setup: { ...round.setup, config } })}
            onVersus={(versus) => update(round.key, { setup: { ...round.setup, versus } })}
          />
          <p>
            <button className="button secondary" type="button" onClick={() => onChange(rounds.filter((candidate) => candidate.key !== round.key))}>
              {PREDICT_FORM_TEXT.remove[locale]}
            </button>
          </p>
        </div>
      ))}
      <p>
        <button className="button secondary" type="button" data-testid="add-predict" onClick={add}>{PREDICT_FORM_TEXT.add[locale]}</button>
      </p>
    </fieldset>
  );
}

/** "Before 2. Backprop through a multiply node" / "2. … 앞"; the first one also says it comes first of all. */
function placeLabel(locale: Locale, n: number, title: string): string {
  const before = locale === 'ko' ? `${n + 1}. ${title} ${PREDICT_FORM_TEXT.placeBefore.ko}` : `${PREDICT_FORM_TEXT.placeBefore.en} ${n + 1}. ${title}`;
  return n === 0 ? `${PREDICT_FORM_TEXT.placeStart[locale]} (${before})` : before;
}

/**
 * A round's knobs, as the playground shows them: a knob out of range says its allowed range under
 * it, and the section opens by itself so the instructor sees which knob of which round.
 */
function RoundKnobs({ locale, setup, onConfig, onVersus }: { locale: Locale; setup: TPredictSetup; onConfig: (config: TTrainingConfig) => void; onVersus: (versus: TTrainingConfig) => void }) {
  const first = useKnobErrors(setup.config, locale);
  // A round without a second configuration checks its first twice; the result is not shown.
  const second = useKnobErrors(setup.versus ?? setup.config, locale);
  const hasErrors = Object.keys(first.errors).length > 0 || (setup.versus !== undefined && setup.versus !== null && Object.keys(second.errors).length > 0);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened when a knob goes wrong, never closed under the instructor's hands.
  useEffect(() => {
    if (hasErrors && details.current) details.current.open = true;
  }, [hasErrors]);
  return (
    <details ref={details} data-testid="predict-knobs">
      <summary>{PREDICT_FORM_TEXT.knobs[locale]}</summary>
      <KnobForm config={setup.config} locale={locale} errors={first.errors} onChange={onConfig} />
      {setup.versus ? (
        <>
          <p><strong>{PREDICT_FORM_TEXT.second[locale]}</strong></p>
          <KnobForm config={setup.versus} locale={locale} errors={second.errors} onChange={onVersus} />
        </>
      ) : null}
    </details>
  );
}
