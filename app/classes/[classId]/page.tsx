import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddInstructorForm } from '@/components/classes/add-instructor-form';
import { ClassSettingsForm } from '@/components/classes/class-settings-form';
import { JoinCodePanel } from '@/components/classes/join-code-panel';
import { LeaderboardSection } from '@/components/classes/leaderboard-section';
import { LeaveClassButton } from '@/components/classes/leave-class-button';
import { MemberList } from '@/components/classes/member-list';
import { NicknameForm } from '@/components/classes/nickname-form';
import styles from '@/components/classes/classes.module.css';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { formatCount } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/get-locale';
import { getClassLeaderboard } from '@/lib/leaderboard/get-class-leaderboard';
import { parseBoardParam } from '@/lib/leaderboard/leaderboard-scope';
import { findClassView } from './find-class-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '수업' : 'Class' };
}

const TEXT = {
  instructor: { ko: '강사', en: 'Instructor' },
  student: { ko: '학생', en: 'Student' },
  taughtBy: { ko: '강사', en: 'Taught by' },
  gradebook: { ko: '성적표 보기', en: 'Open the gradebook' },
  mastery: { ko: '숙달도와 오개념', en: 'Mastery and misconceptions' },
  assignments: { ko: '과제', en: 'Assignments' },
  stats: { ko: '문제 통계', en: 'Question statistics' },
  exams: { ko: '시험', en: 'Exams' },
  you: { ko: '나의 설정', en: 'Your settings' },
  myRecord: { ko: '내 기록', en: 'My record' },
  back: { ko: '← 내 수업', en: '← My classes' },
};

interface ClassPageProps {
  params: Promise<{ classId: string }>;
  searchParams: Promise<{ board?: string | string[] }>;
}

export default async function ClassPage({ params, searchParams }: ClassPageProps) {
  const { classId } = await params;
  const user = await requirePageUser(`/classes/${classId}`);
  const [locale, view, query, outline] = await Promise.all([getLocale(), findClassView(user.id, classId), searchParams, getCourseOutline()]);
  if (!view) notFound();
  const units = outline.map((unit) => ({ unitId: unit.unitId, title: unit.title }));
  const requested = typeof query.board === 'string' ? query.board : 'all';
  const board = requested === 'all' || requested === 'week' || units.some((unit) => unit.unitId === requested) ? requested : 'all';
  const leaderboard = await getClassLeaderboard({ actorId: user.id, classId, scope: parseBoardParam(board) });

  return (
    <>
      <p><Link className="tap" href="/classes">{TEXT.back[locale]}</Link></p>
      <h1>
        {view.name} <span className={styles.badge}>{view.role === 'INSTRUCTOR' ? TEXT.instructor[locale] : TEXT.student[locale]}</span>
      </h1>
      <p className="muted">
        {TEXT.taughtBy[locale]}: {view.instructorNames.join(', ')}
        {view.role === 'STUDENT' && ` · ${formatCount(view.studentCount, 'students', locale)}`}
      </p>
      {view.role === 'INSTRUCTOR' ? (
        <>
          <p className="button-row">
            <Link className="button" href={`/classes/${classId}/gradebook`}>{TEXT.gradebook[locale]}</Link>{' '}
            <Link className="button secondary" href={`/classes/${classId}/mastery`}>{TEXT.mastery[locale]}</Link>{' '}
            <Link className="button secondary" href={`/classes/${classId}/assignments`}>{TEXT.assignments[locale]}</Link>{' '}
            <Link className="button secondary" href={`/classes/${classId}/stats`}>{TEXT.stats[locale]}</Link>{' '}
            <Link className="button secondary" href={`/classes/${classId}/exams`}>{TEXT.exams[locale]}</Link>
          </p>
          <div className="cards">
            <JoinCodePanel locale={locale} classId={classId} joinCode={view.joinCode} />
            <ClassSettingsForm locale={locale} classId={classId} name={view.name} showNicknames={view.showNicknames} timeZone={view.timeZone} timeZones={Intl.supportedValuesOf('timeZone')} />
            <AddInstructorForm locale={locale} classId={classId} />
          </div>
          <MemberList locale={locale} classId={classId} myUserId={user.id} members={view.members} />
        </>
      ) : (
        <section className="card" aria-labelledby="you-title">
          <h2 id="you-title">{TEXT.you[locale]}</h2>
          <NicknameForm locale={locale} classId={classId} nickname={view.me.nickname} />
          {/* A <div>, not a <p>: the button brings its own alert <div>, which a <p> cannot hold (React #418). */}
          <div className={styles.actions}>
            <Link className="button secondary" href={`/classes/${classId}/students/${user.id}`}>{TEXT.myRecord[locale]}</Link>
            <LeaveClassButton locale={locale} classId={classId} userId={user.id} />
          </div>
        </section>
      )}
      <LeaderboardSection locale={locale} classId={classId} board={board} units={units} leaderboard={leaderboard} />
    </>
  );
}
