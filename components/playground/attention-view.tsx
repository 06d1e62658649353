import type { Locale } from '@/lib/i18n/locales';
import type { AttentionSnapshot } from '@/engine/playground/types';
import { fill, T } from './playground-text';
import styles from './playground.module.css';

const CELL = 22;

/** One heatmap per layer and head: row = output position (query), column = input position (key). */
export function AttentionView({ snapshot, locale }: { snapshot: AttentionSnapshot; locale: Locale }) {
  const n = snapshot.input.length;
  const size = (n + 1) * CELL;
  return (
    <div>
      <p className="muted">{fill(T.tokens[locale], { i: snapshot.input.join(' '), t: snapshot.target.join(' '), p: snapshot.predicted.join(' ') })}</p>
      <div className={styles.tiles}>
        {snapshot.weights.map((heads, layer) =>
          heads.map((matrix, head) => {
            const title = fill(T.layerHead[locale], { l: layer + 1, h: head + 1 });
            const strongest = matrix.map((row) => row.indexOf(Math.max(...row)) + 1).join(', ');
            return (
              <figure key={`${layer}-${head}`} className={styles.heatmap}>
                <figcaption>{title}</figcaption>
                <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={`${title}. ${T.query[locale]} → ${T.key[locale]}: ${strongest}`}>
                  {snapshot.input.map((token, k) => (
                    <text key={`k${k}`} x={(k + 1.5) * CELL} y={CELL * 0.7} textAnchor="middle" className={styles.chartTick}>{token}</text>
                  ))}
                  {matrix.map((row, q) => (
                    <g key={q}>
                      <text x={CELL * 0.5} y={(q + 1.7) * CELL} textAnchor="middle" className={styles.chartTick}>{snapshot.predicted[q]}</text>
                      {row.map((weight, k) => (
                        <rect key={k} x={(k + 1) * CELL} y={(q + 1) * CELL} width={CELL - 1} height={CELL - 1} fill="#1d4ed8" fillOpacity={Math.max(0.03, weight)}>
                          <title>{`q${q + 1} → k${k + 1}: ${weight.toFixed(2)}`}</title>
                        </rect>
                      ))}
                    </g>
                  ))}
                </svg>
              </figure>
            );
          }),
        )}
      </div>
      <p className="muted">{`${T.query[locale]} ↓ · ${T.key[locale]} →`}</p>
    </div>
  );
}
