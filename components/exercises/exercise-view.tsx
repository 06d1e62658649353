'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { validateAnswer } from '@/engine/exercises/validate-answer';
import { formatPercent } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TAttemptSummary, TExerciseVariant, TSubmitResult, TSubmitAnswer } from '@/lib/exercises/schemas';
import { describeApiError, sendJson, tryAgainIn, type ApiError } from '@/components/ui/api-client';
import { AnswerInput, cellId, inputKinds } from '@/components/exercises/answer-input';
import { flagInvalidDraft, NO_CELL_FLAGS, unflagCell, type CellFlags } from '@/components/exercises/cell-flags';
import { CompGraphAnswer, isCompGraphGiven } from '@/components/exercises/comp-graph-answer';
import { AttemptHistory } from '@/components/exercises/attempt-history';
import { changedKeys, draftFromAnswer, emptyDraft, pathKey, setAt, type CellPath, type Draft } from '@/components/exercises/draft';
import { MarkdownText } from '@/components/exercises/markdown-text';
import { newSubmissionId } from '@/components/exercises/new-submission-id';
import { format, TEXT } from '@/components/exercises/text';
import { WorkedSolution } from '@/components/exercises/worked-solution';
import styles from '@/components/exercises/exercise-view.module.css';

export interface ExerciseViewProps {
  locale: Locale;
  variant: TExerciseVariant;
  /** The prompt in the viewer's language, rendered on the server (Markdown + KaTeX). */
  promptHtml: string;
  /** Server-rendered HTML of the Markdown known at page load (revealed hints, last feedback). */
  renderedHtml: Record<string, string>;
  attempts: TAttemptSummary[];
}

type Problem = { text: string; action?: 'reload' | 'sign-in' };

/** Retries after a lost connection, with the same submission id, before asking the student. */
const AUTOMATIC_RETRIES = 1;

export function ExerciseView({ locale, variant, promptHtml, renderedHtml, attempts }: ExerciseViewProps) {
  const router = useRouter();
  const idPrefix = useId().replace(/:/g, '');
  const isPreview = variant.mode === 'preview';
  const round = variant.mode === 'student' ? variant.round : 0;
  const draftKey = `bpl-exercise-draft:${variant.typeId}:${round}`;
  const initial = variant.mode === 'student' && variant.lastAttempt ? variant.lastAttempt : null;

  const [initialDraft] = useState<Draft>(() => (initial ? draftFromAnswer(variant.answer, initial.answer) : null) ?? emptyDraft(variant.answer));
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [result, setResult] = useState<TSubmitResult | null>(() =>
    initial && variant.mode === 'student'
      ? { attempt: initial, isRoundOver: false, attemptsLeft: variant.attemptsLeft, hints: variant.hints, solution: null }
      : null,
  );
  const [history, setHistory] = useState<TAttemptSummary[]>(attempts);
  const [editedCells, setEditedCells] = useState<ReadonlySet<string>>(new Set());
  // Boxes a submission found blank, marked until they are filled in.
  const [cellFlags, setCellFlags] = useState<CellFlags>(NO_CELL_FLAGS);
  const [status, setStatus] = useState<'idle' | 'sending' | 'retrying'>('idle');
  const [problem, setProblem] = useState<Problem | null>(null);
  // The shown grade is about the previous answer once a new one is refused (blank or unreadable
  // boxes, or the server refusing its shape): hidden until the next answer is graded, so it never
  // reads as the grade of what is in the boxes now.
  const [isResultStale, setIsResultStale] = useState(false);
  // The id of a submission whose fate is unknown (lost connection, server error): resubmitting
  // the same answer reuses it, so the server counts it once whatever happened.
  const pending = useRef<{ id: string; answerKey: string } | null>(null);
  const isSending = useRef(false);

  // A draft saved in this browser survives a reload or an expired session. It is read after
  // hydration, because the server cannot see sessionStorage and the first render must match.
  useEffect(() => {
    if (isPreview) return;
    const saved = window.sessionStorage.getItem(draftKey);
    if (saved === null) return;
    try {
      const restored = draftFromAnswer(variant.answer, JSON.parse(saved));
      if (!restored) return;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time sync from browser storage after hydration
      setDraft(restored);
      // Cells edited after the last graded attempt no longer carry its verdict.
      setEditedCells(new Set(changedKeys(initialDraft, restored)));
    } catch {
      window.sessionStorage.removeItem(draftKey);
    }
  }, [draftKey, initialDraft, isPreview, variant.answer]);

  const hints = variant.mode === 'preview' ? variant.hints : (result?.hints ?? variant.hints);
  const attemptsLeft = variant.mode === 'student' ? (result ? result.attemptsLeft : variant.attemptsLeft) : 0;
  const isRoundOver = result?.isRoundOver ?? false;
  const isLocked = isPreview || isRoundOver;

  function change(path: CellPath, value: string) {
    const next = setAt(draft, path, value);
    setDraft(next);
    setEditedCells((cells) => new Set([...cells, ...ancestorKeys(path)]));
    if (value.trim() !== '') setCellFlags((flags) => unflagCell(flags, path));
    if (!isPreview) window.sessionStorage.setItem(draftKey, JSON.stringify(next));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (variant.mode !== 'student' || isSending.current || isRoundOver) return;
    const checked = validateAnswer(variant.answer, draft);
    if (!checked.ok) {
      const refused = flagInvalidDraft(checked, locale);
      setCellFlags(refused.flags);
      setProblem({ text: refused.text });
      setIsResultStale(true);
      if (refused.focus) document.getElementById(cellId(idPrefix, refused.focus))?.focus();
      return;
    }
    setCellFlags(NO_CELL_FLAGS);
    const answerKey = JSON.stringify(draft);
    if (pending.current?.answerKey !== answerKey) pending.current = { id: newSubmissionId(), answerKey };
    const body: TSubmitAnswer = { answer: draft, round: variant.round, clientSubmissionId: pending.current.id };

    isSending.current = true;
    setStatus('sending');
    setProblem(null);
    try {
      const url = `/api/exercises/${encodeURIComponent(variant.typeId)}/submit`;
      const response = await sendJson<TSubmitResult>(url, 'POST', body, { retries: AUTOMATIC_RETRIES, onRetry: () => setStatus('retrying') });
      if (response.ok) {
        pending.current = null;
        show(response.data);
        return;
      }
      // A 4xx is an answer about this submission; a 5xx or no answer at all leaves its fate unknown, so keep the id.
      if (response.error.status >= 400 && response.error.status < 500) pending.current = null;
      if (response.error.code === 'UNPROCESSABLE' || response.error.code === 'BAD_REQUEST') setIsResultStale(true);
      setProblem(describeProblem(response.error, locale));
    } finally {
      isSending.current = false;
      setStatus('idle');
    }
  }

  function show(next: TSubmitResult) {
    setResult(next);
    setIsResultStale(false);
    setEditedCells(new Set());
    setHistory((rows) => (rows.some((row) => row.id === next.attempt.id) ? rows : [summaryOf(next), ...rows]));
    if (next.isRoundOver) window.sessionStorage.removeItem(draftKey);
  }

  const attempt = result && !isResultStale ? result.attempt : null;
  const kinds = inputKinds(variant.answer);
  const help = kinds.hasGrid ? TEXT.gridHelp[locale] : kinds.hasNumbers ? TEXT.numberHelp[locale] : null;
  const firstWrongLabel = attempt?.firstWrong ? fieldLabel(variant, attempt.firstWrong, locale) : null;
  // The feedback sentence may already name the first wrong field ("Start by checking σ(z)"): say it once.
  const isFirstWrongUnsaid = firstWrongLabel !== null && attempt !== null && !attempt.feedback[locale].includes(firstWrongLabel);

  // The same answer grid props whether the type draws its own figure (comp-graph) or not.
  const answerProps = {
    spec: variant.answer,
    draft,
    label: TEXT.answer[locale],
    locale,
    parts: attempt?.parts ?? null,
    editedCells,
    cellFlags,
    firstWrong: attempt?.firstWrong ?? null,
    isDisabled: isLocked || status !== 'idle',
    idPrefix,
    onChange: change,
  };
  return (
    <div className={styles.view}>
      {variant.mode === 'preview' ? (
        <p className={styles.notice} role="note">{format(TEXT.preview[locale], { seed: variant.seed })}</p>
      ) : (
        <p className={styles.meta}>
          <span>{TEXT.variant[locale]} {variant.round + 1}</span>
          <span>
            {TEXT.attemptsLeft[locale]}: <strong data-testid="attempts-left">{attemptsLeft}</strong> / {variant.maxAttempts}
          </span>
        </p>
      )}

      <section className={styles.prompt} aria-label={locale === 'ko' ? '문제' : 'Problem'} dangerouslySetInnerHTML={{ __html: promptHtml }} />
      <p className="muted">
        <small>{TEXT.tolerance[locale]}: {variant.tolerance[locale]}</small>
      </p>

      <form className={styles.form} onSubmit={submit} noValidate>
        <h2 className={styles.heading}>{TEXT.answer[locale]}</h2>
        {help ? (
          <p className="muted" id={`${idPrefix}-help`}>
            <small>{help}</small>
          </p>
        ) : null}
        {variant.typeId === 'comp-graph' && isCompGraphGiven(variant.given) ? <CompGraphAnswer given={variant.given} {...answerProps} /> : <AnswerInput {...answerProps} />}
        {!isPreview && !isRoundOver ? (
          <p className={styles.actions}>
            <button className="button" type="submit" disabled={status !== 'idle'} aria-describedby={`${idPrefix}-status`}>
              {status === 'idle' ? TEXT.submit[locale] : TEXT.submitting[locale]}
            </button>
          </p>
        ) : null}
        <div id={`${idPrefix}-status`} role="status" aria-live="polite" className={styles.status}>
          {status === 'retrying' ? <p className="muted">{TEXT.retrying[locale]}</p> : null}
          {problem ? (
            <p className="error">
              {problem.text}{' '}
              {problem.action === 'reload' ? (
                <button type="button" className="button secondary" onClick={() => router.refresh()}>{TEXT.reload[locale]}</button>
              ) : null}
              {problem.action === 'sign-in' ? (
                <Link href={`/signin?callbackUrl=${encodeURIComponent(`/exercises/${variant.typeId}`)}`}>{TEXT.signInAgain[locale]}</Link>
              ) : null}
            </p>
          ) : null}
        </div>
      </form>

      {attempt ? (
        <section className={styles.result} aria-live="polite" data-testid="result" data-correct={attempt.correct}>
          <h2 className={styles.heading}>
            {attempt.correct ? `✓ ${TEXT.correct[locale]}` : `✗ ${TEXT.wrong[locale]}`}
            <span className={styles.score}>
              {TEXT.score[locale]} <strong data-testid="score">{formatPercent(attempt.score)}</strong>
            </span>
          </h2>
          {attempt.mistake ? <h3 className={styles.subheading}>{TEXT.mistake[locale]}</h3> : null}
          <MarkdownText key={attempt.feedback[locale]} markdown={attempt.feedback[locale]} html={renderedHtml[attempt.feedback[locale]]} className={styles.feedback} />
          {isFirstWrongUnsaid ? (
            <p>
              {TEXT.firstWrong[locale]}: <strong>{firstWrongLabel}</strong>
            </p>
          ) : null}
          {isRoundOver ? (
            <p className={styles.actions}>
              <span>{attempt.correct ? TEXT.solvedRoundOver[locale] : TEXT.noAttemptsLeft[locale]}</span>{' '}
              <button type="button" className="button" onClick={() => router.refresh()}>{TEXT.newVariant[locale]}</button>
            </p>
          ) : null}
        </section>
      ) : null}

      {isRoundOver && result?.solution ? <WorkedSolution steps={result.solution} locale={locale} /> : null}

      <section className={styles.hints} aria-label={TEXT.hints[locale]}>
        <h2 className={styles.heading}>{TEXT.hints[locale]}</h2>
        {hints.length === 0 ? <p className="muted">{TEXT.hintsAfterWrong[locale]}</p> : null}
        <ol>
          {hints.map((hint, index) => (
            <li key={index} data-testid="hint">
              <span className="muted">{format(TEXT.hintOf[locale], { n: index + 1, total: variant.hintCount })}</span>
              <MarkdownText key={hint[locale]} markdown={hint[locale]} html={renderedHtml[hint[locale]]} />
            </li>
          ))}
        </ol>
      </section>

      {isPreview ? null : <AttemptHistory attempts={history} locale={locale} shownAttemptId={attempt?.id ?? null} />}
    </div>
  );
}

function describeProblem(error: ApiError, locale: Locale): Problem {
  switch (error.code) {
    case 'UNAUTHORIZED':
      return { text: TEXT.sessionExpired[locale], action: 'sign-in' };
    case 'CONFLICT':
      return { text: TEXT.replaced[locale], action: 'reload' };
    case 'RATE_LIMITED':
      return { text: tryAgainIn(error.retryAfterSeconds ?? 60, locale) };
    case 'NETWORK':
      return { text: TEXT.network[locale] };
    // The server's sentence says what is wrong with the answer, in the viewer's language.
    case 'UNPROCESSABLE':
    case 'BAD_REQUEST':
      return { text: error.text?.[locale] ?? error.message };
    default:
      return { text: describeApiError(error, locale) };
  }
}

/** An edit to a cell also makes its field's verdict stale. */
function ancestorKeys(path: CellPath): string[] {
  return path.map((_, index) => pathKey(path.slice(0, index + 1)));
}

function fieldLabel(variant: TExerciseVariant, name: string, locale: Locale): string {
  const spec = variant.answer;
  return spec.kind === 'fields' ? (spec.fields[name]?.label?.[locale] ?? name) : name;
}

function summaryOf({ attempt }: TSubmitResult): TAttemptSummary {
  return {
    id: attempt.id,
    round: attempt.round,
    attemptNumber: attempt.attemptNumber,
    score: attempt.score,
    correct: attempt.correct,
    mistake: attempt.mistake,
    createdAt: attempt.createdAt,
  };
}
