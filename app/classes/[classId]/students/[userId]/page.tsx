import type { Metadata } from 'next';
import Link from 'next/link';
import { isMistakeId, mistakeCatalogue } from '@/engine/exercises';
import { formatPercent } from '@/lib/i18n/format';
import { DateTime } from '@/components/ui/date-time';
import { InlineMarkdown } from '@/components/ui/inline-markdown';
import styles from '@/components/classes/classes.module.css';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { orNotFound } from '@/components/ui/or-not-found';
import { getStudentRecord } from '@/lib/gradebook/get-student-record';
import { getLocale } from '@/lib/i18n/get-locale';
import type { Locale } from '@/lib/i18n/locales';
import { ScrollTable } from '@/components/classes/scroll-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '학생 기록' : 'Student record' };
}

const TEXT = {
  back: { ko: '← 수업으로', en: '← Back to the class' },
  gradebook: { ko: '성적표', en: 'Gradebook' },
  exercise: { ko: '문제', en: 'Exercise' },
  attempts: { ko: '시도', en: 'Attempts' },
  best: { ko: '최고 점수', en: 'Best' },
  last: { ko: '마지막 시도', en: 'Last attempt' },
  recent: { ko: '최근 시도', en: 'Recent attempts' },
  when: { ko: '시각', en: 'When' },
  score: { ko: '점수', en: 'Score' },
  mistake: { ko: '채점기가 찾은 실수', en: 'Mistake named by the grader' },
  none: { ko: '아직 시도가 없습니다.', en: 'No attempts yet.' },
  solved: { ko: '해결', en: 'solved' },
  live: { ko: '라이브 세션', en: 'Live sessions' },
  noLive: { ko: '이 수업에서 참여한 라이브 세션이 아직 없습니다.', en: 'No finished live session of this class yet.' },
  rank: { ko: (rank: number, of: number) => `${of}명 중 ${rank}위`, en: (rank: number, of: number) => `#${rank} of ${of}` },
  points: { ko: '점', en: ' points' },
  correct: { ko: '정답', en: 'correct' },
  question: { ko: '문제', en: 'Question' },
  grade: { ko: '채점', en: 'Grade' },
  livePoints: { ko: '점수', en: 'Points' },
  noAnswer: { ko: '답하지 않음', en: 'no answer' },
};

export default async function StudentRecordPage({ params }: { params: Promise<{ classId: string; userId: string }> }) {
  const { classId, userId } = await params;
  const viewer = await requirePageUser(`/classes/${classId}/students/${userId}`);
  const locale = await getLocale();
  const record = await orNotFound(getStudentRecord({ actorId: viewer.id, classId, studentId: userId }));
  const summaryOf = new Map(record.summaries.map((summary) => [summary.typeId, summary]));
  const titleOf = new Map(record.units.flatMap((unit) => unit.exercises.map((exercise) => [exercise.typeId, exercise.title[locale]] as const)));
  const isSelf = viewer.id === userId;
  return (
    <>
      <p>
        <Link className="tap" href={`/classes/${classId}`}>{TEXT.back[locale]}</Link>
        {!isSelf && (
          <>
            {' · '}
            <Link className="tap" href={`/classes/${classId}/gradebook`}>{TEXT.gradebook[locale]}</Link>
          </>
        )}
      </p>
      <h1>{record.student.name}</h1>
      {record.units.map((unit) => (
        <section key={unit.unitId} className={styles.section} aria-labelledby={`unit-${unit.unitId}`}>
          <h2 id={`unit-${unit.unitId}`}>{unit.title[locale]}</h2>
          <ScrollTable
            labelledBy={`unit-${unit.unitId}`}
            columns={[
              { label: TEXT.exercise[locale] },
              { label: TEXT.attempts[locale], numeric: true },
              { label: TEXT.best[locale], numeric: true },
              { label: TEXT.last[locale] },
            ]}
          >
            {unit.exercises.map((exercise) => {
              const summary = summaryOf.get(exercise.typeId);
              return (
                <tr key={exercise.typeId}>
                  <th scope="row">{exercise.title[locale]}</th>
                  <td className={styles.numeric}>{summary?.attempts ?? 0}</td>
                  <td className={`${styles.numeric} ${summary?.isSolved ? styles.solved : ''}`}>
                    {formatPercent(summary?.best ?? null)} {summary?.isSolved && `✓ ${TEXT.solved[locale]}`}
                  </td>
                  <td><DateTime value={summary ? new Date(summary.lastMs) : null} locale={locale} /></td>
                </tr>
              );
            })}
          </ScrollTable>
        </section>
      ))}
      <section className={styles.section} aria-labelledby="live-title" data-testid="student-live">
        <h2 id="live-title">{TEXT.live[locale]}</h2>
        {record.liveSessions.length === 0 ? (
          <p className="muted">{TEXT.noLive[locale]}</p>
        ) : (
          record.liveSessions.map((session) => (
            <div key={session.sessionId} data-testid="student-live-session">
              <h3 id={`live-${session.sessionId}`}>
                <DateTime value={session.endedAt} locale={locale} /> · {TEXT.rank[locale](session.rank, session.participantCount)} · {session.points}
                {TEXT.points[locale]} · {TEXT.correct[locale]} {session.correct}/{session.questions.length}
              </h3>
              <ScrollTable
                labelledBy={`live-${session.sessionId}`}
                columns={[
                  { label: TEXT.question[locale] },
                  { label: TEXT.grade[locale], numeric: true },
                  { label: TEXT.livePoints[locale], numeric: true },
                  { label: TEXT.mistake[locale] },
                ]}
              >
                {session.questions.map((question) => (
                  <tr key={question.index}>
                    <th scope="row">{question.index + 1}. {question.title[locale]}</th>
                    <td className={`${styles.numeric} ${question.answer?.correct ? styles.solved : ''}`}>
                      {question.answer ? formatPercent(question.answer.score) : <span className="muted">{TEXT.noAnswer[locale]}</span>}
                    </td>
                    <td className={styles.numeric}>{question.answer?.points ?? 0}</td>
                    <td style={{ whiteSpace: 'normal' }}>{describeMistake(question.answer?.mistake ?? null, locale)}</td>
                  </tr>
                ))}
              </ScrollTable>
            </div>
          ))
        )}
      </section>
      <section className={styles.section} aria-labelledby="recent-title">
        <h2 id="recent-title">{TEXT.recent[locale]}</h2>
        {record.recentAttempts.length === 0 ? (
          <p className="muted">{TEXT.none[locale]}</p>
        ) : (
          <ScrollTable
            labelledBy="recent-title"
            columns={[
              { label: TEXT.when[locale] },
              { label: TEXT.exercise[locale] },
              { label: TEXT.score[locale], numeric: true },
              { label: TEXT.mistake[locale] },
            ]}
          >
            {record.recentAttempts.map((attempt, index) => (
              <tr key={index}>
                <td><DateTime value={attempt.createdAt} locale={locale} /></td>
                <td>{titleOf.get(attempt.typeId) ?? attempt.typeId}</td>
                <td className={`${styles.numeric} ${attempt.isCorrect ? styles.solved : ''}`}>{formatPercent(attempt.score)}</td>
                <td style={{ whiteSpace: 'normal' }}>{describeMistake(attempt.mistake, locale)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </>
  );
}

/** The grader's name for a mistake (Markdown, e.g. `*other*`), typeset. */
function describeMistake(mistake: string | null, locale: Locale) {
  if (!mistake) return '—';
  return <InlineMarkdown text={isMistakeId(mistake) ? mistakeCatalogue[mistake][locale] : mistake} />;
}
