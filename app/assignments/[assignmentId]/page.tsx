import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/ui/date-time';
import { Filled } from '@/components/ui/filled';
import { AssignmentStatusChip } from '@/components/course/assignment-status-chip';
import styles from '@/components/course/course.module.css';
import { formatRelative } from '@/components/course/time-left';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { findMyAssignment } from '@/lib/course/assignments/list-my-assignments';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { fill } from '@/lib/i18n/fill';
import { formatPercent } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '과제' : 'Assignment' };
}

const TEXT = {
  back: { ko: '← 대시보드', en: '← Dashboard' },
  opens: { ko: '시작', en: 'Opens' },
  due: { ko: '마감', en: 'Due' },
  late: { ko: '지각 제출: {date}까지, {pct}% 감점', en: 'Late work: until {date}, −{pct} %' },
  noLate: { ko: '마감 뒤의 풀이는 점수에 들어가지 않습니다.', en: 'Work after the due date does not count.' },
  read: { ko: '읽을 유닛', en: 'Read' },
  work: { ko: '연습문제', en: 'Exercises' },
  solve: { ko: '변형 {n}개 완전히 풀기 — {done}개 완료', en: 'Solve {n} variants fully — {done} done' },
  best: { ko: '최고 점수 {n} 이상 — 지금 {done}', en: 'Best score ≥ {n} — now {done}' },
  score: { ko: '점수 (지각 감점 후): {score}', en: 'Score (after late penalty): {score}' },
  how: { ko: '연습문제 페이지에서 푼 것이 그대로 과제에 들어갑니다.', en: 'Work on the exercise pages counts here as it is.' },
};

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const user = await requirePageUser(`/assignments/${assignmentId}`);
  const [locale, found, outline] = await Promise.all([getLocale(), findMyAssignment(user.id, assignmentId), getCourseOutline()]);
  if (!found) notFound();
  const { assignment, evaluation, className } = found;
  const now = new Date();
  const titleOf = new Map(outline.flatMap((unit) => unit.exercises.map((e) => [e.typeId, e.title[locale]] as const)));
  const unitTitle = new Map(outline.map((unit) => [unit.unitId, unit.title[locale]]));
  return (
    <>
      <p><Link className="tap" href="/dashboard">{TEXT.back[locale]}</Link></p>
      <h1>{assignment.title}</h1>
      <p className="muted">{className}</p>
      <p>
        <AssignmentStatusChip status={evaluation.status} locale={locale} />{' '}
        <strong>{fill(TEXT.score[locale], { score: formatPercent(evaluation.score) })}</strong>
      </p>
      <p>
        {TEXT.opens[locale]}: <DateTime value={assignment.opensAt} locale={locale} />
        <br />
        {TEXT.due[locale]}: <DateTime value={assignment.dueAt} locale={locale} /> ({formatRelative(assignment.dueAt, now, locale)})
        <br />
        {assignment.lateUntil
          ? <Filled template={TEXT.late[locale]} values={{ date: <DateTime value={assignment.lateUntil} locale={locale} />, pct: assignment.latePenaltyPct }} />
          : TEXT.noLate[locale]}
      </p>
      {assignment.unitIds.length > 0 && (
        <section aria-labelledby="read-title">
          <h2 id="read-title">{TEXT.read[locale]}</h2>
          <ul>
            {assignment.unitIds.map((unitId) => (
              <li key={unitId}><Link href={`/units/${unitId}`}>{unitTitle.get(unitId) ?? unitId}</Link></li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="work-title">
        <h2 id="work-title">{TEXT.work[locale]}</h2>
        <p className="muted">{TEXT.how[locale]}</p>
        <ul className={styles.skills}>
          {assignment.items.map((item, index) => {
            const progress = evaluation.items[index];
            const text = item.target === 'SOLVE_COUNT'
              ? fill(TEXT.solve[locale], { n: item.targetValue, done: progress.value })
              : fill(TEXT.best[locale], { n: formatPercent(item.targetValue), done: formatPercent(progress.value) });
            return (
              <li key={item.typeId} className="card" data-item={item.typeId} data-met={progress.isMet}>
                <span>
                  <Link className="tap" href={`/exercises/${item.typeId}`}>{titleOf.get(item.typeId) ?? item.typeId}</Link>
                  <br />
                  <span className="muted">{text}</span>
                </span>
                <span>{progress.isMet ? '✓' : formatPercent(progress.fraction)}</span>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
