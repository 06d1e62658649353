import type { Locale, Localized } from '@/lib/i18n/locales';
import { fill } from '@/lib/i18n/fill';
import { formatPercent } from '@/lib/i18n/format';
import type { TQuestionResults, TReaskComparison } from '@/lib/live/protocol/live-payloads';
import { InlineMarkdown } from '@/components/ui/inline-markdown';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

const TEXT = {
  ofAnswers: { ko: '답의 {share} ({count}명)', en: '{share} of answers ({count})' },
  reask: { ko: '다시 묻기', en: 'Re-ask' },
  reaskHelp: {
    ko: '같은 유형의 후속 문제를 모두에게 새 숫자로 바로 엽니다.',
    en: 'Opens a follow-up of the same type at once, with new numbers for everyone.',
  },
  comparison: { ko: '다시 묻기: 전과 후', en: 'Re-ask: before and after' },
  mistake: { ko: '실수', en: 'Mistake' },
  before: { ko: '전 (문제 {n})', en: 'Before (question {n})' },
  after: { ko: '후 (이 문제)', en: 'After (this question)' },
  madeIt: { ko: '그 실수를 한 {madeIt}명 중 {nowCorrect}명이 이번에는 맞혔고, {again}명은 같은 실수를 했습니다.', en: 'Of the {madeIt} who made it, {nowCorrect} got it right this time and {again} made it again.' },
} satisfies Record<string, Localized>;

export interface MistakeListProps {
  results: TQuestionResults;
  locale: Locale;
  /** The host may re-ask (instructor-paced, on the results of the current question). */
  canReask: boolean;
  isBusy: boolean;
  onReask: (mistakeId: string) => void;
}

/** The most frequent named mistakes with their share of the answers, each with a "Re-ask" button for the host. */
export function MistakeList({ results, locale, canReask, isBusy, onReask }: MistakeListProps) {
  return (
    <>
      <h2>{LIVE_TEXT.topMistakes[locale]}</h2>
      {results.mistakes.length === 0 ? (
        <p className="muted">{LIVE_TEXT.noMistakes[locale]}</p>
      ) : (
        <>
          {canReask ? <p className="muted">{TEXT.reaskHelp[locale]}</p> : null}
          <ol className={styles.mistakes} data-testid="mistakes">
            {results.mistakes.map((mistake) => (
              <li key={mistake.id} className={styles.mistakeRow} data-mistake={mistake.id}>
                <span>
                  <strong>{fill(TEXT.ofAnswers[locale], { share: formatPercent(mistake.share), count: mistake.count })}</strong> · <InlineMarkdown text={mistake.text[locale]} />
                </span>
                {canReask ? (
                  <button className="button" type="button" disabled={isBusy} data-testid="reask" onClick={() => onReask(mistake.id)}>
                    {TEXT.reask[locale]} — {formatPercent(mistake.share)}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** Before and after a re-ask, on the follow-up's results. */
export function ReaskComparison({ reask, locale }: { reask: TReaskComparison; locale: Locale }) {
  return (
    <section className={styles.reask} aria-label={TEXT.comparison[locale]} data-testid="reask-comparison">
      <h2>{TEXT.comparison[locale]}</h2>
      <p>
        {TEXT.mistake[locale]}: <strong><InlineMarkdown text={reask.mistake.text[locale]} /></strong>
      </p>
      <dl className={styles.beforeAfter}>
        <div>
          <dt>{fill(TEXT.before[locale], { n: reask.ofIndex + 1 })}</dt>
          <dd data-testid="reask-before">{formatPercent(reask.before.share)}</dd>
          <dd className="muted">{reask.before.withMistake} / {reask.before.answered}</dd>
        </div>
        <div>
          <dt>{TEXT.after[locale]}</dt>
          <dd data-testid="reask-after">{formatPercent(reask.after.share)}</dd>
          <dd className="muted">{reask.after.withMistake} / {reask.after.answered}</dd>
        </div>
      </dl>
      <p data-testid="reask-now-correct">{fill(TEXT.madeIt[locale], { madeIt: reask.madeIt, nowCorrect: reask.nowCorrect, again: reask.madeItAgain })}</p>
    </section>
  );
}
