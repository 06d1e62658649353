'use client';
import type { Locale } from '@/lib/i18n/locales';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import type { EpochMetric, TrainingSnapshot } from '@/engine/playground/types';
import { GradientStepsView } from './gradient-steps-view';
import { fill, T } from './playground-text';
import { RunCharts } from './run-charts';
import { SnapshotView } from './snapshot-view';
import { positionLabel, TimelineControls, useTimeline } from './timeline-controls';
import styles from './playground.module.css';

export type TimelineRun = {
  name: string;
  config: TTrainingConfig;
  metrics: EpochMetric[];
  frames: TrainingSnapshot[];
  totalEpochs: number;
  color: string;
  altColor: string;
};

/** The epochs at which either run took a picture, in order: the shared timeline's positions. */
export function sharedEpochs(runs: readonly Pick<TimelineRun, 'frames'>[]): number[] {
  return [...new Set(runs.flatMap((run) => run.frames.map((frame) => frame.epoch)))].sort((a, b) => a - b);
}

/** A run's picture at a shared position: its latest one taken at or before that epoch (null before its first). */
export function frameAt(frames: readonly TrainingSnapshot[], epoch: number): TrainingSnapshot | null {
  let found: TrainingSnapshot | null = null;
  for (const frame of frames) if (frame.epoch <= epoch) found = frame;
  return found;
}

/**
 * Two runs (RNN vs LSTM, or any two compared) on one timeline: play / pause / step / speed / scrub
 * move both together, epoch by epoch, over the curves of both; the pictures at that epoch sit side
 * by side, or — for the recurrent pair — in one gradient-per-step chart. Works live (the LSTM
 * starts after the RNN, so it joins the timeline later) and for stored runs.
 */
export function PairTimeline({ runs, locale, isLive }: { runs: TimelineRun[]; locale: Locale; isLive: boolean }) {
  const epochs = sharedEpochs(runs);
  const timeline = useTimeline(epochs.length, isLive);
  const epoch = timeline.index >= 0 ? epochs[timeline.index] : undefined;
  const shown = runs.map((run) => ({ run, frame: epoch === undefined ? null : frameAt(run.frames, epoch) }));
  const sequences = shown.flatMap(({ run, frame }) => (frame?.kind === 'sequence' ? [{ label: run.name, color: run.color, snapshot: frame }] : []));
  const isSequencePair = runs.every((run) => run.config.model === 'rnn' || run.config.model === 'lstm');

  return (
    <section className={styles.timeline} aria-label={T.pairTimeline[locale]} data-testid="pair-timeline">
      <RunCharts
        curves={runs.map((run) => ({ name: run.name, metrics: run.metrics, color: run.color, altColor: run.altColor }))}
        totalEpochs={Math.max(1, ...runs.map((run) => run.totalEpochs))}
        locale={locale}
        cursor={epoch !== undefined && (timeline.isChosen || !isLive) ? epoch : undefined}
      />
      {epochs.length > 0 ? <TimelineControls timeline={timeline} positionText={positionLabel(locale, timeline.index, epochs.length, epoch)} locale={locale} /> : null}
      {epoch !== undefined ? (
        <p className="muted" data-testid="pair-epochs">
          {shown.map(({ run, frame }) => (frame ? fill(T.pairEpoch[locale], { name: run.name, e: frame.epoch }) : fill(T.pairWaiting[locale], { name: run.name }))).join(' · ')}
        </p>
      ) : null}
      {isSequencePair ? (
        <GradientStepsView series={sequences} locale={locale} />
      ) : (
        <div className={styles.compare}>
          {shown.map(({ run, frame }) => (
            <section key={run.name}>
              <h3>{run.name}</h3>
              <SnapshotView config={run.config} snapshot={frame} locale={locale} />
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
