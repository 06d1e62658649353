'use client';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { ADJUSTABLE_KNOB_NAMES, type AdjustableKnob, type TTrainingConfig } from '@/engine/playground/config-schema';
import { knobRange } from '@/engine/playground/knob-messages';
import { divergedEpoch } from '@/engine/playground/training-hooks';
import type { EpochMetric, TrainingSnapshot } from '@/engine/playground/types';
import { knobMarkers } from './knob-markers';
import { NetworkView } from './network-view';
import { fill, T } from './playground-text';
import { RunCharts } from './run-charts';
import { SnapshotView } from './snapshot-view';
import { positionLabel, TimelineControls, useTimeline } from './timeline-controls';
import styles from './playground.module.css';

// Loaded only when a finished CNN run is shown: it brings the engine's layers for the forward pass.
const DrawDigit = dynamic(() => import('./draw-digit').then((module) => module.DrawDigit), { ssr: false });

export type RunTimelineProps = {
  config: TTrainingConfig;
  metrics: EpochMetric[];
  frames: TrainingSnapshot[];
  totalEpochs: number;
  locale: Locale;
  /** Still training: the timeline follows the newest snapshot until the student takes over. */
  isLive: boolean;
  /** A FAILED run's stored message (a divergence is marked on the curves at its epoch). */
  error?: string | null;
  /** Present while the run trains and its learning rate and weight decay may change. */
  onSetKnob?: (knob: AdjustableKnob, value: number) => Promise<{ ok: true; fromEpoch: number } | { ok: false; text: string }>;
};

const KNOB_TEXT = {
  lr: { short: T.lrShort, now: T.lrNow, changed: T.lrChanged },
  weightDecay: { short: T.weightDecayShort, now: T.weightDecayNow, changed: T.weightDecayChanged },
} as const satisfies Record<AdjustableKnob, unknown>;

/**
 * A run's timeline: its snapshots played back (play / pause / step / speed / scrub) against the
 * curves, with the model's picture — and for a small MLP the network — at the chosen snapshot.
 * Works the same for a run streaming live and for a stored one.
 */
export function RunTimeline({ config, metrics, frames, totalEpochs, locale, isLive, error, onSetKnob }: RunTimelineProps) {
  const timeline = useTimeline(frames.length, isLive);
  const { index } = timeline;
  const frame = index >= 0 ? frames[index] : null;

  const diverged = divergedEpoch(error);
  const markers = [...ADJUSTABLE_KNOB_NAMES.flatMap((knob) => knobMarkers(metrics, knob, KNOB_TEXT[knob].short[locale])), ...(diverged ? [{ x: diverged, label: fill(T.divergedMarker[locale], { e: diverged }), tone: 'error' as const }] : [])];
  const network = frame?.kind === 'boundary' && frame.network ? { ...frame, network: frame.network } : null;
  // A finished CNN run's last picture carries its trained weights: draw a digit for it.
  const final = frames.at(-1);
  const trained = !isLive && config.model === 'cnn' && final?.kind === 'cnn' && final.parameters ? { config, parameters: final.parameters } : null;

  return (
    <section className={styles.timeline} aria-label={T.timeline[locale]} data-testid="run-timeline">
      <RunCharts curves={[{ metrics, color: '#1d4ed8', altColor: '#ea580c' }]} totalEpochs={totalEpochs} locale={locale} markers={markers} cursor={frame && (timeline.isChosen || !isLive) ? frame.epoch : undefined} />
      {onSetKnob ? ADJUSTABLE_KNOB_NAMES.map((knob) => <KnobControl key={knob} knob={knob} config={config} locale={locale} onSetKnob={onSetKnob} />) : null}
      {frames.length > 0 ? <TimelineControls timeline={timeline} positionText={positionLabel(locale, index, frames.length, frame?.epoch)} locale={locale} /> : null}
      {frame || config.model === 'mlp' || config.model === 'perceptron' || config.model === 'delta-rule' ? <SnapshotView config={config} snapshot={frame} locale={locale} /> : null}
      {network ? <NetworkView snapshot={network} locale={locale} /> : null}
      {config.model === 'mlp' && frame && !network ? <p className="muted">{T.networkTooWide[locale]}</p> : null}
      {frame?.weightStats ? <WeightTable stats={frame.weightStats} locale={locale} /> : null}
      {trained ? <DrawDigit config={trained.config} parameters={trained.parameters} locale={locale} /> : null}
    </section>
  );
}

interface KnobControlProps {
  knob: AdjustableKnob;
  config: TTrainingConfig;
  locale: Locale;
  onSetKnob: NonNullable<RunTimelineProps['onSetKnob']>;
}

/** "Change the learning rate / weight decay now": the knob's range from the schema, applied from the next epoch. */
function KnobControl({ knob, config, locale, onSetKnob }: KnobControlProps) {
  const range = knobRange(config.model, knob);
  const [value, setValue] = useState(config.model === 'perceptron' || config.model === 'delta-rule' ? '' : String(config[knob]));
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  if (!range || config.model === 'perceptron' || config.model === 'delta-rule') return null;
  const submit = async () => {
    const next = Number(value);
    if (value.trim() === '' || !Number.isFinite(next) || next < range.min || next > range.max) {
      setMessage({ text: fill(T.lrRange[locale], { min: range.min, max: range.max }), isError: true });
      return;
    }
    const ack = await onSetKnob(knob, next);
    setMessage(ack.ok ? { text: fill(KNOB_TEXT[knob].changed[locale], { lr: next, e: ack.fromEpoch }), isError: false } : { text: ack.text, isError: true });
  };
  return (
    <form
      className={styles.lrControl}
      aria-label={KNOB_TEXT[knob].now[locale]}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        <span>{KNOB_TEXT[knob].now[locale]}</span>
        <input name={knob === 'lr' ? 'live-lr' : 'live-weight-decay'} type="number" inputMode="decimal" step="any" value={value} onChange={(event) => setValue(event.target.value)} />
      </label>
      <button type="submit" className="button secondary">{T.lrApply[locale]}</button>
      {message ? <p className={message.isError ? 'error' : 'muted'} role={message.isError ? 'alert' : 'status'}>{message.text}</p> : null}
    </form>
  );
}

function WeightTable({ stats, locale }: { stats: NonNullable<TrainingSnapshot['weightStats']>; locale: Locale }) {
  return (
    <details className={styles.weights}>
      <summary>{T.weightsSummary[locale]}</summary>
      <div className={styles.runList}>
        <table>
          <thead>
            <tr><th>{T.tensor[locale]}</th><th>{T.mean[locale]}</th><th>{T.std[locale]}</th><th>min</th><th>max</th></tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.name}><td>{s.name}</td><td>{s.mean}</td><td>{s.std}</td><td>{s.min}</td><td>{s.max}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
