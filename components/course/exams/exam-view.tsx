'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { validateAnswer } from '@/engine/exercises/validate-answer';
import type { TExamAnswerResult, TExamQuestionView, TStudentExam } from '@/lib/course/exams/exam-schemas';
import { fill } from '@/lib/i18n/fill';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import { DateTime } from '@/components/ui/date-time';
import { Filled } from '@/components/ui/filled';
import { AnswerInput } from '@/components/exercises/answer-input';
import { flagInvalidDraft, NO_CELL_FLAGS, unflagCell, type CellFlags } from '@/components/exercises/cell-flags';
import { CompGraphAnswer, isCompGraphGiven } from '@/components/exercises/comp-graph-answer';
import { draftFromAnswer, emptyDraft, pathKey, setAt, type CellPath, type Draft } from '@/components/exercises/draft';
import { MarkdownText } from '@/components/exercises/markdown-text';
import { newSubmissionId } from '@/components/exercises/new-submission-id';
import { WorkedSolution } from '@/components/exercises/worked-solution';
import exercise from '@/components/exercises/exercise-view.module.css';
import { EXAM_STATUS_TEXT } from '@/lib/course/exams/exam-status-text';
import { FEEDBACK_TEXT, formatRemaining } from './exam-text';
import styles from './exam.module.css';

const TEXT = {
  className: { ko: '수업: {name}', en: 'Class: {name}' },
  window: { ko: '응시 기간', en: 'Window' },
  limit: { ko: '제한 시간: {n}분 (시작한 순간부터, 응시 기간이 끝나면 그때 종료)', en: 'Time limit: {n} min from when you begin (ending at the window’s close at the latest)' },
  extra: { ko: '추가 시간: {n}분', en: 'Extra time: {n} min' },
  attempts: { ko: '문제마다 시도 {n}번', en: '{n} attempt(s) per question' },
  decay: { ko: '두 번째 시도부터 시도마다 {n}%씩 덜 인정', en: 'each later attempt earns {n} % less' },
  noHints: { ko: '힌트는 없습니다. 문제와 숫자는 학생마다 다르고 순서도 섞여 있습니다.', en: 'No hints. Every student has their own numbers and question order.' },
  autoSubmit: { ko: '시간이 끝나면 서버가 시험을 자동으로 제출합니다. 보내지 않은 답은 들어가지 않습니다. 새로 고치거나 다른 탭을 열어도 시간은 다시 시작하지 않습니다.', en: 'When time is up the server submits your exam automatically; answers you have not sent do not count. Reloading or opening another tab never restarts the timer.' },
  honour: { ko: '시험 동안 다른 사람의 도움을 받거나 주지 않고, 허용되지 않은 자료를 쓰지 않겠습니다 (명예 서약).', en: 'I will neither give nor receive help during this exam and will use no unauthorised material (honour code).' },
  begin: { ko: '시험 시작', en: 'Begin the exam' },
  notOpen: { ko: '시험이 {date}에 열립니다.', en: 'The exam opens {date}.' },
  closed: { ko: '응시 기간이 끝났습니다.', en: 'The exam window has closed.' },
  left: { ko: '남은 시간', en: 'Time left' },
  question: { ko: '문제 {n} / {total}', en: 'Question {n} of {total}' },
  points: { ko: '{n}점', en: '{n} pt' },
  tolerance: { ko: '허용 오차', en: 'Tolerance' },
  answer: { ko: '답', en: 'Answer' },
  send: { ko: '답 내기 (시도 {k}/{n})', en: 'Submit answer (attempt {k} of {n})' },
  sendCredit: { ko: '답 내기 (시도 {k}/{n}, {pct}% 인정)', en: 'Submit answer (attempt {k} of {n}, {pct} % credit)' },
  sending: { ko: '보내는 중…', en: 'Sending…' },
  received: { ko: '답을 받았습니다 (시도 {k}/{n}). 채점 결과는 공개 후에 볼 수 있습니다.', en: 'Answer received (attempt {k} of {n}). Grading is shown after release.' },
  noAttemptsLeft: { ko: '이 문제의 시도를 모두 썼습니다.', en: 'No attempts left on this question.' },
  right: { ko: '✓ 맞았습니다', en: '✓ Right' },
  wrong: { ko: '✗ 틀렸습니다', en: '✗ Not right' },
  earned: { ko: '점수 {score}% · 인정 {credit}%', en: 'Score {score} % · credit {credit} %' },
  finish: { ko: '시험 제출', en: 'Hand in the exam' },
  confirmFinish: { ko: '시험을 제출할까요? 제출하면 더 이상 답을 낼 수 없습니다.', en: 'Hand in your exam? You cannot answer any more after that.' },
  ended: { ko: '시험이 끝났습니다: {status}', en: 'Your exam has ended: {status}' },
  score: { ko: '점수: {score} / {total}점', en: 'Score: {score} / {total} points' },
  awaiting: { ko: '교수자가 결과를 공개하면 점수와 풀이를 볼 수 있습니다.', en: 'Your score and the solutions appear once the instructor releases the results.' },
  yourAnswer: { ko: '낸 답', en: 'Your answer' },
  noAnswer: { ko: '답을 내지 않았습니다.', en: 'No answer submitted.' },
  timeUp: { ko: '시간이 끝났습니다. 서버에서 제출 상태를 확인하는 중…', en: 'Time is up. Checking with the server…' },
  invalidDraft: { ko: '답의 형식을 확인하세요.', en: 'Check the format of your answer.' },
} satisfies Record<string, Localized>;

export interface ExamViewProps {
  locale: Locale;
  initial: TStudentExam;
  /** Each question's prompt in the viewer's language, rendered on the server (Markdown + KaTeX). */
  promptHtml: Record<string, string>;
}

/**
 * The student's exam, phone-first. The server is the only clock: the countdown starts from the
 * remainingMs of the last response (never from the browser's date), and at zero the page asks the
 * server, which has closed the exam by then.
 */
export function ExamView({ locale, initial, promptHtml }: ExamViewProps) {
  const router = useRouter();
  const exam = initial;
  const [accepted, setAccepted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const remaining = useCountdown(exam.status === 'IN_PROGRESS' ? (exam.session?.remainingMs ?? null) : null, () => {
    // The deadline has passed on the server's clock by now: reload the server's view (it closes the exam).
    router.refresh();
  });

  async function begin() {
    setIsBusy(true);
    setProblem(null);
    const result = await sendJson<TStudentExam>(`/api/course/exams/${exam.exam.id}/start`, 'POST', { honourCode: true });
    setIsBusy(false);
    if (!result.ok) return setProblem(describeApiError(result.error, locale));
    router.refresh();
  }

  async function finish() {
    if (!window.confirm(TEXT.confirmFinish[locale])) return;
    setIsBusy(true);
    const result = await sendJson<TStudentExam>(`/api/course/exams/${exam.exam.id}/submit`, 'POST', undefined, { retries: 1 });
    setIsBusy(false);
    if (!result.ok) return setProblem(describeApiError(result.error, locale));
    router.refresh();
  }

  const info = exam.exam;
  return (
    <div className={exercise.view}>
      <div>
        <h1>{info.title}</h1>
        <p className="muted">{fill(TEXT.className[locale], { name: info.className })}</p>
      </div>
      {exam.status === 'NOT_STARTED' ? (
        <section className="card" aria-labelledby="exam-rules">
          <h2 id="exam-rules">{TEXT.window[locale]}</h2>
          <p>
            <DateTime value={info.opensAt} locale={locale} /> – <DateTime value={info.closesAt} locale={locale} />
          </p>
          <ul className={styles.facts}>
            <li>{fill(TEXT.limit[locale], { n: info.timeLimitMinutes })}</li>
            {exam.extraMinutes > 0 && <li>{fill(TEXT.extra[locale], { n: exam.extraMinutes })}</li>}
            <li>
              {fill(TEXT.attempts[locale], { n: info.maxAttempts })}
              {info.maxAttempts > 1 && info.creditDecayPct > 0 && `; ${fill(TEXT.decay[locale], { n: info.creditDecayPct })}`}
            </li>
            <li>{FEEDBACK_TEXT[info.feedback][locale]}</li>
            <li>{TEXT.noHints[locale]}</li>
            <li>{TEXT.autoSubmit[locale]}</li>
          </ul>
          {exam.phase === 'OPEN' && (
            <>
              <label className={styles.honour}>
                <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} data-testid="honour-code" />
                <span>{TEXT.honour[locale]}</span>
              </label>
              <button type="button" className="button" disabled={!accepted || isBusy} onClick={begin}>{TEXT.begin[locale]}</button>
            </>
          )}
          {exam.phase === 'NOT_OPEN' && <p><strong><Filled template={TEXT.notOpen[locale]} values={{ date: <DateTime value={info.opensAt} locale={locale} /> }} /></strong></p>}
          {exam.phase === 'CLOSED' && <p><strong>{TEXT.closed[locale]}</strong></p>}
        </section>
      ) : null}

      {exam.status === 'IN_PROGRESS' && remaining !== null && (
        <div className={styles.timer} data-low={remaining < 60_000} role="timer" aria-label={TEXT.left[locale]}>
          <span>{TEXT.left[locale]}</span>
          <span className={styles.clock} data-testid="exam-clock">{formatRemaining(remaining)}</span>
        </div>
      )}
      {exam.status === 'IN_PROGRESS' && remaining === 0 && <p role="status">{TEXT.timeUp[locale]}</p>}

      {(exam.status === 'SUBMITTED' || exam.status === 'TIMED_OUT') && (
        <section className="card" data-testid="exam-ended">
          <h2>{fill(TEXT.ended[locale], { status: EXAM_STATUS_TEXT[exam.status][locale] })}</h2>
          {exam.score !== null ? (
            <p><strong data-testid="exam-score">{fill(TEXT.score[locale], { score: round2(exam.score), total: info.totalPoints })}</strong></p>
          ) : (
            <p className="muted">{TEXT.awaiting[locale]}</p>
          )}
        </section>
      )}

      {exam.questions.map((question) => (
        <ExamQuestion
          key={`${question.typeId}:${exam.status}`}
          locale={locale}
          examId={info.id}
          total={exam.questions.length}
          maxAttempts={info.maxAttempts}
          question={question}
          html={promptHtml[question.typeId] ?? ''}
          isOpen={exam.status === 'IN_PROGRESS' && remaining !== 0}
          onTimeUp={() => router.refresh()}
        />
      ))}

      {exam.status === 'IN_PROGRESS' && (
        <p className={styles.actions}>
          <button type="button" className="button" onClick={finish} disabled={isBusy} data-testid="finish-exam">{TEXT.finish[locale]}</button>
        </p>
      )}
      {problem && <p className="error" role="alert">{problem}</p>}
    </div>
  );
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Milliseconds left, counted down from the server's figure with the browser's monotonic clock; null when not running. */
function useCountdown(serverRemainingMs: number | null, onZero: () => void): number | null {
  const [left, setLeft] = useState(serverRemainingMs);
  const onZeroRef = useRef(onZero);
  useEffect(() => {
    onZeroRef.current = onZero;
  });
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- restart the countdown from each new server figure
    setLeft(serverRemainingMs);
    if (serverRemainingMs === null) return;
    const receivedAt = performance.now();
    let fired = false;
    const timer = window.setInterval(() => {
      const next = Math.max(0, serverRemainingMs - (performance.now() - receivedAt));
      setLeft(next);
      if (next === 0 && !fired) {
        fired = true;
        // A moment's grace so the server's clock is past the deadline too.
        window.setTimeout(() => onZeroRef.current(), 1000);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [serverRemainingMs]);
  return left;
}

interface ExamQuestionProps {
  locale: Locale;
  examId: string;
  total: number;
  maxAttempts: number;
  question: TExamQuestionView;
  html: string;
  isOpen: boolean;
  onTimeUp: () => void;
}

function ExamQuestion({ locale, examId, total, maxAttempts, question, html, isOpen, onTimeUp }: ExamQuestionProps) {
  const idPrefix = `q-${useId().replace(/:/g, '')}`;
  const [draft, setDraft] = useState<Draft>(() => (question.lastAnswer ? draftFromAnswer(question.answer, question.lastAnswer) : null) ?? emptyDraft(question.answer));
  const [state, setState] = useState({ attemptsUsed: question.attemptsUsed, attemptsLeft: question.attemptsLeft, nextCreditFactor: question.nextCreditFactor, feedback: question.lastFeedback, lastSent: question.attemptsUsed });
  const [cellFlags, setCellFlags] = useState<CellFlags>(NO_CELL_FLAGS);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const pending = useRef<{ id: string; key: string } | null>(null);

  function change(path: CellPath, value: string) {
    setDraft((current) => setAt(current, path, value));
    setEdited((cells) => new Set([...cells, pathKey(path)]));
    if (value.trim() !== '') setCellFlags((flags) => unflagCell(flags, path));
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (isSending || !isOpen) return;
    const checked = validateAnswer(question.answer, draft);
    if (!checked.ok) {
      const refused = flagInvalidDraft(checked, locale);
      setCellFlags(refused.flags);
      setProblem(refused.text || TEXT.invalidDraft[locale]);
      return;
    }
    const key = JSON.stringify(draft);
    // A retry of the same answer after a lost connection reuses its id: the server counts it once.
    if (pending.current?.key !== key) pending.current = { id: newSubmissionId(), key };
    setIsSending(true);
    setProblem(null);
    const result = await sendJson<TExamAnswerResult>(`/api/course/exams/${examId}/answers`, 'POST', { typeId: question.typeId, answer: draft, clientSubmissionId: pending.current.id }, { retries: 1 });
    setIsSending(false);
    if (!result.ok) {
      if (result.error.status > 0 && result.error.status < 500) pending.current = null;
      setProblem(describeApiError(result.error, locale));
      if (result.error.code === 'CONFLICT') onTimeUp();
      return;
    }
    pending.current = null;
    setEdited(new Set());
    setState({ attemptsUsed: result.data.attemptNumber, attemptsLeft: result.data.attemptsLeft, nextCreditFactor: result.data.nextCreditFactor, feedback: result.data.feedback, lastSent: result.data.attemptNumber });
  }

  const canAnswer = isOpen && state.attemptsLeft > 0;
  const feedback = state.feedback;
  const parts = feedback && edited.size === 0 ? feedback.parts : null;
  const inputProps = {
    spec: question.answer,
    draft,
    label: TEXT.answer[locale],
    locale,
    parts,
    editedCells: edited,
    cellFlags,
    firstWrong: feedback?.firstWrong ?? null,
    isDisabled: !canAnswer || isSending,
    idPrefix,
    onChange: change,
  };
  const nextAttempt = state.attemptsUsed + 1;
  const sendLabel = state.nextCreditFactor < 1
    ? fill(TEXT.sendCredit[locale], { k: nextAttempt, n: maxAttempts, pct: Math.round(state.nextCreditFactor * 100) })
    : fill(TEXT.send[locale], { k: nextAttempt, n: maxAttempts });

  return (
    <section className={styles.question} aria-labelledby={`${idPrefix}-title`} data-testid="exam-question" data-type={question.typeId}>
      <h2 className={styles.questionHead} id={`${idPrefix}-title`}>
        <span>{fill(TEXT.question[locale], { n: question.number, total })}: {question.title[locale]}</span>
        <span className="muted">{fill(TEXT.points[locale], { n: question.points })}</span>
      </h2>
      <div className={exercise.prompt} dangerouslySetInnerHTML={{ __html: html }} />
      <p className="muted"><small>{TEXT.tolerance[locale]}: {question.tolerance[locale]}</small></p>
      <form onSubmit={send} noValidate className={exercise.fields}>
        {question.typeId === 'comp-graph' && isCompGraphGiven(question.given) ? <CompGraphAnswer given={question.given} {...inputProps} /> : <AnswerInput {...inputProps} />}
        {canAnswer ? (
          <p className={styles.actions}>
            <button type="submit" className="button" disabled={isSending}>{isSending ? TEXT.sending[locale] : sendLabel}</button>
          </p>
        ) : isOpen ? (
          <p className="muted">{TEXT.noAttemptsLeft[locale]}</p>
        ) : null}
        <div role="status" aria-live="polite">
          {problem && <p className="error">{problem}</p>}
          {state.lastSent > 0 && !feedback && isOpen && <p className={styles.received} data-testid="answer-received">{fill(TEXT.received[locale], { k: state.lastSent, n: maxAttempts })}</p>}
        </div>
      </form>
      {!isOpen && state.attemptsUsed === 0 && <p className="muted">{TEXT.noAnswer[locale]}</p>}
      {feedback && (
        <div className={exercise.result} data-testid="exam-feedback" data-correct={feedback.correct}>
          <p><strong>{feedback.correct ? TEXT.right[locale] : TEXT.wrong[locale]}</strong> · {fill(TEXT.earned[locale], { score: Math.round(feedback.score * 100), credit: Math.round(feedback.credit * 100) })}</p>
          <MarkdownText key={feedback.feedback[locale]} markdown={feedback.feedback[locale]} className={exercise.feedback} />
        </div>
      )}
      {question.solution && <WorkedSolution steps={question.solution} locale={locale} />}
    </section>
  );
}
