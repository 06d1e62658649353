'use client';

import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TPredictTraining } from '@/lib/live/protocol/live-payloads';
import type { TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { BoundaryView } from '@/components/playground/boundary-view';
import { MetricChart } from '@/components/playground/metric-chart';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

const RUN_COLORS = { A: '#1d4ed8', B: '#c2410c' } as const;

export interface PredictTrainingPanelProps {
  training: TPredictTraining;
  locale: Locale;
  /** The host's setup: the projector draws the MLP's decision boundary over its data. */
  setup?: TPredictSetup | null;
  /** The player's own prediction, marked in the histogram. */
  mine?: string | null;
}

/**
 * A prediction question's training: the class's predictions as a histogram (the outcome marked
 * once decided), the loss curve of each run as it trains and, on the projector, the MLP's decision
 * boundary. The same component on a phone and on the projector; sizes follow the box.
 */
export function PredictTrainingPanel({ training, locale, setup = null, mine = null }: PredictTrainingPanelProps) {
  const largest = Math.max(1, ...training.choices.map((choice) => choice.count));
  const totalEpochs = Math.max(1, ...training.runs.map((run) => run.totalEpochs));
  const outcome = training.choices.find((choice) => choice.id === training.outcome);
  const pictureConfig = pictureConfigOf(setup, training.picture?.label ?? 'A');
  const heading = training.status === 'training' ? LIVE_TEXT.predictTraining[locale] : training.status === 'failed' ? LIVE_TEXT.predictFailed[locale] : LIVE_TEXT.predictOutcome[locale];
  return (
    <section className={styles.predict} data-testid="predict-training" data-status={training.status} aria-live="polite">
      <h2>
        {heading}
        {outcome ? <strong data-testid="predict-outcome"> {outcome.label[locale]}</strong> : null}
      </h2>
      <ul className={`${styles.histogram} ${styles.predictHistogram}`} aria-label={LIVE_TEXT.predictVotes[locale]}>
        {training.choices.map((choice) => (
          <li key={choice.id} data-choice={choice.id} data-outcome={choice.id === training.outcome || undefined} data-mine={choice.id === mine || undefined}>
            <span className={styles.histLabel}>
              {choice.id === training.outcome ? '✓ ' : ''}
              {choice.label[locale]}
              {choice.id === mine ? ` (${LIVE_TEXT.predictMine[locale]})` : ''}
            </span>
            <span className={styles.histBar} aria-hidden="true">
              <span style={{ width: `${(choice.count / largest) * 100}%` }} />
            </span>
            <span className={styles.histCount}>{choice.count}</span>
          </li>
        ))}
      </ul>
      <div className={styles.predictCharts}>
        <MetricChart
          title={LIVE_TEXT.predictLoss[locale]}
          xMax={totalEpochs}
          xLabel={LIVE_TEXT.predictEpoch[locale]}
          emptyText={LIVE_TEXT.predictWaiting[locale]}
          series={training.runs.map((run) => ({
            label: training.runs.length > 1 ? run.label : LIVE_TEXT.predictLoss[locale],
            color: RUN_COLORS[run.label],
            values: run.curve.flatMap((point) => (point.loss === null ? [] : [{ x: point.epoch, y: point.loss }])),
          }))}
        />
        {training.picture && pictureConfig ? (
          <BoundaryView
            snapshot={{ kind: 'boundary', epoch: training.picture.epoch, res: training.picture.res, extent: [training.picture.extent[0], training.picture.extent[1], training.picture.extent[2], training.picture.extent[3]], grid: training.picture.grid }}
            config={pictureConfig}
            label={LIVE_TEXT.predictBoundary[locale]}
          />
        ) : null}
      </div>
      {training.runs.map((run) =>
        run.verdict ? (
          <p key={run.label} className="muted" data-testid={`predict-verdict-${run.label}`}>
            {training.runs.length > 1 ? `${run.label}: ` : ''}
            {LIVE_TEXT.predictEpochs[locale]} {formatNumber(run.verdict.epochs, locale)} · {LIVE_TEXT.predictFinalLoss[locale]} {run.verdict.finalLoss === null ? '—' : run.verdict.finalLoss.toPrecision(3)} ·{' '}
            {LIVE_TEXT.predictValAcc[locale]} {formatPercent(run.verdict.finalValAcc)} · {LIVE_TEXT.predictSeed[locale]} {run.seed}
          </p>
        ) : null,
      )}
    </section>
  );
}

function pictureConfigOf(setup: TPredictSetup | null, label: 'A' | 'B'): Extract<TTrainingConfig, { model: 'mlp' }> | null {
  const config = label === 'B' ? setup?.versus : setup?.config;
  return config?.model === 'mlp' ? config : null;
}
