import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isMistakeId, mistakeCatalogue } from '@/engine/exercises';
import { DateTime } from '@/components/ui/date-time';
import { orNotFound } from '@/components/ui/or-not-found';
import { DeleteExamButton, ExtensionInput, ReleaseExamButton } from '@/components/course/exams/exam-admin-actions';
import { ExamForm } from '@/components/course/exams/exam-form';
import { EXAM_STATUS_TEXT } from '@/lib/course/exams/exam-status-text';
import styles from '@/components/course/course.module.css';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { utcToZoned } from '@/lib/course/assignments/zoned-time';
import { ZExamParams } from '@/lib/course/exams/exam-schemas';
import { getExamResults } from '@/lib/course/exams/get-exam-results';
import { getDb } from '@/lib/db';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { fill } from '@/lib/i18n/fill';
import { formatPercent } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/get-locale';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '시험 결과' : 'Exam results' };
}

const TEXT = {
  back: { ko: '← 시험 목록', en: '← Exams' },
  minutes: { ko: '{n}분', en: '{n} min' },
  status: { ko: '응시 현황', en: 'Who is where' },
  results: { ko: '학생별 결과', en: 'Students' },
  student: { ko: '학생', en: 'Student' },
  state: { ko: '상태', en: 'Status' },
  started: { ko: '시작', en: 'Began' },
  deadline: { ko: '마감', en: 'Deadline' },
  score: { ko: '점수', en: 'Score' },
  extra: { ko: '추가 시간', en: 'Extension' },
  perQuestion: { ko: '문제별 통계', en: 'Per question' },
  question: { ko: '문제', en: 'Question' },
  students: { ko: '답한 학생', en: 'Students who answered' },
  attempts: { ko: '시도', en: 'Attempts' },
  mean: { ko: '평균 인정 (시작한 학생 전체)', en: 'Mean credit (all who began)' },
  firstTry: { ko: '첫 시도 정답', en: 'Right first try' },
  meanAttempts: { ko: '평균 시도', en: 'Mean attempts' },
  mistakes: { ko: '흔한 실수', en: 'Top mistakes' },
  release: { ko: '결과 공개', en: 'Release' },
  releaseHelp: { ko: '공개하면 시험을 마친 학생이 점수, 채점 결과와 풀이를 봅니다.', en: 'Once released, students whose exam has ended see their scores, the grading and the worked solutions.' },
};

/** An exam for its instructors: who is in progress, submitted or not started; release; extensions; per-question statistics; edit. */
export default async function ExamResultsPage({ params }: { params: Promise<{ classId: string; examId: string }> }) {
  const raw = await params;
  const parsed = ZExamParams.safeParse({ examId: raw.examId });
  if (!parsed.success) notFound();
  const { examId } = parsed.data;
  const user = await requirePageUser(`/classes/${raw.classId}/exams/${examId}`);
  const locale = await getLocale();
  const results = await orNotFound(getExamResults({ actorId: user.id, examId, locale }));
  const { exam } = results;
  if (exam.classId !== raw.classId) notFound();
  const [outline, owner] = await Promise.all([getCourseOutline(), getDb().class.findUniqueOrThrow({ where: { id: exam.classId }, select: { timeZone: true } })]);
  const types = outline.flatMap((unit) => unit.exercises.map((exercise) => ({ typeId: exercise.typeId, title: exercise.title })));
  const titleOf = new Map(types.map((type) => [type.typeId, type.title[locale]]));
  const pct = (value: number | null) => (value === null ? '—' : formatPercent(value));
  const hasStarted = results.students.some((s) => s.status !== 'NOT_STARTED');
  return (
    <>
      <p><Link href={`/classes/${exam.classId}/exams`} className="tap">{TEXT.back[locale]}</Link></p>
      <h1>{exam.title}</h1>
      <p className="muted">
        <DateTime value={exam.opensAt} locale={locale} /> – <DateTime value={exam.closesAt} locale={locale} /> · {fill(TEXT.minutes[locale], { n: exam.timeLimitMinutes })}
      </p>

      <section aria-labelledby="exam-status" className="card">
        <h2 id="exam-status">{TEXT.status[locale]}</h2>
        <ul className={styles.legend} data-testid="exam-counts">
          {(Object.keys(results.counts) as (keyof typeof results.counts)[]).map((status) => (
            <li key={status} className={styles.chip}>{EXAM_STATUS_TEXT[status][locale]}: {results.counts[status]}</li>
          ))}
        </ul>
        <p className="muted">{TEXT.releaseHelp[locale]}</p>
        <p><ReleaseExamButton locale={locale} examId={exam.id} isReleased={exam.releasedAt !== null} inProgress={results.counts.IN_PROGRESS} /></p>
      </section>

      <section aria-labelledby="exam-students" style={{ marginTop: '1.5rem' }}>
        <h2 id="exam-students">{TEXT.results[locale]}</h2>
        <div className={styles.scroll}>
          <table data-testid="exam-students">
            <thead>
              <tr>
                <th scope="col" className={styles.sticky}>{TEXT.student[locale]}</th>
                <th scope="col">{TEXT.state[locale]}</th>
                <th scope="col">{TEXT.score[locale]}</th>
                {exam.questions.map((q) => <th key={q.typeId} scope="col" title={titleOf.get(q.typeId)}>{titleOf.get(q.typeId) ?? q.typeId}</th>)}
                <th scope="col">{TEXT.started[locale]}</th>
                <th scope="col">{TEXT.deadline[locale]}</th>
                <th scope="col">{TEXT.extra[locale]}</th>
              </tr>
            </thead>
            <tbody>
              {results.students.map((row) => (
                <tr key={row.userId} data-student={row.userId} data-status={row.status}>
                  <th scope="row" className={styles.sticky}>{row.name}</th>
                  <td>{EXAM_STATUS_TEXT[row.status][locale]}</td>
                  <td className={styles.numeric}>{row.score === null ? '—' : `${Math.round(row.score * 100) / 100} / ${exam.totalPoints}`}</td>
                  {exam.questions.map((q) => <td key={q.typeId} className={styles.numeric}>{row.status === 'NOT_STARTED' ? '—' : pct(row.earned[q.typeId])}</td>)}
                  <td><DateTime value={row.startedAt} locale={locale} /></td>
                  <td><DateTime value={row.deadline} locale={locale} /></td>
                  <td><ExtensionInput locale={locale} examId={exam.id} userId={row.userId} name={row.name} extraMinutes={row.extraMinutes} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="exam-questions" style={{ marginTop: '1.5rem' }}>
        <h2 id="exam-questions">{TEXT.perQuestion[locale]}</h2>
        <div className={styles.scroll}>
          <table data-testid="exam-question-stats">
            <thead>
              <tr>
                <th scope="col" className={styles.sticky}>{TEXT.question[locale]}</th>
                <th scope="col">{TEXT.students[locale]}</th>
                <th scope="col">{TEXT.attempts[locale]}</th>
                <th scope="col">{TEXT.mean[locale]}</th>
                <th scope="col">{TEXT.firstTry[locale]}</th>
                <th scope="col">{TEXT.meanAttempts[locale]}</th>
                <th scope="col">{TEXT.mistakes[locale]}</th>
              </tr>
            </thead>
            <tbody>
              {results.questions.map((q) => (
                <tr key={q.typeId}>
                  <th scope="row" className={styles.sticky}>{titleOf.get(q.typeId) ?? q.typeId} ({q.points})</th>
                  <td className={styles.numeric}>{q.students}</td>
                  <td className={styles.numeric}>{q.attempts}</td>
                  <td className={styles.numeric}>{pct(q.meanCredit)}</td>
                  <td className={styles.numeric}>{pct(q.firstTryRight)}</td>
                  <td className={styles.numeric}>{q.meanAttempts === null ? '—' : q.meanAttempts.toFixed(1)}</td>
                  <td style={{ whiteSpace: 'normal', minWidth: '12rem' }}>
                    {q.topMistakes.map((m) => `${isMistakeId(m.mistake) ? mistakeCatalogue[m.mistake][locale].split(/[.:。]/)[0] : m.mistake} (${m.students})`).join('; ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <details style={{ marginTop: '1.5rem' }}>
        <summary>{locale === 'ko' ? '시험 고치기' : 'Edit exam'}</summary>
        <ExamForm
          locale={locale}
          classId={exam.classId}
          timeZone={owner.timeZone}
          types={types}
          examId={exam.id}
          hasStarted={hasStarted}
          initial={{
            title: exam.title,
            opensAt: utcToZoned(exam.opensAt, owner.timeZone),
            closesAt: utcToZoned(exam.closesAt, owner.timeZone),
            timeLimitMinutes: exam.timeLimitMinutes,
            maxAttempts: exam.maxAttempts,
            creditDecayPct: exam.creditDecayPct,
            feedback: exam.feedback,
            questions: exam.questions,
            isPublished: exam.publishedAt !== null,
          }}
        />
        <p><DeleteExamButton locale={locale} examId={exam.id} classId={exam.classId} /></p>
      </details>
    </>
  );
}
