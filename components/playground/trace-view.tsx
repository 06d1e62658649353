'use client';

import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import { parseNumber } from '@/engine/exercises/client';
import type { TTraceCell, TraceCellKind } from '@/engine/playground/trace-cell';
import { describeTraceTextProblem, tokenizeTraceText, tokenLabel, TRACE_TEXT_MAX, type TraceTokenization } from '@/engine/playground/trace-tokens';
import type { Matrix } from '@/engine/playground/transformer-trace';
import { fill } from '@/lib/i18n/fill';
import type { Locale } from '@/lib/i18n/locales';
import type { TraceGradePayload, TracePayload, TraceQuestionPayload } from '@/lib/training/trace/trace-schemas';
import { TASK_NAMES } from './playground-text';
import { MATRIX_NAMES, TRACE_STEPS, TRACE_T as T } from './trace-text';
import styles from './trace.module.css';

export interface TraceViewProps {
  runId: string;
  locale: Locale;
  model: { seqLength: number; vocab: number };
  /** A validation sequence of the run, offered as an example of tokens. */
  exampleTokens: number[];
}

/** Marks the history entry a question adds (on top of Next's own state). */
const EXERCISE_ENTRY = 'bplTraceExercise';

type TraceRequest = { text: string; target?: { position: number; token: number } };
type Exercise = { question: TraceQuestionPayload; answer: string; result: TraceGradePayload | null; error: string | null; isPending: boolean };

/**
 * "Your own sentence" on a trained Transformer run: the student's sentence as tokens, the forward
 * pass step by step for a chosen layer and head, the backward pass to the scores for a chosen
 * target, and any score, weight, weighted value or score gradient as a graded question. Every
 * number comes from the server's engine (POST /api/training/runs/<id>/trace); a question's answer
 * never reaches the browser: while a question is open the trace is dropped and fetched again after.
 */
export function TraceView({ runId, locale, model, exampleTokens }: TraceViewProps) {
  const [text, setText] = useState('');
  const [request, setRequest] = useState<TraceRequest | null>(null);
  const [data, setData] = useState<TracePayload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [step, setStep] = useState(0);
  const [layer, setLayer] = useState(0);
  const [head, setHead] = useState(0);
  const [selected, setSelected] = useState<TTraceCell | null>(null);
  const [exercise, setExercise] = useState<Exercise | null>(null);

  const base = `/api/training/runs/${encodeURIComponent(runId)}/trace`;
  const checked = text.trim() === '' ? null : tokenizeTraceText(text, model);
  const inputProblem = checked && !checked.ok ? describeTraceTextProblem(checked.problem)[locale] : null;

  async function load(next: TraceRequest) {
    setIsPending(true);
    setError(null);
    const response = await sendJson<TracePayload>(base, 'POST', next);
    setIsPending(false);
    if (!response.ok) {
      setError(describeApiError(response.error, locale));
      return;
    }
    setRequest(next);
    setData(response.data);
    setLayer((l) => Math.min(l, response.data.trace.layers.length - 1));
    setHead((h) => Math.min(h, response.data.trace.heads - 1));
  }

  function onTrace(event: FormEvent) {
    event.preventDefault();
    if (inputProblem) return;
    setSelected(null);
    void load({ text });
  }

  async function openExercise() {
    if (!request || !selected) return;
    setIsPending(true);
    setError(null);
    const response = await sendJson<TraceQuestionPayload>(`${base}/question`, 'POST', { ...request, cell: selected });
    setIsPending(false);
    if (!response.ok) {
      setError(describeApiError(response.error, locale));
      return;
    }
    // The trace holds the cell's value: it leaves the page while the question is open.
    setData(null);
    setExercise({ question: response.data, answer: '', result: null, error: null, isPending: false });
    window.history.pushState({ ...window.history.state, [EXERCISE_ENTRY]: true }, '');
  }

  async function submitAnswer(event: FormEvent) {
    event.preventDefault();
    if (!request || !exercise) return;
    // Checked here the way the grader reads it, so a typo is named without a round trip (and a 400).
    if (parseNumber(exercise.answer) === null) {
      setExercise({ ...exercise, error: T.notANumber[locale], result: null });
      return;
    }
    setExercise({ ...exercise, isPending: true, error: null, result: null });
    const response = await sendJson<TraceGradePayload>(`${base}/answer`, 'POST', { ...request, cell: exercise.question.cell, answer: exercise.answer });
    setExercise((current) =>
      current && (response.ok ? { ...current, isPending: false, result: response.data, error: null } : { ...current, isPending: false, result: null, error: describeApiError(response.error, locale) }),
    );
  }

  function backToTrace() {
    setExercise(null);
    setSelected(null);
    if (request) void load(request);
  }

  // Opening a question adds a history entry, so the browser's (or the phone's) Back closes the
  // question and returns to the trace on this page instead of leaving the run.
  const onPopState = useEffectEvent((event: PopStateEvent) => {
    if (exercise && !(event.state as Record<string, unknown> | null)?.[EXERCISE_ENTRY]) backToTrace();
  });
  useEffect(() => {
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  /** The panel's own Back: the same history step as the browser's, when the question added one. */
  function leaveExercise() {
    if ((window.history.state as Record<string, unknown> | null)?.[EXERCISE_ENTRY]) window.history.back();
    else backToTrace();
  }

  return (
    <section aria-labelledby="trace-heading" className={styles.trace} data-testid="trace-view">
      <h2 id="trace-heading">{T.heading[locale]}</h2>
      <p className="muted">{T.intro[locale]}</p>
      {exercise ? (
        <ExercisePanel exercise={exercise} locale={locale} onAnswer={(answer) => setExercise({ ...exercise, answer })} onSubmit={submitAnswer} onBack={leaveExercise} />
      ) : (
        <>
          <form onSubmit={onTrace} className={styles.form} noValidate>
            <label htmlFor="trace-text">{T.inputLabel[locale]}</label>
            <input
              id="trace-text"
              name="text"
              value={text}
              maxLength={TRACE_TEXT_MAX}
              onChange={(event) => setText(event.target.value)}
              aria-invalid={inputProblem ? true : undefined}
              aria-describedby="trace-text-hint"
              autoComplete="off"
            />
            <small id="trace-text-hint" className={inputProblem ? 'error' : 'muted'} data-testid="trace-text-hint">
              {inputProblem ??
                (checked?.ok
                  ? fill(T.mapped[locale], { tokens: checked.value.tokens.join(' ') })
                  : fill(T.inputHint[locale], { n: model.seqLength, max: model.vocab - 1, example: exampleTokens.join(' '), chars: TRACE_TEXT_MAX }))}
            </small>
            <p className="button-row">
              <button type="submit" className="button" disabled={isPending || inputProblem !== null || text.trim() === ''}>
                {T.trace[locale]}
              </button>
              <button type="button" className="button secondary" onClick={() => setText(exampleTokens.join(' '))}>
                {T.useExample[locale]} ({exampleTokens.join(' ')})
              </button>
              {model.seqLength === 6 ? (
                <button type="button" className="button secondary" onClick={() => setText(T.exampleSentence[locale])}>
                  {T.exampleSentence[locale]}
                </button>
              ) : null}
            </p>
          </form>
          {isPending ? <p className="muted" role="status">{T.tracing[locale]}</p> : null}
          {error ? <p className="error" role="alert" data-testid="trace-error">{error}</p> : null}
          {data ? (
            <TraceSteps
              data={data}
              locale={locale}
              step={step}
              layer={layer}
              head={head}
              selected={selected}
              isPending={isPending}
              onStep={setStep}
              onLayer={setLayer}
              onHead={setHead}
              onSelect={setSelected}
              onTarget={(target) => request && void load({ ...request, target })}
              onMakeExercise={() => void openExercise()}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

interface TraceStepsProps {
  data: TracePayload;
  locale: Locale;
  step: number;
  layer: number;
  head: number;
  selected: TTraceCell | null;
  isPending: boolean;
  onStep: (step: number) => void;
  onLayer: (layer: number) => void;
  onHead: (head: number) => void;
  onSelect: (cell: TTraceCell) => void;
  onTarget: (target: { position: number; token: number }) => void;
  onMakeExercise: () => void;
}

function TraceSteps({ data, locale, step, layer, head, selected, isPending, onStep, onLayer, onHead, onSelect, onTarget, onMakeExercise }: TraceStepsProps) {
  const { trace, tokenization } = data;
  const current = TRACE_STEPS[step];
  const positions = trace.tokens.map((token, i) => `${i + 1} ${tokenization.labels[i]}`);
  const layerTrace = trace.layers[layer];
  const headTrace = layerTrace.heads[head];
  const say = (out: number[]) => out.map((token) => tokenLabel(token, tokenization)).join(' ');
  const pick = (kind: TraceCellKind): PickOptions => ({
    kind,
    layer,
    head,
    selected,
    onSelect,
    isRowPickable: kind === 'dScore' ? (row) => headTrace.dWeights[row].some((g) => g !== 0) : undefined,
  });
  const matrix = (name: keyof typeof MATRIX_NAMES, rows: Matrix, columns: string[], pickable?: TraceCellKind) => (
    <TraceMatrix key={name} id={name} caption={MATRIX_NAMES[name][locale]} rows={rows} rowLabels={positions} columnLabels={columns} pick={pickable ? pick(pickable) : undefined} />
  );
  const keyColumns = positions;
  const features = (count: number) => Array.from({ length: count }, (_, c) => `${c + 1}`);

  return (
    <div className={styles.steps}>
      <div className={styles.controls}>
        {trace.layers.length > 1 ? (
          <label>
            {T.layer[locale]}
            <select value={layer} onChange={(event) => onLayer(Number(event.target.value))} data-testid="trace-layer">
              {trace.layers.map((_, l) => <option key={l} value={l}>{l + 1}</option>)}
            </select>
          </label>
        ) : null}
        {trace.heads > 1 ? (
          <label>
            {T.head[locale]}
            <select value={head} onChange={(event) => onHead(Number(event.target.value))} data-testid="trace-head">
              {Array.from({ length: trace.heads }, (_, h) => <option key={h} value={h}>{h + 1}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      <nav aria-label={T.steps[locale]}>
        <ol className={styles.stepList}>
          {TRACE_STEPS.map((entry, i) => (
            <li key={entry.id}>
              <button type="button" className={i === step ? styles.stepActive : styles.step} aria-current={i === step ? 'step' : undefined} onClick={() => onStep(i)}>
                {i + 1}. {entry.title[locale]}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="button-row">
        <button type="button" className="button secondary" disabled={step === 0} onClick={() => onStep(step - 1)}>{T.prev[locale]}</button>
        <span data-testid="trace-step-of">{fill(T.stepOf[locale], { i: step + 1, total: TRACE_STEPS.length })}</span>
        <button type="button" className="button secondary" disabled={step === TRACE_STEPS.length - 1} onClick={() => onStep(step + 1)}>{T.next[locale]}</button>
      </div>
      <h3 data-testid="trace-step-title">{current.title[locale]}</h3>
      <p>{current.explain[locale]}</p>
      {['scores', 'softmax', 'weighted', 'backward'].includes(current.id) ? <p className="muted">{T.pickHint[locale]}</p> : null}

      {current.id === 'tokens' ? <TokenTable tokenization={tokenization} tokens={trace.tokens} locale={locale} /> : null}
      {current.id === 'embedding' ? (
        <>
          {matrix('tokenEmbedding', trace.tokenEmbedding, features(trace.dModel))}
          {matrix('positionEmbedding', trace.positionEmbedding, features(trace.dModel))}
          {matrix('embedded', trace.embedded, features(trace.dModel))}
        </>
      ) : null}
      {current.id === 'qkv' ? (
        <>
          {matrix('q', headTrace.q, features(trace.dHead))}
          {matrix('k', headTrace.k, features(trace.dHead))}
          {matrix('v', headTrace.v, features(trace.dHead))}
          <details>
            <summary>Wq, Wk, Wv</summary>
            <TraceMatrix id="wq" caption="Wq" rows={headTrace.wq} rowLabels={features(trace.dModel)} columnLabels={features(trace.dHead)} />
            <TraceMatrix id="wk" caption="Wk" rows={headTrace.wk} rowLabels={features(trace.dModel)} columnLabels={features(trace.dHead)} />
            <TraceMatrix id="wv" caption="Wv" rows={headTrace.wv} rowLabels={features(trace.dModel)} columnLabels={features(trace.dHead)} />
          </details>
        </>
      ) : null}
      {current.id === 'scores' ? matrix('scores', headTrace.scores, keyColumns, 'score') : null}
      {current.id === 'mask' ? (
        <>
          {matrix('mask', layerTrace.mask, keyColumns)}
          {matrix('maskedScores', headTrace.maskedScores, keyColumns)}
        </>
      ) : null}
      {current.id === 'softmax' ? matrix('weights', headTrace.weights, keyColumns, 'weight') : null}
      {current.id === 'weighted' ? matrix('attended', headTrace.attended, features(trace.dHead), 'attended') : null}
      {current.id === 'norm1' ? (
        <>
          {matrix('attention', layerTrace.attention, features(trace.dModel))}
          {matrix('residual1', layerTrace.residual1, features(trace.dModel))}
          {matrix('norm1', layerTrace.norm1, features(trace.dModel))}
        </>
      ) : null}
      {current.id === 'feedForward' ? (
        <>
          {matrix('hidden', layerTrace.hidden, features(layerTrace.hidden[0]?.length ?? 0))}
          {matrix('feedForward', layerTrace.feedForward, features(trace.dModel))}
          {matrix('output', layerTrace.output, features(trace.dModel))}
        </>
      ) : null}
      {current.id === 'output' ? (
        <>
          <p data-testid="trace-predicted">{fill(T.predicted[locale], { out: say(trace.predicted) })}</p>
          <p className="muted">{fill(T.wanted[locale], { task: TASK_NAMES[data.task]?.[locale] ?? data.task, out: say(data.wanted) })}</p>
          {matrix('logits', trace.logits, features(trace.vocab).map((_, t) => tokenLabel(t, tokenization)))}
          {matrix('probabilities', trace.probabilities, features(trace.vocab).map((_, t) => tokenLabel(t, tokenization)))}
        </>
      ) : null}
      {current.id === 'backward' ? (
        <>
          <div className={styles.controls}>
            <label>
              {T.targetPosition[locale]}
              <select value={trace.target.position} disabled={isPending} onChange={(event) => onTarget({ position: Number(event.target.value), token: data.wanted[Number(event.target.value)] })} data-testid="trace-target-position">
                {positions.map((label, i) => <option key={i} value={i}>{label}</option>)}
              </select>
            </label>
            <label>
              {T.targetToken[locale]}
              <select value={trace.target.token} disabled={isPending} onChange={(event) => onTarget({ position: trace.target.position, token: Number(event.target.value) })} data-testid="trace-target-token">
                {Array.from({ length: trace.vocab }, (_, t) => <option key={t} value={t}>{tokenization.vocabulary[t] ? `${t} ${tokenization.vocabulary[t]}` : t}</option>)}
              </select>
            </label>
          </div>
          <p data-testid="trace-loss">{fill(T.loss[locale], { token: tokenLabel(trace.target.token, tokenization), position: trace.target.position + 1, loss: trace.loss })}</p>
          {matrix('dWeights', headTrace.dWeights, keyColumns)}
          {matrix('dScores', headTrace.dScores, keyColumns, 'dScore')}
        </>
      ) : null}

      {selected ? (
        <div className={styles.selection} role="status">
          <span>{fill(T.selected[locale], { cell: cellName(selected) })}</span>
          <button type="button" className="button" onClick={onMakeExercise} disabled={isPending} data-testid="make-exercise">{T.makeExercise[locale]}</button>
        </div>
      ) : null}
    </div>
  );
}

function cellName(cell: TTraceCell): string {
  const symbol = { score: 'S', weight: 'A', attended: 'A·V', dScore: '∂L/∂S' }[cell.kind];
  return `${symbol}(${cell.row + 1}, ${cell.col + 1}) · L${cell.layer + 1} H${cell.head + 1}`;
}

function TokenTable({ tokenization, tokens, locale }: { tokenization: TraceTokenization; tokens: number[]; locale: Locale }) {
  return (
    <div className={`scroll-x ${styles.matrixBox}`}>
      <table className={styles.matrix}>
        <thead>
          <tr><th scope="col">{T.position[locale]}</th><th scope="col">{T.word[locale]}</th><th scope="col">{T.token[locale]}</th></tr>
        </thead>
        <tbody>
          {tokens.map((token, i) => (
            <tr key={i}><td>{i + 1}</td><td>{tokenization.labels[i]}</td><td>{token}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface PickOptions {
  kind: TraceCellKind;
  /** Rows whose cells may be asked about (∂L/∂S: only rows the loss reaches; the others are all 0). */
  isRowPickable?: (row: number) => boolean;
  layer: number;
  head: number;
  selected: TTraceCell | null;
  onSelect: (cell: TTraceCell) => void;
}

/** A matrix in its own sideways-scrolling box; cells of a question kind are buttons. */
function TraceMatrix({ id, caption, rows, rowLabels, columnLabels, pick }: { id: string; caption: string; rows: Matrix; rowLabels: string[]; columnLabels: string[]; pick?: PickOptions }) {
  return (
    <figure className={styles.figure} data-matrix={id}>
      <figcaption>{caption} <span className="muted">[{rows.length}×{rows[0]?.length ?? 0}]</span></figcaption>
      <div className={`scroll-x ${styles.matrixBox}`} tabIndex={0} role="region" aria-label={caption}>
        <table className={styles.matrix}>
          <thead>
            <tr><th scope="col" />{columnLabels.map((label, c) => <th key={c} scope="col">{label}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{rowLabels[r] ?? r + 1}</th>
                {row.map((value, c) => {
                  if (!pick || pick.isRowPickable?.(r) === false) return <td key={c}>{value}</td>;
                  const isSelected = pick.selected?.kind === pick.kind && pick.selected.layer === pick.layer && pick.selected.head === pick.head && pick.selected.row === r && pick.selected.col === c;
                  return (
                    <td key={c} className={styles.pickCell}>
                      <button
                        type="button"
                        className={isSelected ? styles.cellSelected : styles.cell}
                        aria-pressed={isSelected}
                        data-cell={`${pick.kind}-${r}-${c}`}
                        onClick={() => pick.onSelect({ kind: pick.kind, layer: pick.layer, head: pick.head, row: r, col: c })}
                      >
                        {value}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

interface ExercisePanelProps {
  exercise: Exercise;
  locale: Locale;
  onAnswer: (answer: string) => void;
  onSubmit: (event: FormEvent) => void;
  onBack: () => void;
}

function ExercisePanel({ exercise, locale, onAnswer, onSubmit, onBack }: ExercisePanelProps) {
  const { question, result } = exercise;
  return (
    <div className={styles.exercise} data-testid="trace-exercise">
      <h3>{T.question[locale]}: {question.title[locale]}</h3>
      <p data-testid="trace-question-prompt">{question.prompt[locale]}</p>
      <h4>{T.givens[locale]}</h4>
      {question.givens.map((given) => (
        <figure key={given.id} className={styles.figure}>
          <figcaption>{given.label[locale]}</figcaption>
          {Array.isArray(given.values) ? (
            // A row of q or k (d_k numbers) wraps into columns that fit a phone, each with its index: nothing to scroll.
            <ol className={styles.vector} aria-label={given.label[locale]}>
              {given.values.map((value, i) => (
                <li key={i}>
                  <span className={styles.vectorIndex}>{i + 1}</span>
                  <span data-value>{value}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p data-value>{given.values}</p>
          )}
        </figure>
      ))}
      <p className="muted">{question.tolerance[locale]} {T.notStored[locale]}</p>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="trace-answer">{T.answer[locale]}</label>
        <input id="trace-answer" inputMode="decimal" autoComplete="off" value={exercise.answer} onChange={(event) => onAnswer(event.target.value)} />
        <p className="button-row">
          <button type="submit" className="button" disabled={exercise.isPending || exercise.answer.trim() === ''}>{exercise.isPending ? T.checking[locale] : T.submit[locale]}</button>
          <button type="button" className="button secondary" onClick={onBack}>{T.backToTrace[locale]}</button>
        </p>
      </form>
      {exercise.error ? <p className="error" role="alert" data-testid="trace-answer-error">{exercise.error}</p> : null}
      {result ? (
        <p className={result.correct ? 'success' : 'error'} role="status" data-testid="trace-answer-result">
          {result.feedback[locale]}
        </p>
      ) : null}
    </div>
  );
}
