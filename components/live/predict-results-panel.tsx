'use client';

import { formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TPredictTraining, TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { PREDICT_TITLE, type TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { LIVE_TEXT } from '@/components/live/live-text';
import { PredictTrainingPanel } from '@/components/live/predict-training-panel';
import styles from '@/components/live/live.module.css';

/** What the class predicted, under the heading (by the kind of prediction). */
export const PREDICT_ASKED = {
  outcome: { ko: '예측: 학습하면 어떻게 될까? (발산 / 멈춤 / 천천히 / 빠르게)', en: 'Predicted: what happens when it trains? (diverges / flat / slow / fast)' },
  accuracy: { ko: '예측: 최종 검증 정확도는 어느 구간일까?', en: 'Predicted: which bin will the final validation accuracy fall in?' },
  versus: { ko: '예측: 두 설정 중 어느 쪽이 이길까? (A / B)', en: 'Predicted: which of two configurations wins? (A / B)' },
} as const;

export interface PredictResultsPanelProps {
  training: TPredictTraining;
  /** The question's results, once the outcome is decided and the predictions scored. */
  results: TQuestionResults | null;
  setup: TPredictSetup | null;
  locale: Locale;
}

/**
 * The projector's results of a predict-then-train question, headed like an exercise's results
 * ("Results · Predict, then train", with what the class predicted): the training as it streams
 * (histogram of predictions, loss curve, decision boundary), then the share of right predictions.
 * No grade histogram or mistakes: a prediction is right or wrong.
 */
export function PredictResultsPanel({ training, results, setup, locale }: PredictResultsPanelProps) {
  return (
    <section className={styles.results} aria-labelledby="predict-results-heading" data-testid="predict-results">
      <h1 id="predict-results-heading">
        {LIVE_TEXT.results[locale]} · {(results?.title ?? PREDICT_TITLE)[locale]}
      </h1>
      <p className={styles.predictAsked}>{PREDICT_ASKED[training.prediction][locale]}</p>
      <PredictTrainingPanel training={training} locale={locale} setup={setup} />
      {results ? (
        <p className={styles.bigCount} data-testid="results">
          {LIVE_TEXT.predictRight[locale]} <strong data-testid="share-correct">{formatPercent(results.shareCorrect)}</strong>{' '}
          <span className="muted">
            ({results.correct} / {results.joined}, {training.answered} {LIVE_TEXT.predicted[locale]})
          </span>
        </p>
      ) : null}
    </section>
  );
}
