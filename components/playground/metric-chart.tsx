'use client';
import { useEffect, useRef, useState } from 'react';
import { MARKER_ROW_PX, placeMarkerLabels } from './marker-labels';
import { niceTicks } from './nice-ticks';
import styles from './playground.module.css';

export type ChartSeries = {
  label: string;
  color: string;
  dashed?: boolean;
  values: { x: number; y: number }[];
};

/** A vertical line at an epoch with a short label (a learning-rate change, a divergence). */
export type ChartMarker = { x: number; label: string; tone?: 'info' | 'error' };

export type MetricChartProps = {
  title: string;
  series: ChartSeries[];
  /** Last x of the axis (e.g. the planned epochs), so the curve grows into a fixed frame. */
  xMax: number;
  xLabel: string;
  /** Fixed y range, e.g. [0, 1] for accuracy; otherwise from the data. */
  yRange?: [number, number];
  emptyText: string;
  /** The latest values in the legend; also the ticks unless `formatTick` is given. */
  formatY?: (value: number) => string;
  formatTick?: (value: number) => string;
  markers?: ChartMarker[];
  /** The timeline's position: a vertical cursor, and the curves dimmed after it. */
  cursor?: number;
};

const DEFAULT_WIDTH = 360;
const PAD = { left: 52, right: 14, top: 12, bottom: 40 };

/**
 * An SVG line chart drawn at the pixel width of its box (measured), so its text stays 12 px on a
 * phone and on a projector alike. Axes get round ticks; an empty chart says so instead of
 * inventing numbers. Its label states the latest values for screen readers.
 */
export function MetricChart({ title, series, xMax, xLabel, yRange, emptyText, formatY, formatTick, markers = [], cursor }: MetricChartProps) {
  const formatValue = formatY ?? ((v: number) => v.toFixed(3));
  const tickText = formatTick ?? formatY ?? ((v: number) => String(Number(v.toPrecision(3))));
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.round(entry.contentRect.width))));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const height = Math.round(Math.min(280, Math.max(190, width * 0.5)));

  const points = series.flatMap((s) => s.values);
  const finite = points.map((p) => p.y).filter(Number.isFinite);
  const isEmpty = finite.length === 0;
  const [yMin, yMax] = yRange ?? [Math.min(0, ...finite), Math.max(1e-6, ...finite) * 1.05];
  const xs = Math.max(1, xMax);
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const sx = (x: number) => PAD.left + (x / xs) * plotWidth;
  const sy = (y: number) => PAD.top + plotHeight - ((Math.min(Math.max(y, yMin), yMax) - yMin) / (yMax - yMin || 1)) * plotHeight;
  // Without data and without a fixed range, there is no y scale to show.
  const yTicks = isEmpty && !yRange ? [] : niceTicks(yMin, yMax, 4);
  const xTicks = niceTicks(0, xs, Math.max(2, Math.floor(plotWidth / 70)), { isInteger: true });
  const labels = placeMarkerLabels(
    markers.map((marker) => ({ x: sx(marker.x), label: marker.label })),
    { left: PAD.left + 2, right: PAD.left + plotWidth - 2, maxRows: Math.floor((plotHeight - 4) / MARKER_ROW_PX) },
  );
  const latest = series.map((s) => `${s.label} ${s.values.length > 0 ? formatValue(s.values[s.values.length - 1].y) : '—'}`).join(', ');

  return (
    <figure className={styles.chart}>
      <figcaption className={styles.chartTitle}>{title}</figcaption>
      <div ref={boxRef} className={styles.chartBox}>
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${isEmpty ? emptyText : latest}`} data-empty={isEmpty}>
          <rect x={PAD.left} y={PAD.top} width={plotWidth} height={plotHeight} className={styles.chartFrame} />
          {yTicks.map((tick) => (
            <g key={`y${tick}`}>
              <line x1={PAD.left} x2={PAD.left + plotWidth} y1={sy(tick)} y2={sy(tick)} className={styles.chartGrid} />
              <text x={PAD.left - 6} y={sy(tick) + 4} textAnchor="end" className={styles.chartTick}>{tickText(tick)}</text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <g key={`x${tick}`}>
              <line x1={sx(tick)} x2={sx(tick)} y1={PAD.top + plotHeight} y2={PAD.top + plotHeight + 4} className={styles.chartAxis} />
              <text x={sx(tick)} y={PAD.top + plotHeight + 17} textAnchor="middle" className={styles.chartTick}>{tick}</text>
            </g>
          ))}
          <text x={PAD.left + plotWidth / 2} y={height - 4} textAnchor="middle" className={styles.chartAxisLabel}>{xLabel}</text>
          {markers.map((marker, i) => (
            <g key={`m${marker.x}${marker.label}`} data-testid="chart-marker">
              <line x1={sx(marker.x)} x2={sx(marker.x)} y1={PAD.top} y2={PAD.top + plotHeight} className={marker.tone === 'error' ? styles.chartMarkerError : styles.chartMarker} />
              <text x={labels[i].x} y={PAD.top + 12 + labels[i].row * MARKER_ROW_PX} textAnchor={labels[i].anchor} className={styles.chartMarkerText}>{marker.label}</text>
            </g>
          ))}
          {series.map((s) =>
            s.values.length > 0 ? (
              <polyline
                key={s.label}
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                points={s.values.filter((p) => Number.isFinite(p.y)).map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}
              />
            ) : null,
          )}
          {cursor !== undefined ? (
            <>
              <rect x={sx(cursor)} y={PAD.top} width={Math.max(0, PAD.left + plotWidth - sx(cursor))} height={plotHeight} className={styles.chartAfter} />
              <line x1={sx(cursor)} x2={sx(cursor)} y1={PAD.top} y2={PAD.top + plotHeight} className={styles.chartCursor} data-testid="chart-cursor" />
            </>
          ) : null}
          {isEmpty ? (
            <text x={PAD.left + plotWidth / 2} y={PAD.top + plotHeight / 2} textAnchor="middle" className={styles.chartEmpty}>{emptyText}</text>
          ) : null}
        </svg>
      </div>
      <ul className={styles.legend}>
        {series.map((s) => (
          <li key={s.label}>
            <span className={styles.swatch} style={{ borderColor: s.color, borderStyle: s.dashed ? 'dashed' : 'solid' }} aria-hidden="true" />
            {s.label}: {s.values.length > 0 ? formatValue(s.values[s.values.length - 1].y) : '—'}
          </li>
        ))}
      </ul>
    </figure>
  );
}
