import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTime } from '@/components/ui/date-time';
import { Filled } from '@/components/ui/filled';
import { MasteryChip } from '@/components/course/mastery-chip';
import styles from '@/components/course/course.module.css';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getMyMastery, masteryOf } from '@/lib/course/mastery/get-my-mastery';
import { getReviewQueue } from '@/lib/course/review/get-review-queue';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '복습' : 'Review' };
}

const TEXT = {
  title: { ko: '복습', en: 'Review' },
  help: {
    ko: '잊어 가는 기술이 복습할 때가 되면 여기에 나옵니다 (FSRS 일정). 각 기술에서 새 숫자의 문제를 풀면 그 답이 복습으로 채점되어 다음 일정과 숙달도가 바뀝니다.',
    en: 'Skills come back here as you are about to forget them (FSRS schedule). Solve the skill’s exercise on fresh numbers: that answer is the review, and it sets the next date and your mastery.',
  },
  none: { ko: '지금 복습할 기술이 없습니다.', en: 'No skill is due for review right now.' },
  next: { ko: '다음 복습: {date}', en: 'Next review: {date}' },
  due: { ko: '복습 시점', en: 'Due' },
  start: { ko: '복습 시작', en: 'Review now' },
  back: { ko: '← 대시보드', en: '← Dashboard' },
};

export default async function ReviewPage() {
  const user = await requirePageUser('/review');
  const [locale, queue, mastery] = await Promise.all([getLocale(), getReviewQueue(user.id), getMyMastery(user.id)]);
  const levels = masteryOf(mastery, queue.dueNow.map((review) => review.typeId));
  return (
    <>
      <p><Link className="tap" href="/dashboard">{TEXT.back[locale]}</Link></p>
      <h1>{TEXT.title[locale]}</h1>
      <p className="muted">{TEXT.help[locale]}</p>
      {queue.dueNow.length === 0 ? (
        <p data-testid="review-empty">
          {TEXT.none[locale]}
          {queue.nextDueAt && <> <Filled template={TEXT.next[locale]} values={{ date: <DateTime value={queue.nextDueAt} locale={locale} /> }} /></>}
        </p>
      ) : (
        <ul className={styles.skills} data-testid="review-queue">
          {queue.dueNow.map((review, index) => (
            <li key={review.typeId} className="card" data-skill={review.typeId}>
              <span>
                <strong>{review.title[locale]}</strong> <MasteryChip level={levels[index].level} locale={locale} />
                <br />
                <span className="muted">{TEXT.due[locale]}: <DateTime value={review.due} locale={locale} /></span>
              </span>
              <Link className="button" href={`/exercises/${review.typeId}?review=1`}>{TEXT.start[locale]}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
