import { formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TCorrectnessView } from '@/lib/live/protocol/live-payloads';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

/** Grades only (no points, no speed): per question and per student. */
export function CorrectnessTable({ view, locale }: { view: TCorrectnessView; locale: Locale }) {
  return (
    <section className={styles.correctness} aria-label={LIVE_TEXT.correctnessView[locale]} data-testid="correctness">
      <h2>{LIVE_TEXT.perQuestion[locale]}</h2>
      <ul>
        {view.questions.map((question) => (
          <li key={question.index}>
            {question.index + 1}. {question.title[locale]}: <strong>{formatPercent(question.shareCorrect)}</strong>
          </li>
        ))}
      </ul>
      <h2>{LIVE_TEXT.perStudent[locale]}</h2>
      <div className={styles.tableScroll}>
        <table>
          <thead>
            <tr>
              <th scope="col">{LIVE_TEXT.nickname[locale]}</th>
              {view.questions.map((question) => (
                <th scope="col" key={question.index}>{question.index + 1}</th>
              ))}
              <th scope="col">{LIVE_TEXT.shareCorrect[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {view.participants.map((participant) => (
              <tr key={participant.nickname}>
                <th scope="row">{participant.nickname}</th>
                {participant.grades.map((grade, index) => (
                  <td key={index}>{grade === null ? '–' : grade === 1 ? '✓' : formatPercent(grade)}</td>
                ))}
                <td>{formatPercent(participant.shareCorrect)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
