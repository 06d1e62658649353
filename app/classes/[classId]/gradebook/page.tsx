import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseStatsTable } from '@/components/classes/exercise-stats-table';
import { GradebookTable } from '@/components/classes/gradebook-table';
import { LiveResultsSection } from '@/components/classes/live-results-section';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getGradebook } from '@/lib/gradebook/get-gradebook';
import { pageGradebook } from '@/lib/gradebook/page-gradebook';
import { orNotFound } from '@/components/ui/or-not-found';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '성적표' : 'Gradebook' };
}

const TEXT = {
  title: { ko: '성적표', en: 'Gradebook' },
  back: { ko: '← 수업으로', en: '← Back to the class' },
  csv: { ko: 'CSV 내려받기', en: 'Download CSV' },
  assignments: { ko: '과제 관리', en: 'Manage assignments' },
  exams: { ko: '시험 관리', en: 'Manage exams' },
  explain: {
    ko: '칸마다 학생의 최고 점수(와 시도 횟수)입니다. 유닛 점수는 그 유닛 문제들의 최고 점수 평균(안 푼 문제는 0)입니다. 학생의 모든 풀이가 포함됩니다. 라이브 열은 이 수업에서 끝난 라이브 세션의 합입니다. 과제 열은 지각 감점 후 점수(지각 제출이면 "지각"), 시험 열은 시험이 끝난 학생의 점수입니다.',
    en: 'Each cell is the student’s best score (and number of attempts). A unit’s score is the mean best score over its exercises (unattempted ones count 0). Every attempt of the student counts. The live column sums the class’s finished live sessions. Assignment columns show the score after the late penalty ("late" when late work made it); exam columns the points of a student whose exam has ended.',
  },
};

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GradebookPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const user = await requirePageUser(`/classes/${classId}/gradebook`);
  const [locale, query] = await Promise.all([getLocale(), searchParams]);
  // Students and strangers see "not found", the same as for a class that does not exist.
  const gradebook = await orNotFound(getGradebook({ actorId: user.id, classId }));
  // `?sort=…&dir=…&page=…`: the server sorts every student and renders the 50 of the page.
  const shown = pageGradebook(gradebook, query, locale);
  return (
    <>
      <p><Link className="tap" href={`/classes/${classId}`}>{TEXT.back[locale]}</Link></p>
      <h1>{TEXT.title[locale]}: {gradebook.className}</h1>
      <p className="muted">{TEXT.explain[locale]}</p>
      <p>
        <a className="button secondary" href={`/api/classes/${classId}/gradebook.csv`} download>{TEXT.csv[locale]}</a>
      </p>
      <GradebookTable
        locale={locale}
        classId={classId}
        units={gradebook.units}
        rows={shown.rows}
        view={shown.view}
        info={shown.info}
        isShowingExercises={shown.isShowingExercises}
        exerciseCount={gradebook.exerciseCount}
        assignments={gradebook.assignments}
        exams={gradebook.exams}
      />
      <p>
        <Link className="tap" href={`/classes/${classId}/assignments`}>{TEXT.assignments[locale]}</Link>
        {' · '}
        <Link className="tap" href={`/classes/${classId}/exams`}>{TEXT.exams[locale]}</Link>
      </p>
      <LiveResultsSection
        locale={locale}
        classId={classId}
        units={gradebook.units}
        sessions={gradebook.liveSessions}
        studentNames={new Map(gradebook.rows.map((row) => [row.userId, row.name]))}
      />
      <ExerciseStatsTable locale={locale} units={gradebook.units} stats={gradebook.stats} />
    </>
  );
}
