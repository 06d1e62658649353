'use client';

import { useMemo, useState } from 'react';
import type { Localized } from '@/lib/i18n/locales';
import { FigureFrame } from '@/components/figures/figure-frame';
import { COMMON_TEXT, type FigureProps } from '@/components/figures/figure-text';
import { formatNumber } from '@/components/figures/format-number';
import { MatrixEditor } from '@/components/figures/matrix-editor';
import { ATTENTION_DEFAULTS, ATTENTION_TOKENS, computeAttention, type AttentionSetup } from '@/components/figures/attention-heatmap-model';
import shared from '@/components/figures/figure.module.css';
import styles from '@/components/figures/attention-heatmap.module.css';

const TEXT = {
  title: { ko: '어텐션 가중치 히트맵', en: 'Attention-weights heatmap' },
  caption: {
    ko: '문장 "je suis étudiant"의 각 단어(행, 쿼리)가 각 단어(열, 키)에 주는 가중치 softmax(QKᵀ/√d_k)입니다. 색이 진할수록 가중치가 큽니다. 처음 값은 본문의 예제와 같고, 값은 엔진의 scaledDotProductAttention으로 계산합니다.',
    en: 'Each word of “je suis étudiant” (row, the query) gives each word (column, the key) the weight softmax(QKᵀ/√d_k); darker means more weight. The starting values are the worked example’s, and the engine’s scaledDotProductAttention computes them.',
  },
  queries: { ko: '쿼리 Q', en: 'Queries Q' },
  keys: { ko: '키 K', en: 'Keys K' },
  values: { ko: '값 V', en: 'Values V' },
  causal: { ko: '인과 마스크 (앞 단어만 보기)', en: 'Causal mask (attend to earlier words only)' },
  heatmap: { ko: '어텐션 가중치 A (행: 쿼리, 열: 키)', en: 'Attention weights A (rows: queries, columns: keys)' },
  output: { ko: '출력 Z = AV', en: 'Output Z = AV' },
  query: { ko: '쿼리', en: 'Query' },
  range: { ko: '각 값은 −5~5', en: 'Each entry from −5 to 5' },
} satisfies Record<string, Localized>;

const RANGE = { min: -5, max: 5 };
const DIMS = ['1', '2', '3', '4'];

export default function AttentionHeatmap({ locale }: FigureProps) {
  const [setup, setSetup] = useState<AttentionSetup>(ATTENTION_DEFAULTS);
  const { weights, output } = useMemo(() => computeAttention(setup), [setup]);
  const change = (patch: Partial<AttentionSetup>) => setSetup((old) => ({ ...old, ...patch }));

  const outputTable = (
    <TokenMatrix className={`${shared.numbers} ${styles.output}`} caption={TEXT.output[locale]} columns={output[0].map((_, index) => `z${index + 1}`)} rows={output} />
  );

  return (
    <FigureFrame
      name="attention-heatmap"
      locale={locale}
      title={TEXT.title[locale]}
      caption={TEXT.caption[locale]}
      table={<TokenMatrix className={shared.numbers} caption={TEXT.heatmap[locale]} corner={TEXT.query[locale]} columns={ATTENTION_TOKENS} isTokenColumns rows={weights} />}
    >
      <div className={styles.editors}>
        <MatrixEditor id="attn-q" caption={TEXT.queries[locale]} rowLabels={ATTENTION_TOKENS} columnLabels={DIMS} values={setup.q} onChange={(q) => change({ q })} {...RANGE} locale={locale} />
        <MatrixEditor id="attn-k" caption={TEXT.keys[locale]} rowLabels={ATTENTION_TOKENS} columnLabels={DIMS} values={setup.k} onChange={(k) => change({ k })} {...RANGE} locale={locale} />
        <MatrixEditor id="attn-v" caption={TEXT.values[locale]} rowLabels={ATTENTION_TOKENS} columnLabels={['1', '2']} values={setup.v} onChange={(v) => change({ v })} {...RANGE} locale={locale} />
      </div>
      <p className={shared.hint}>{TEXT.range[locale]}</p>
      <div className={shared.controls}>
        <label className={styles.toggle}>
          <input type="checkbox" checked={setup.isCausal} onChange={(event) => change({ isCausal: event.target.checked })} />
          {TEXT.causal[locale]}
        </label>
        <div className={shared.buttons}>
          <button type="button" onClick={() => setSetup(ATTENTION_DEFAULTS)}>{COMMON_TEXT.reset[locale]}</button>
        </div>
      </div>

      <div className={styles.results}>
        <table className={styles.heatmap} data-testid="attention-heatmap">
          <caption>{TEXT.heatmap[locale]}</caption>
          <thead>
            <tr>
              <td />
              {ATTENTION_TOKENS.map((token) => (
                <th key={token} scope="col" lang="fr">{token}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weights.map((row, index) => (
              <tr key={index}>
                <th scope="row" lang="fr">{ATTENTION_TOKENS[index]}</th>
                {row.map((value, column) => (
                  <td
                    key={column}
                    // Alpha stays at most 0.55 so the dark number keeps a contrast above 4.5:1 on every cell.
                    style={{ background: `rgba(67, 56, 202, ${(0.04 + 0.51 * value).toFixed(3)})` }}
                    data-weight={value}
                  >
                    {formatNumber(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {outputTable}
      </div>
    </FigureFrame>
  );
}

/** A matrix with one row per token (French, as in the lecture's example) and labelled columns. */
function TokenMatrix({ className, caption, corner, columns, isTokenColumns = false, rows }: { className: string; caption: string; corner?: string; columns: readonly string[]; isTokenColumns?: boolean; rows: number[][] }) {
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {corner === undefined ? <td /> : <th scope="col">{corner}</th>}
          {columns.map((label) => (
            <th key={label} scope="col" lang={isTokenColumns ? 'fr' : undefined}>{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <th scope="row" lang="fr">{ATTENTION_TOKENS[index]}</th>
            {row.map((value, column) => (
              <td key={column}>{formatNumber(value)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
