'use client';
import { formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { EpochMetric } from '@/engine/playground/types';
import { MetricChart, type ChartMarker, type ChartSeries } from './metric-chart';
import { T } from './playground-text';
import styles from './playground.module.css';

export type CurveSet = { name?: string; metrics: EpochMetric[]; color: string; altColor: string };

/** Loss and accuracy curves (training solid, validation dashed) for one or more runs. */
export function RunCharts({ curves, totalEpochs, locale, markers, cursor }: { curves: CurveSet[]; totalEpochs: number; locale: Locale; markers?: ChartMarker[]; cursor?: number }) {
  const prefix = (curve: CurveSet) => (curve.name ? `${curve.name} · ` : '');
  const series = (key: 'loss' | 'valLoss' | 'acc' | 'valAcc', label: string, dashed: boolean): ChartSeries[] =>
    curves.map((curve) => ({
      label: `${prefix(curve)}${label}`,
      color: dashed ? curve.altColor : curve.color,
      dashed,
      values: curve.metrics.map((m) => ({ x: m.epoch, y: m[key] })),
    }));
  return (
    <div className={styles.charts}>
      <MetricChart
        title={T.loss[locale]}
        series={[...series('loss', T.loss[locale], false), ...series('valLoss', T.valLoss[locale], true)]}
        xMax={totalEpochs}
        xLabel={T.epoch[locale]}
        emptyText={T.chartEmpty[locale]}
        markers={markers}
        cursor={cursor}
      />
      <MetricChart
        title={T.acc[locale]}
        series={[...series('acc', T.acc[locale], false), ...series('valAcc', T.valAcc[locale], true)]}
        xMax={totalEpochs}
        xLabel={T.epoch[locale]}
        yRange={[0, 1]}
        emptyText={T.chartEmpty[locale]}
        formatY={(v) => formatPercent(v)}
        markers={markers}
        cursor={cursor}
      />
    </div>
  );
}
