import { formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { InlineMarkdown } from '@/components/ui/inline-markdown';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

/** Class-wide results of one question: share correct, grade histogram, most frequent mistakes. */
export function ResultsPanel({ results, locale }: { results: TQuestionResults; locale: Locale }) {
  const largest = Math.max(1, ...results.histogram.map((bucket) => bucket.count));
  return (
    <section className={styles.results} aria-label={LIVE_TEXT.results[locale]} data-testid="results">
      <h1>
        {LIVE_TEXT.results[locale]} · {results.title[locale]}
      </h1>
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
      <h2>{LIVE_TEXT.topMistakes[locale]}</h2>
      {results.mistakes.length === 0 ? (
        <p className="muted">{LIVE_TEXT.noMistakes[locale]}</p>
      ) : (
        <ol className={styles.mistakes}>
          {results.mistakes.map((mistake) => (
            <li key={mistake.id}>
              <strong>{mistake.count}×</strong> <InlineMarkdown text={mistake.text[locale]} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
