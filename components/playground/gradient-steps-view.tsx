import type { Locale } from '@/lib/i18n/locales';
import type { SequenceSnapshot } from '@/engine/playground/types';
import { T } from './playground-text';
import styles from './playground.module.css';

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { left: 44, bottom: 22, top: 8, right: 6 };

export type GradientSeries = { label: string; color: string; snapshot: SequenceSnapshot };

/** ‖∂loss/∂x_t‖ per time step, on a log scale, for one or more runs (RNN and LSTM side by side). */
export function GradientStepsView({ series, locale }: { series: GradientSeries[]; locale: Locale }) {
  const all = series.flatMap((s) => s.snapshot.gradNorms).filter((v) => v > 0);
  if (all.length === 0) return null;
  const lo = Math.floor(Math.log10(Math.min(...all)));
  const hi = Math.ceil(Math.log10(Math.max(...all)));
  const steps = Math.max(...series.map((s) => s.snapshot.gradNorms.length));
  const sx = (t: number) => PAD.left + ((t + 0.5) / steps) * (WIDTH - PAD.left - PAD.right);
  const sy = (v: number) => HEIGHT - PAD.bottom - ((Math.log10(Math.max(v, 10 ** lo)) - lo) / Math.max(1, hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
  const decades = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  const summary = series.map((s) => `${s.label}: t=1 ${s.snapshot.gradNorms[0]?.toExponential(1)}, t=${s.snapshot.gradNorms.length} ${s.snapshot.gradNorms.at(-1)?.toExponential(1)}`).join('; ');

  return (
    <figure className={styles.chart}>
      <figcaption className={styles.chartTitle}>{T.gradients[locale]}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${T.gradients[locale]}. ${summary}`}>
        {decades.map((d) => (
          <g key={d}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(10 ** d)} y2={sy(10 ** d)} className={styles.chartGrid} />
            <text x={PAD.left - 4} y={sy(10 ** d) + 4} textAnchor="end" className={styles.chartTick}>{`1e${d}`}</text>
          </g>
        ))}
        <text x={sx(0)} y={HEIGHT - 6} textAnchor="middle" className={styles.chartTick}>t=1</text>
        {/* Ends at the last step rather than centred on it, which would run past the right edge ("t=30" was cut off). */}
        <text x={Math.min(sx(steps - 1) + 6, WIDTH - 1)} y={HEIGHT - 6} textAnchor="end" className={styles.chartTick}>{`t=${steps}`}</text>
        {series.map((s) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            points={s.snapshot.gradNorms.map((v, t) => `${sx(t).toFixed(1)},${sy(v).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
      <ul className={styles.legend}>
        {series.map((s) => (
          <li key={s.label}>
            <span className={styles.swatch} style={{ borderColor: s.color, borderStyle: 'solid' }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <p className="muted">{T.gradientsHint[locale]}</p>
    </figure>
  );
}
