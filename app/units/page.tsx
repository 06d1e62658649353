import type { Metadata } from 'next';
import Link from 'next/link';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getCourse } from '@/lib/content/get-course';
import { getLocale } from '@/lib/i18n/get-locale';
import { fill } from '@/lib/i18n/fill';
import type { Localized } from '@/lib/i18n/locales';
import { getCourseProgress } from '@/lib/progress/get-course-progress';
import { ContentProblems } from '@/components/unit/content-problems';
import styles from '@/components/unit/unit.module.css';

const TEXT = {
  title: { ko: '강의 유닛', en: 'Lecture units' },
  lead: {
    ko: '퍼셉트론에서 트랜스포머까지, 순서대로 읽으며 그림을 직접 조작하고 연습문제를 풀어 보세요.',
    en: 'From the perceptron to the Transformer: read in order, play with the figures, and solve the exercises.',
  },
  unit: { ko: '유닛', en: 'Unit' },
  minutes: { ko: '{n}분', en: '{n} min' },
  read: { ko: '✓ 읽음', en: '✓ Read' },
  unread: { ko: '아직 읽지 않음', en: 'Not read yet' },
  solved: { ko: '연습문제 {solved}/{total} 해결', en: '{solved} of {total} exercises solved' },
  signIn: { ko: '로그인하면 읽은 유닛과 연습문제 점수가 저장됩니다.', en: 'Sign in to save which units you have read and your exercise scores.' },
  signInLink: { ko: '로그인', en: 'Sign in' },
} satisfies Record<string, Localized>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: TEXT.title[await getLocale()] };
}

export default async function UnitsPage() {
  const [locale, course, user] = await Promise.all([getLocale(), getCourse(), getOptionalUser()]);
  const progress = user ? await getCourseProgress({ userId: user.id, units: course.units }) : null;

  return (
    <>
      <h1>{TEXT.title[locale]}</h1>
      <p className="muted">{TEXT.lead[locale]}</p>
      {!user && (
        <p className={styles.signInNote}>
          {TEXT.signIn[locale]} <Link href="/signin?callbackUrl=%2Funits">{TEXT.signInLink[locale]}</Link>
        </p>
      )}
      <ContentProblems problems={course.problems} locale={locale} />
      <ol className={styles.unitList}>
        {course.units.map((unit, index) => {
          const record = progress?.get(unit.id);
          return (
            <li key={unit.id} className={styles.unitCard} data-unit={unit.id}>
              <p className={styles.kicker}>
                {TEXT.unit[locale]} {index + 1} · {fill(TEXT.minutes[locale], { n: unit.minutes })}
              </p>
              <h2>
                <Link className="tap" href={`/units/${unit.id}`}>{unit.title[locale]}</Link>
              </h2>
              <p>{unit.summary[locale]}</p>
              {record && (
                <ul className={styles.status} aria-label={locale === 'ko' ? '진도' : 'Progress'}>
                  <li className={`${styles.chip} ${record.isRead ? styles.chipDone : ''}`}>{record.isRead ? TEXT.read[locale] : TEXT.unread[locale]}</li>
                  {unit.exercises.length > 0 && (
                    <li className={`${styles.chip} ${record.solvedCount === unit.exercises.length ? styles.chipDone : ''}`}>
                      {fill(TEXT.solved[locale], { solved: record.solvedCount, total: unit.exercises.length })}
                    </li>
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
