import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/course/course.module.css';
import { orNotFound } from '@/components/ui/or-not-found';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getQuestionStats } from '@/lib/course/stats/get-question-stats';
import { ZStatsScope } from '@/lib/course/stats/stats-schemas';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { fill } from '@/lib/i18n/fill';
import { formatPercent } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/get-locale';
import { ScrollTable } from '@/components/classes/scroll-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '문제 통계' : 'Question statistics' };
}

const TEXT = {
  title: { ko: '문제 통계', en: 'Question statistics' },
  back: { ko: '← 수업으로', en: '← Back to the class' },
  thisClass: { ko: '이 수업', en: 'This class' },
  allClasses: { ko: '내 모든 수업', en: 'All my classes' },
  csv: { ko: 'CSV 내려받기', en: 'Download CSV' },
  students: { ko: '학생 {n}명 기준', en: 'Over {n} students' },
  help: {
    ko: '변형 = 한 학생의 한 문제 숫자 세트(최대 3번 시도). 변별도 = 이 문제 최고 점수와 다른 문제 최고 점수 합의 상관계수(학생 3명 이상). 어려운 조건 = 첫 시도 실패율이 전체보다 높은 변형 매개변수(변형 5개 이상).',
    en: 'Variant = one student’s numbers for a question (up to 3 tries). Discrimination = correlation of the best score on this question with the summed best on the others (3+ students). Hardest conditions = variant parameters whose first-try failure rate is above the question’s overall rate (5+ variants).',
  },
  exercise: { ko: '연습문제', en: 'Exercise' },
  attempts: { ko: '시도', en: 'Attempts' },
  studentsCol: { ko: '학생', en: 'Students' },
  mean: { ko: '평균 점수', en: 'Mean score' },
  first: { ko: '첫 시도 정답', en: 'First-try success' },
  toSolve: { ko: '해결까지 시도', en: 'Attempts to solve' },
  discrimination: { ko: '변별도', en: 'Discrimination' },
  mistakes: { ko: '주요 실수', en: 'Top mistakes' },
  hardest: { ko: '어려운 조건', en: 'Hardest conditions' },
};

export default async function QuestionStatsPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ scope?: string | string[] }> }) {
  const [{ classId }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/classes/${classId}/stats`);
  const scope = ZStatsScope.parse(query.scope);
  const [locale, report, outline] = await Promise.all([getLocale(), orNotFound(getQuestionStats({ actorId: user.id, classId, scope })), getCourseOutline()]);
  const titles = new Map(outline.flatMap((unit) => unit.exercises.map((e) => [e.typeId, e.title[locale]] as const)));
  const fmt = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));
  return (
    <>
      <p><Link className="tap" href={`/classes/${classId}`}>{TEXT.back[locale]}</Link></p>
      <h1>{TEXT.title[locale]}</h1>
      <ul className={styles.legend}>
        <li><Link className="tap" href={`/classes/${classId}/stats`} aria-current={scope === 'class' ? 'page' : undefined}>{TEXT.thisClass[locale]}</Link></li>
        <li><Link className="tap" href={`/classes/${classId}/stats?scope=all`} aria-current={scope === 'all' ? 'page' : undefined}>{TEXT.allClasses[locale]}</Link></li>
        <li><a className="tap" href={`/api/course/classes/${classId}/stats.csv?scope=${scope}`} download>{TEXT.csv[locale]}</a></li>
      </ul>
      <p className="muted">{fill(TEXT.students[locale], { n: report.studentCount })}. {TEXT.help[locale]}</p>
      <ScrollTable
        label={TEXT.title[locale]}
        testId="question-stats"
        columns={[
          { label: TEXT.exercise[locale], sticky: true },
          { label: TEXT.attempts[locale], numeric: true },
          { label: TEXT.studentsCol[locale], numeric: true },
          { label: TEXT.mean[locale], numeric: true },
          { label: TEXT.first[locale], numeric: true },
          { label: TEXT.toSolve[locale], numeric: true },
          { label: TEXT.discrimination[locale], numeric: true },
          { label: TEXT.mistakes[locale] },
          { label: TEXT.hardest[locale] },
        ]}
      >
        {report.items.map((item) => (
          <tr key={item.typeId} data-type={item.typeId}>
            <th scope="row" className={`${styles.sticky} ${styles.wrap}`}>{titles.get(item.typeId) ?? item.typeId}</th>
            <td className={styles.numeric}>{item.attempts}</td>
            <td className={styles.numeric}>{item.students}</td>
            <td className={styles.numeric}>{formatPercent(item.meanScore)}</td>
            <td className={styles.numeric}>{formatPercent(item.firstTrySuccess)}</td>
            <td className={styles.numeric}>{fmt(item.meanAttemptsToSolve)}</td>
            <td className={styles.numeric}>{fmt(item.discrimination)}</td>
            <td>{item.topMistakes.map((m) => `${m.mistakeId} (${m.attempts})`).join(', ') || '—'}</td>
            <td>{item.hardestConditions.map((c) => `${c.condition}: ${formatPercent(c.failureRate)} ×${c.ratio.toFixed(1)}`).join('; ') || '—'}</td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}
