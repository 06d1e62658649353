import type { Metadata } from 'next';
import Link from 'next/link';
import { formatPercent } from '@/lib/i18n/format';
import { DateTime } from '@/components/ui/date-time';
import styles from '@/components/classes/classes.module.css';
import { DashboardCourseSections } from '@/components/course/dashboard-course-sections';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getStudentDashboard, type DashboardUnit, type StudentDashboard } from '@/lib/dashboard/get-student-dashboard';
import { getLocale } from '@/lib/i18n/get-locale';
import type { Locale } from '@/lib/i18n/locales';
import { ScrollTable } from '@/components/classes/scroll-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '대시보드' : 'Dashboard' };
}

const TEXT = {
  title: { ko: '대시보드', en: 'Dashboard' },
  next: { ko: '다음에 할 일', en: 'What to do next' },
  read: { ko: '유닛 읽기', en: 'Read the unit' },
  retry: { ko: '이어서 풀기', en: 'Keep working on' },
  start: { ko: '새 문제 풀기', en: 'Start' },
  done: { ko: '모든 유닛을 읽고 모든 문제를 풀었습니다. 멋져요! 플레이그라운드에서 모델을 학습시켜 보세요.', en: 'You have read every unit and solved every exercise. Well done! Try training a model in the playground.' },
  go: { ko: '바로 가기', en: 'Go' },
  summary: { ko: '요약', en: 'Summary' },
  solved: { ko: '해결한 문제', en: 'Exercises solved' },
  attempts: { ko: '총 시도', en: 'Attempts' },
  unitsRead: { ko: '읽은 유닛', en: 'Units read' },
  classes: { ko: '내 수업', en: 'My classes' },
  noClasses: { ko: '아직 수업이 없습니다. 강사에게 받은 참여 코드로 참여하세요.', en: 'No classes yet: join one with the code from your instructor.' },
  joinOrCreate: { ko: '수업 참여 또는 만들기', en: 'Join or create a class' },
  teaching: { ko: '강사', en: 'Instructor' },
  taking: { ko: '학생', en: 'Student' },
  gradebook: { ko: '성적표', en: 'Gradebook' },
  teachingTitle: { ko: '가르치는 수업', en: 'Classes you teach' },
  mastery: { ko: '숙달도', en: 'Mastery' },
  assignments: { ko: '과제', en: 'Assignments' },
  newLive: { ko: '라이브 세션 시작', en: 'Start a live session' },
  progress: { ko: '유닛별 진도', en: 'Progress by unit' },
  isRead: { ko: '읽음', en: 'Read' },
  notRead: { ko: '아직 안 읽음', en: 'Not read yet' },
  exercise: { ko: '문제', en: 'Exercise' },
  best: { ko: '최고 점수', en: 'Best score' },
  last: { ko: '마지막 활동', en: 'Last activity' },
};

export default async function DashboardPage() {
  const user = await requirePageUser('/dashboard');
  const [locale, dashboard] = await Promise.all([getLocale(), getStudentDashboard(user.id)]);
  return (
    <>
      <h1>{TEXT.title[locale]}</h1>
      <TeachingSection dashboard={dashboard} locale={locale} />
      <NextStepCard dashboard={dashboard} locale={locale} />
      <DashboardCourseSections userId={user.id} locale={locale} />
      <section className={styles.section} aria-labelledby="summary-title">
        <h2 id="summary-title">{TEXT.summary[locale]}</h2>
        <div className="cards" style={{ marginTop: 0 }}>
          <Stat label={TEXT.solved[locale]} value={`${dashboard.totals.solved} / ${dashboard.totals.exercises}`} />
          <Stat label={TEXT.unitsRead[locale]} value={`${dashboard.totals.unitsRead} / ${dashboard.units.filter((unit) => unit.unitId !== 'other').length}`} />
          <Stat label={TEXT.attempts[locale]} value={String(dashboard.totals.attempts)} />
        </div>
      </section>
      <section className={styles.section} aria-labelledby="classes-title">
        <h2 id="classes-title">{TEXT.classes[locale]}</h2>
        {dashboard.classes.length === 0 ? (
          <p className="muted">{TEXT.noClasses[locale]}</p>
        ) : (
          <ul className={styles.list}>
            {dashboard.classes.map((found) => (
              <li key={found.id} className={`card ${styles.row}`}>
                <span>
                  <Link className="tap" href={`/classes/${found.id}`}>{found.name}</Link>{' '}
                  <span className={styles.badge}>{found.role === 'INSTRUCTOR' ? TEXT.teaching[locale] : TEXT.taking[locale]}</span>
                </span>
                {found.role === 'INSTRUCTOR' && <Link className="tap" href={`/classes/${found.id}/gradebook`}>{TEXT.gradebook[locale]}</Link>}
              </li>
            ))}
          </ul>
        )}
        <p><Link className="tap" href="/classes">{TEXT.joinOrCreate[locale]}</Link></p>
      </section>
      <section className={styles.section} aria-labelledby="progress-title">
        <h2 id="progress-title">{TEXT.progress[locale]}</h2>
        {dashboard.units.map((unit) => (
          <UnitProgressCard key={unit.unitId} unit={unit} locale={locale} />
        ))}
      </section>
    </>
  );
}

/** An instructor first sees the classes they teach and where to go for each; their own practice follows. */
function TeachingSection({ dashboard, locale }: { dashboard: StudentDashboard; locale: Locale }) {
  const taught = dashboard.classes.filter((found) => found.role === 'INSTRUCTOR');
  if (taught.length === 0) return null;
  return (
    <section className="card" aria-labelledby="teaching-title" style={{ marginBottom: '1rem' }} data-testid="teaching">
      <h2 id="teaching-title">{TEXT.teachingTitle[locale]}</h2>
      {taught.map((found) => (
        <div key={found.id}>
          <h3 style={{ fontSize: '1rem', margin: '0.5rem 0 0.25rem' }}><Link className="tap" href={`/classes/${found.id}`}>{found.name}</Link></h3>
          <p className="button-row">
            <Link className="button" href={`/classes/${found.id}/gradebook`}>{TEXT.gradebook[locale]}</Link>
            <Link className="button secondary" href={`/classes/${found.id}/mastery`}>{TEXT.mastery[locale]}</Link>
            <Link className="button secondary" href={`/classes/${found.id}/assignments`}>{TEXT.assignments[locale]}</Link>
          </p>
        </div>
      ))}
      <p><Link className="button secondary" href="/live">{TEXT.newLive[locale]}</Link></p>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="card">
      <p className="muted" style={{ margin: 0 }}>{label}</p>
      <p style={{ margin: 0, fontSize: '1.6rem', fontWeight: 700 }}>{value}</p>
    </div>
  );
}

function NextStepCard({ dashboard, locale }: { dashboard: StudentDashboard; locale: Locale }) {
  const step = dashboard.nextStep;
  const unitTitle = (unitId: string) => dashboard.units.find((unit) => unit.unitId === unitId)?.title[locale] ?? unitId;
  const exerciseTitle = (typeId: string) =>
    dashboard.units.flatMap((unit) => unit.exercises).find((exercise) => exercise.typeId === typeId)?.title[locale] ?? typeId;
  let body: React.ReactNode;
  if (step.kind === 'done') body = <p>{TEXT.done[locale]}</p>;
  else if (step.kind === 'read-unit')
    body = (
      <p>
        {TEXT.read[locale]}: <Link href={`/units/${step.unitId}`}>{unitTitle(step.unitId)}</Link>
      </p>
    );
  else
    body = (
      <p>
        {step.kind === 'retry-exercise' ? TEXT.retry[locale] : TEXT.start[locale]}: <Link href={`/exercises/${step.typeId}`}>{exerciseTitle(step.typeId)}</Link>{' '}
        <span className="muted">({unitTitle(step.unitId)})</span>
      </p>
    );
  return (
    <section className="card" aria-labelledby="next-title">
      <h2 id="next-title">{TEXT.next[locale]}</h2>
      {body}
    </section>
  );
}

function UnitProgressCard({ unit, locale }: { unit: DashboardUnit; locale: Locale }) {
  const headingId = `progress-${unit.unitId}`;
  return (
    <article className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.row} style={{ margin: '0 0 0.5rem' }}>
        {unit.unitId === 'other' ? <span>{unit.title[locale]}</span> : <Link className="tap" href={`/units/${unit.unitId}`}>{unit.title[locale]}</Link>}
        {unit.unitId !== 'other' && <span className={styles.badge}>{unit.isRead ? `✓ ${TEXT.isRead[locale]}` : TEXT.notRead[locale]}</span>}
      </h3>
      <ScrollTable
        labelledBy={headingId}
        columns={[
          { label: TEXT.exercise[locale] },
          { label: TEXT.attempts[locale], numeric: true },
          { label: TEXT.best[locale], numeric: true },
          { label: TEXT.last[locale] },
        ]}
      >
        {unit.exercises.map((exercise) => (
          <tr key={exercise.typeId}>
            <th scope="row"><Link className="tap" href={`/exercises/${exercise.typeId}`}>{exercise.title[locale]}</Link></th>
            <td className={styles.numeric}>{exercise.attempts}</td>
            <td className={`${styles.numeric} ${exercise.isSolved ? styles.solved : ''}`}>
              {formatPercent(exercise.best)}
              {exercise.isSolved && ' ✓'}
            </td>
            <td><DateTime value={exercise.lastAt} locale={locale} /></td>
          </tr>
        ))}
      </ScrollTable>
    </article>
  );
}
