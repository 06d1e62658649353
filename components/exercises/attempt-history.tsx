import { isMistakeId, mistakeCatalogue } from '@/engine/exercises/mistakes';
import { formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TAttemptSummary } from '@/lib/exercises/schemas';
import { DateTime } from '@/components/ui/date-time';
import { InlineMarkdown } from '@/components/ui/inline-markdown';
import { TEXT } from '@/components/exercises/text';
import styles from '@/components/exercises/exercise-view.module.css';

/**
 * Every attempt on the type, newest first; the best score is the one that counts. The attempt whose
 * feedback is shown above (`shownAttemptId`) does not repeat its mistake's sentence here.
 */
export function AttemptHistory({ attempts, locale, shownAttemptId = null }: { attempts: TAttemptSummary[]; locale: Locale; shownAttemptId?: string | null }) {
  return (
    <section className={styles.history} aria-label={TEXT.history[locale]}>
      <h2 className={styles.heading}>{TEXT.history[locale]}</h2>
      {attempts.length === 0 ? (
        <p className="muted">{TEXT.noAttempts[locale]}</p>
      ) : (
        <div className={styles.gridScroll}>
          <table data-testid="attempt-history" className={styles.historyTable}>
            <thead>
              <tr>
                <th scope="col">{TEXT.variant[locale]}</th>
                <th scope="col">{TEXT.attempt[locale]}</th>
                <th scope="col">{TEXT.score[locale]}</th>
                <th scope="col">{TEXT.result[locale]}</th>
                <th scope="col">{TEXT.time[locale]}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <td>{attempt.round + 1}</td>
                  <td>{attempt.attemptNumber}</td>
                  <td>{formatPercent(attempt.score)}</td>
                  <td>
                    {attempt.correct ? `✓ ${TEXT.correct[locale]}` : `✗ ${TEXT.wrong[locale]}`}
                    {attempt.mistake && isMistakeId(attempt.mistake) && attempt.id !== shownAttemptId ? <div className="muted"><small><InlineMarkdown text={mistakeCatalogue[attempt.mistake][locale]} /></small></div> : null}
                  </td>
                  <td>
                    <DateTime value={attempt.createdAt} locale={locale} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
