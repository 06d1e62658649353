import { formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { WorkedSolution } from '@/components/exercises/worked-solution';
import { LIVE_TEXT } from '@/components/live/live-text';
import { MistakeList, ReaskComparison } from '@/components/live/reask-panel';
import styles from '@/components/live/live.module.css';

export interface ResultsPanelProps {
  results: TQuestionResults;
  locale: Locale;
  /** The host may re-ask one of the mistakes (instructor-paced, these results on screen). */
  canReask: boolean;
  isBusy: boolean;
  onReask: (mistakeId: string) => void;
}

/**
 * Class-wide results of one question: share correct, grade histogram, the most frequent mistakes
 * (each with "Re-ask"), before/after on a follow-up, and the worked solution of the example.
 */
export function ResultsPanel({ results, locale, canReask, isBusy, onReask }: ResultsPanelProps) {
  const largest = Math.max(1, ...results.histogram.map((bucket) => bucket.count));
  return (
    <section className={styles.results} aria-label={LIVE_TEXT.results[locale]} data-testid="results">
      <h1>
        {LIVE_TEXT.results[locale]} · {results.title[locale]}
      </h1>
      {results.reask ? <ReaskComparison reask={results.reask} locale={locale} /> : null}
      <p className={styles.bigCount}>
        {LIVE_TEXT.shareCorrect[locale]} <strong data-testid="share-correct">{formatPercent(results.shareCorrect)}</strong>{' '}
        <span className="muted">
          ({results.correct} / {results.joined}, {results.answered} {LIVE_TEXT.answered[locale]})
        </span>
      </p>
      <h2>{LIVE_TEXT.histogram[locale]}</h2>
      <ul className={styles.histogram}>
        {results.histogram.map((bucket) => (
          <li key={bucket.id} data-bucket={bucket.id}>
            <span className={styles.histLabel}>{bucket.label[locale]}</span>
            <span className={styles.histBar} aria-hidden="true">
              <span style={{ width: `${(bucket.count / largest) * 100}%` }} />
            </span>
            <span className={styles.histCount}>{bucket.count}</span>
          </li>
        ))}
      </ul>
      <MistakeList results={results} locale={locale} canReask={canReask} isBusy={isBusy} onReask={onReask} />
      {results.example.length > 0 ? <WorkedSolution steps={results.example} locale={locale} /> : null}
    </section>
  );
}
