import Link from 'next/link';
import { formatDateTime } from '@/components/classes/format';
import { getMyMastery, masteryOf } from '@/lib/course/mastery/get-my-mastery';
import { getReviewQueue } from '@/lib/course/review/get-review-queue';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import type { Locale } from '@/lib/i18n/locales';
import { MasteryChip } from './mastery-chip';
import styles from './course.module.css';

const TEXT = {
  reviewTitle: { ko: '복습', en: 'Review' },
  dueToday: { ko: '오늘 복습할 기술: {n}개', en: 'Reviews due today: {n}' },
  dueNow: { ko: '지금 {n}개를 복습할 수 있습니다.', en: '{n} ready now.' },
  nothingDue: { ko: '지금 복습할 것이 없습니다.', en: 'Nothing to review right now.' },
  nextAt: { ko: '다음 복습: {date}', en: 'Next review: {date}' },
  noCards: { ko: '문제를 하나 맞히면 그 기술이 복습 일정에 들어갑니다.', en: 'Solve an exercise and its skill joins your review schedule.' },
  review: { ko: '복습하기', en: 'Review' },
  masteryTitle: { ko: '기술 숙달도', en: 'Mastery by skill' },
  masteryHelp: { ko: '채점된 모든 시도로 추정합니다 (베이지안 지식 추적).', en: 'Estimated from every graded attempt (Bayesian knowledge tracing).' },
};

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
}

/** The dashboard's course sections: reviews due today and mastery per skill, by unit. */
export async function DashboardCourseSections({ userId, locale }: { userId: string; locale: Locale }) {
  const [queue, mastery, outline] = await Promise.all([getReviewQueue(userId), getMyMastery(userId), getCourseOutline()]);
  const hasCards = queue.dueTodayCount > 0 || queue.nextDueAt !== null || queue.dueNow.length > 0;
  return (
    <>
      <section className="card" aria-labelledby="review-title" style={{ marginTop: '1rem' }} data-testid="review-due">
        <h2 id="review-title">{TEXT.reviewTitle[locale]}</h2>
        <div className={styles.dueCard}>
          <div>
            <p><strong>{fill(TEXT.dueToday[locale], { n: queue.dueTodayCount })}</strong></p>
            <p className="muted">
              {queue.dueNow.length > 0 ? fill(TEXT.dueNow[locale], { n: queue.dueNow.length }) : hasCards ? TEXT.nothingDue[locale] : TEXT.noCards[locale]}
              {queue.dueNow.length === 0 && queue.nextDueAt && ` ${fill(TEXT.nextAt[locale], { date: formatDateTime(queue.nextDueAt, locale) })}`}
            </p>
          </div>
          {queue.dueNow.length > 0 && <Link className="button" href="/review">{TEXT.review[locale]}</Link>}
        </div>
      </section>
      <section aria-labelledby="mastery-title" style={{ marginTop: '2rem' }} data-testid="mastery">
        <h2 id="mastery-title">{TEXT.masteryTitle[locale]}</h2>
        <p className="muted">{TEXT.masteryHelp[locale]}</p>
        {outline.map((unit) => (
          <div key={unit.unitId}>
            <h3 style={{ fontSize: '1rem', margin: '1rem 0 0.25rem' }}>{unit.title[locale]}</h3>
            <ul className={styles.skills}>
              {masteryOf(mastery, unit.exercises.map((exercise) => exercise.typeId)).map((skill, index) => (
                <li key={skill.typeId} data-skill={skill.typeId}>
                  <Link href={`/exercises/${skill.typeId}`}>{unit.exercises[index].title[locale]}</Link>
                  <MasteryChip level={skill.level} locale={locale} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
