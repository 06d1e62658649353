import Link from 'next/link';
import { DateTime } from '@/components/ui/date-time';
import { Filled } from '@/components/ui/filled';
import { fill } from '@/lib/i18n/fill';
import { formatPercent } from '@/lib/i18n/format';
import { listMyAssignments } from '@/lib/course/assignments/list-my-assignments';
import { listMyExams } from '@/lib/course/exams/list-exams';
import { getMyMastery, masteryOf } from '@/lib/course/mastery/get-my-mastery';
import { getReviewQueue } from '@/lib/course/review/get-review-queue';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import type { Locale } from '@/lib/i18n/locales';
import { AssignmentStatusChip } from './assignment-status-chip';
import { EXAM_STATUS_TEXT } from '@/lib/course/exams/exam-status-text';
import { MasteryChip } from './mastery-chip';
import { formatRelative } from './time-left';
import styles from './course.module.css';

const TEXT = {
  reviewTitle: { ko: '복습', en: 'Review' },
  dueToday: { ko: '오늘 복습할 기술: {n}개', en: 'Reviews due today: {n}' },
  dueNow: { ko: '지금 {n}개를 복습할 수 있습니다.', en: '{n} ready now.' },
  nothingDue: { ko: '아직 복습할 때가 되지 않았습니다.', en: 'None is ready yet.' },
  nextAt: { ko: '다음 복습: {date}', en: 'Next review: {date}' },
  noCards: { ko: '문제를 하나 맞히면 그 기술이 복습 일정에 들어갑니다.', en: 'Solve an exercise and its skill joins your review schedule.' },
  review: { ko: '복습하기', en: 'Review' },
  assignmentsTitle: { ko: '과제', en: 'Assignments' },
  due: { ko: '마감 {date} ({left})', en: 'Due {date} ({left})' },
  lateUntil: { ko: '지각 제출 {date}까지 ({left})', en: 'Late work until {date} ({left})' },
  opens: { ko: '{date}에 시작', en: 'Opens {date}' },
  score: { ko: '점수 {n}', en: 'Score {n}' },
  masteryTitle: { ko: '기술 숙달도', en: 'Mastery by skill' },
  examsTitle: { ko: '시험', en: 'Exams' },
  examWindow: { ko: '{from} – {to} · {n}분', en: '{from} – {to} · {n} min' },
  examResults: { ko: '결과 공개됨', en: 'Results released' },
  masteryHelp: { ko: '채점된 모든 시도로 추정합니다 (베이지안 지식 추적).', en: 'Estimated from every graded attempt (Bayesian knowledge tracing).' },
};


/** The dashboard's course sections: reviews due today and mastery per skill, by unit. */
export async function DashboardCourseSections({ userId, locale }: { userId: string; locale: Locale }) {
  const [queue, mastery, outline, assignments, exams] = await Promise.all([getReviewQueue(userId), getMyMastery(userId), getCourseOutline(), listMyAssignments(userId), listMyExams(userId)]);
  const now = new Date();
  // Finished ones stay listed for a week after their final deadline, then leave the dashboard.
  const shown = assignments.filter(({ assignment }) => (assignment.lateUntil ?? assignment.dueAt).getTime() > now.getTime() - 7 * 24 * 3600 * 1000);
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
              {queue.dueNow.length === 0 && queue.nextDueAt && <> <Filled template={TEXT.nextAt[locale]} values={{ date: <DateTime value={queue.nextDueAt} locale={locale} /> }} /></>}
            </p>
          </div>
          {queue.dueNow.length > 0 && <Link className="button" href="/review">{TEXT.review[locale]}</Link>}
        </div>
      </section>
      {exams.length > 0 && (
        <section aria-labelledby="exams-title" style={{ marginTop: '2rem' }} data-testid="my-exams">
          <h2 id="exams-title">{TEXT.examsTitle[locale]}</h2>
          <ul className={styles.skills}>
            {exams.map((exam) => (
              <li key={exam.id} className="card" data-exam={exam.id} data-status={exam.status}>
                <span>
                  <Link className="tap" href={`/exams/${exam.id}`}>{exam.title}</Link> <span className="muted">· {exam.className}</span>
                  <br />
                  <span className="muted">
                    <Filled template={TEXT.examWindow[locale]} values={{ from: <DateTime value={exam.opensAt} locale={locale} />, to: <DateTime value={exam.closesAt} locale={locale} />, n: exam.timeLimitMinutes }} />
                  </span>
                </span>
                <span className={styles.chip}>{EXAM_STATUS_TEXT[exam.status][locale]}{exam.isReleased ? ` · ${TEXT.examResults[locale]}` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {shown.length > 0 && (
        <section aria-labelledby="assignments-title" style={{ marginTop: '2rem' }} data-testid="my-assignments">
          <h2 id="assignments-title">{TEXT.assignmentsTitle[locale]}</h2>
          <ul className={styles.skills}>
            {shown.map(({ assignment, evaluation, className }) => {
              const inLateWindow = assignment.lateUntil && now > assignment.dueAt && now <= assignment.lateUntil;
              const when = now < assignment.opensAt
                ? <Filled template={TEXT.opens[locale]} values={{ date: <DateTime value={assignment.opensAt} locale={locale} /> }} />
                : inLateWindow && assignment.lateUntil
                  ? <Filled template={TEXT.lateUntil[locale]} values={{ date: <DateTime value={assignment.lateUntil} locale={locale} />, left: formatRelative(assignment.lateUntil, now, locale) }} />
                  : <Filled template={TEXT.due[locale]} values={{ date: <DateTime value={assignment.dueAt} locale={locale} />, left: formatRelative(assignment.dueAt, now, locale) }} />;
              return (
                <li key={assignment.id} className="card" data-assignment={assignment.id}>
                  <span>
                    <Link className="tap" href={`/assignments/${assignment.id}`}>{assignment.title}</Link> <span className="muted">· {className}</span>
                    <br />
                    <span className="muted">{when} · {fill(TEXT.score[locale], { n: formatPercent(evaluation.score) })}</span>
                  </span>
                  <AssignmentStatusChip status={evaluation.status} locale={locale} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="mastery-title" style={{ marginTop: '2rem' }} data-testid="mastery">
        <h2 id="mastery-title">{TEXT.masteryTitle[locale]}</h2>
        <p className="muted">{TEXT.masteryHelp[locale]}</p>
        {outline.map((unit) => (
          <div key={unit.unitId}>
            <h3 style={{ fontSize: '1rem', margin: '1rem 0 0.25rem' }}>{unit.title[locale]}</h3>
            <ul className={styles.skills}>
              {masteryOf(mastery, unit.exercises.map((exercise) => exercise.typeId)).map((skill, index) => (
                <li key={skill.typeId} data-skill={skill.typeId}>
                  <Link className="tap" href={`/exercises/${skill.typeId}`}>{unit.exercises[index].title[locale]}</Link>
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
