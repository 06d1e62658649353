import styles from './playground.module.css';

export type ChartSeries = {
  label: string;
  color: string;
  dashed?: boolean;
  values: { x: number; y: number }[];
};

export type MetricChartProps = {
  title: string;
  series: ChartSeries[];
  /** Last x of the axis (e.g. the planned epochs), so the curve grows into a fixed frame. */
  xMax: number;
  xLabel: string;
  /** Fixed y range, e.g. [0, 1] for accuracy; otherwise from the data. */
  yRange?: [number, number];
  emptyText: string;
  formatY?: (value: number) => string;
};

const WIDTH = 360;
const HEIGHT = 190;
const PAD = { left: 44, right: 10, top: 10, bottom: 30 };

/** A small SVG line chart; its caption states the latest values for screen readers. */
export function MetricChart({ title, series, xMax, xLabel, yRange, emptyText, formatY = (v) => v.toFixed(3) }: MetricChartProps) {
  const points = series.flatMap((s) => s.values);
  const finite = points.map((p) => p.y).filter(Number.isFinite);
  const [yMin, yMax] = yRange ?? [Math.min(0, ...finite), Math.max(1e-6, ...finite) * 1.05];
  const xs = Math.max(1, xMax);
  const sx = (x: number) => PAD.left + ((x - 0) / xs) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - ((Math.min(Math.max(y, yMin), yMax) - yMin) / (yMax - yMin || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [0, 0.5, 1].map((t) => yMin + t * (yMax - yMin));
  const latest = series.map((s) => `${s.label} ${s.values.length > 0 ? formatY(s.values[s.values.length - 1].y) : '—'}`).join(', ');

  return (
    <figure className={styles.chart}>
      <figcaption className={styles.chartTitle}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${points.length > 0 ? latest : emptyText}`}>
        <rect x={PAD.left} y={PAD.top} width={WIDTH - PAD.left - PAD.right} height={HEIGHT - PAD.top - PAD.bottom} className={styles.chartFrame} />
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(tick)} y2={sy(tick)} className={styles.chartGrid} />
            <text x={PAD.left - 4} y={sy(tick) + 4} textAnchor="end" className={styles.chartTick}>
              {formatY(tick)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 10} className={styles.chartTick}>0</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 10} textAnchor="end" className={styles.chartTick}>{xs}</text>
        <text x={(WIDTH + PAD.left) / 2} y={HEIGHT - 4} textAnchor="middle" className={styles.chartTick}>{xLabel}</text>
        {series.map((s) =>
          s.values.length > 0 ? (
            <polyline
              key={s.label}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '5 4' : undefined}
              points={s.values.filter((p) => Number.isFinite(p.y)).map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}
            />
          ) : null,
        )}
        {points.length === 0 ? (
          <text x={(WIDTH + PAD.left) / 2} y={HEIGHT / 2} textAnchor="middle" className={styles.chartTick}>{emptyText}</text>
        ) : null}
      </svg>
      <ul className={styles.legend}>
        {series.map((s) => (
          <li key={s.label}>
            <span className={styles.swatch} style={{ borderColor: s.color, borderStyle: s.dashed ? 'dashed' : 'solid' }} aria-hidden="true" />
            {s.label}: {s.values.length > 0 ? formatY(s.values[s.values.length - 1].y) : '—'}
          </li>
        ))}
      </ul>
    </figure>
  );
}
