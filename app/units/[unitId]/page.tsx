import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getCourse } from '@/lib/content/get-course';
import { renderUnitBody } from '@/lib/content/render-unit-body';
import { getLocale } from '@/lib/i18n/get-locale';
import { fill } from '@/lib/i18n/fill';
import type { Localized } from '@/lib/i18n/locales';
import { getCourseProgress } from '@/lib/progress/get-course-progress';
import { ContentProblems } from '@/components/unit/content-problems';
import { MarkReadButton } from '@/components/unit/mark-read-button';
import { UnitExercises } from '@/components/unit/unit-exercises';
import { UnitMastery } from '@/components/course/unit-mastery';
import { UnitFigure } from '@/components/unit/unit-figure';
import styles from '@/components/unit/unit.module.css';
import { DateTime } from '@/components/ui/date-time';
import { Filled } from '@/components/ui/filled';

const TEXT = {
  unit: { ko: '유닛', en: 'Unit' },
  minutes: { ko: '읽는 시간 약 {n}분', en: 'About {n} min read' },
  read: { ko: '✓ 읽음', en: '✓ Read' },
  unread: { ko: '아직 읽지 않음', en: 'Not read yet' },
  solved: { ko: '연습문제 {solved}/{total} 해결', en: '{solved} of {total} exercises solved' },
  readOn: { ko: '{date}에 읽음으로 표시했습니다.', en: 'You marked this unit as read on {date}.' },
  signIn: { ko: '로그인하면 읽은 유닛과 연습문제 점수가 저장됩니다.', en: 'Sign in to save your progress: units read and exercise scores.' },
  signInLink: { ko: '로그인', en: 'Sign in' },
  previous: { ko: '이전 유닛', en: 'Previous unit' },
  next: { ko: '다음 유닛', en: 'Next unit' },
  allUnits: { ko: '모든 유닛', en: 'All units' },
  broken: { ko: '이 유닛을 불러오지 못했습니다', en: 'This unit could not be loaded' },
} satisfies Record<string, Localized>;

interface UnitPageProps {
  params: Promise<{ unitId: string }>;
}

export async function generateMetadata({ params }: UnitPageProps): Promise<Metadata> {
  const [{ unitId }, locale, course] = await Promise.all([params, getLocale(), getCourse()]);
  const unit = course.units.find((candidate) => candidate.id === unitId);
  return unit ? { title: unit.title[locale], description: unit.summary[locale] } : {};
}

export default async function UnitPage({ params }: UnitPageProps) {
  const [{ unitId }, locale, course, user] = await Promise.all([params, getLocale(), getCourse(), getOptionalUser()]);
  const index = course.units.findIndex((candidate) => candidate.id === unitId);
  if (index === -1) {
    const problems = course.problems.filter((problem) => problem.unitId === unitId);
    if (problems.length === 0) notFound();
    return (
      <>
        <h1>{TEXT.broken[locale]}</h1>
        <ContentProblems problems={problems} locale={locale} />
        <Link className="tap" href="/units">{TEXT.allUnits[locale]}</Link>
      </>
    );
  }
  const unit = course.units[index];
  const body = renderUnitBody(unit, locale);
  const progress = user ? ((await getCourseProgress({ userId: user.id, units: [unit] })).get(unit.id) ?? null) : null;
  const previous = course.units[index - 1];
  const next = course.units[index + 1];

  return (
    <article lang={locale}>
      <header className={styles.header}>
        <p className={styles.kicker}>
          <Link href="/units">{TEXT.unit[locale]} {index + 1}</Link> · {fill(TEXT.minutes[locale], { n: unit.minutes })}
        </p>
        <h1>{body.title}</h1>
        <p className={styles.lead}>{unit.summary[locale]}</p>
        {progress && (
          <ul className={styles.status} aria-label={locale === 'ko' ? '진도' : 'Progress'} data-testid="unit-progress">
            <li className={`${styles.chip} ${progress.isRead ? styles.chipDone : ''}`}>{progress.isRead ? TEXT.read[locale] : TEXT.unread[locale]}</li>
            {unit.exercises.length > 0 && (
              <li className={`${styles.chip} ${progress.solvedCount === unit.exercises.length ? styles.chipDone : ''}`}>
                {fill(TEXT.solved[locale], { solved: progress.solvedCount, total: unit.exercises.length })}
              </li>
            )}
          </ul>
        )}
      </header>
      <ContentProblems problems={unit.problems} locale={locale} />

      <div className={styles.prose}>
        {body.blocks.map((block, blockIndex) =>
          block.kind === 'html' ? (
            <div key={blockIndex} dangerouslySetInnerHTML={{ __html: block.html }} />
          ) : (
            <UnitFigure key={blockIndex} name={block.name} locale={locale} />
          ),
        )}
      </div>

      <UnitExercises exerciseIds={unit.exercises} progress={progress} locale={locale} />
      {user && <UnitMastery userId={user.id} unitId={unit.id} locale={locale} />}

      {user ? (
        progress?.isRead ? (
          <p className={`${styles.markRead} success`} data-testid="read-state"><Filled template={TEXT.readOn[locale]} values={{ date: <DateTime value={progress.readAt} locale={locale} style="date" /> }} /></p>
        ) : (
          <MarkReadButton unitId={unit.id} locale={locale} />
        )
      ) : (
        <p className={styles.signInNote}>
          {TEXT.signIn[locale]} <Link href={`/signin?callbackUrl=${encodeURIComponent(`/units/${unit.id}`)}`}>{TEXT.signInLink[locale]}</Link>
        </p>
      )}

      <nav className={styles.pager} aria-label={locale === 'ko' ? '유닛 이동' : 'Unit navigation'}>
        {previous ? <Link className="tap" href={`/units/${previous.id}`}>← {TEXT.previous[locale]}: {previous.title[locale]}</Link> : <span />}
        {next ? <Link className="tap" href={`/units/${next.id}`}>{TEXT.next[locale]}: {next.title[locale]} →</Link> : <Link className="tap" href="/units">{TEXT.allUnits[locale]}</Link>}
      </nav>
    </article>
  );
}
