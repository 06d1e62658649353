'use client';

import { useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Localized } from '@/lib/i18n/locales';
import { FigureFrame } from '@/components/figures/figure-frame';
import { COMMON_TEXT, type FigureProps } from '@/components/figures/figure-text';
import { fill } from '@/lib/i18n/fill';
import { formatNumber } from '@/components/figures/format-number';
import { NumberInput } from '@/components/figures/number-input';
import { SliderField } from '@/components/figures/slider-field';
import { LSTM_DEFAULTS, MAX_INPUT, MAX_SEQUENCE_LENGTH, parseSequence, runLstm, type LstmSetup, type LstmStepValues } from '@/components/figures/lstm-gates-model';
import shared from '@/components/figures/figure.module.css';
import styles from '@/components/figures/lstm-gates.module.css';

const TEXT = {
  title: { ko: 'LSTM 게이트 값의 변화', en: 'LSTM gate values over a sequence' },
  caption: {
    ko: '입력 하나, 은닉 상태 하나인 LSTM에 본문 예제의 가중치([w_h, w_x]: 망각 [1, 1.5], 입력 [2, −1], 후보 [0, 1], 출력 [2, 0])를 넣고 엔진의 lstmCell로 한 단계씩 계산합니다. 막대의 길이가 게이트 값(0~1)입니다.',
    en: 'A one-input, one-unit LSTM with the worked example’s weights ([w_h, w_x]: forget [1, 1.5], input [2, −1], candidate [0, 1], output [2, 0]), computed step by step with the engine’s lstmCell. Bar length is the gate value (0 to 1).',
  },
  sequence: { ko: '입력 시퀀스 x₁, x₂, … (쉼표로 구분)', en: 'Input sequence x₁, x₂, … (comma-separated)' },
  sequenceHelp: { ko: '숫자 1~{max}개, 각각 −{limit}~{limit}', en: '1 to {max} numbers, each from −{limit} to {limit}' },
  errors: {
    empty: { ko: '숫자를 하나 이상 입력하세요.', en: 'Enter at least one number.' },
    notNumber: { ko: '숫자만 쉼표로 구분해 입력하세요 (예: 1, -2, 0.5).', en: 'Enter numbers separated by commas (e.g. 1, -2, 0.5).' },
    tooLong: { ko: '숫자는 최대 {max}개까지입니다.', en: 'At most {max} numbers.' },
    outOfRange: { ko: '각 숫자는 −{limit}에서 {limit} 사이여야 합니다.', en: 'Each number must be from −{limit} to {limit}.' },
  },
  h0: { ko: '초기 은닉 상태 h₀', en: 'Initial hidden state h₀' },
  c0: { ko: '초기 셀 상태 C₀', en: 'Initial cell state C₀' },
  forgetBias: { ko: '망각 게이트 편향 b_f', en: 'Forget-gate bias b_f' },
  step: { ko: '단계', en: 'Step' },
  stepsLabel: { ko: '시간 단계 (화살표 키로 이동)', en: 'Time steps (arrow keys move)' },
  forget: { ko: '망각 f', en: 'forget f' },
  input: { ko: '입력 i', en: 'input i' },
  candidate: { ko: '후보 C̃', en: 'candidate C̃' },
  output: { ko: '출력 o', en: 'output o' },
  cell: { ko: '셀 상태 C', en: 'cell C' },
  hidden: { ko: '은닉 h', en: 'hidden h' },
  update: { ko: '셀 갱신', en: 'Cell update' },
} satisfies Record<string, Localized | Record<string, Localized>>;

type Row = { key: keyof LstmStepValues; label: Localized; isGate: boolean };
const ROWS: Row[] = [
  { key: 'f', label: TEXT.forget, isGate: true },
  { key: 'i', label: TEXT.input, isGate: true },
  { key: 'g', label: TEXT.candidate, isGate: false },
  { key: 'o', label: TEXT.output, isGate: true },
  { key: 'c', label: TEXT.cell, isGate: false },
  { key: 'h', label: TEXT.hidden, isGate: false },
];

export default function LstmGates({ locale }: FigureProps) {
  const [text, setText] = useState(LSTM_DEFAULTS.sequence.join(', '));
  const [setup, setSetup] = useState<LstmSetup>(LSTM_DEFAULTS);
  const [step, setStep] = useState(0);
  const steps = useMemo(() => runLstm(setup), [setup]);
  const parsed = parseSequence(text);
  const current = Math.min(step, steps.length - 1);
  const values = steps[current];
  const limits = { max: MAX_SEQUENCE_LENGTH, limit: MAX_INPUT };

  const onSequence = (next: string) => {
    setText(next);
    const result = parseSequence(next);
    if ('sequence' in result) setSetup((old) => ({ ...old, sequence: result.sequence }));
  };
  const onStepsKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: steps.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setStep(Math.max(0, Math.min(steps.length - 1, moves[event.key])));
  };
  const update = `C${sub(current + 1)} = f·C${sub(current)} + i·C̃ = ${formatNumber(values.f)}·${formatNumber(values.cPrevious)} + ${formatNumber(values.i)}·${formatNumber(values.g)} = ${formatNumber(values.c)}; h${sub(current + 1)} = o·tanh(C) = ${formatNumber(values.h)}`;

  const table = (
    <table className={shared.numbers} data-testid="lstm-table">
      <thead>
        <tr>
          <th scope="col">{TEXT.step[locale]}</th>
          <th scope="col">x</th>
          {ROWS.map((row) => (
            <th key={row.key} scope="col">{row.label[locale]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {steps.map((values, index) => (
          <tr key={index}>
            <th scope="row">{index + 1}</th>
            <td>{formatNumber(values.x)}</td>
            {ROWS.map((row) => (
              <td key={row.key}>{formatNumber(values[row.key])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <FigureFrame name="lstm-gates" locale={locale} title={TEXT.title[locale]} caption={TEXT.caption[locale]} table={table}>
      <div className={shared.controls}>
        <div className={`${shared.field} ${styles.sequenceField}`}>
          <label htmlFor="lstm-sequence">{TEXT.sequence[locale]}</label>
          <input
            id="lstm-sequence"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(event) => onSequence(event.target.value)}
            aria-invalid={'error' in parsed}
            aria-describedby="lstm-sequence-help"
          />
          <span id="lstm-sequence-help" className={'error' in parsed ? shared.inputError : shared.hint} role={'error' in parsed ? 'alert' : undefined}>
            {'error' in parsed ? `${fill(TEXT.errors[parsed.error][locale], limits)} ${COMMON_TEXT.kept[locale]}` : fill(TEXT.sequenceHelp[locale], limits)}
          </span>
        </div>
        <div className={shared.field}>
          <label htmlFor="lstm-h0">{TEXT.h0[locale]}</label>
          <NumberInput id="lstm-h0" value={setup.h0} min={-1} max={1} locale={locale} onChange={(h0) => setSetup((old) => ({ ...old, h0 }))} />
        </div>
        <div className={shared.field}>
          <label htmlFor="lstm-c0">{TEXT.c0[locale]}</label>
          <NumberInput id="lstm-c0" value={setup.c0} min={-10} max={10} locale={locale} onChange={(c0) => setSetup((old) => ({ ...old, c0 }))} />
        </div>
        <SliderField id="lstm-forget-bias" label={TEXT.forgetBias[locale]} value={setup.forgetBias} min={-5} max={5} step={0.5} onChange={(forgetBias) => setSetup((old) => ({ ...old, forgetBias }))} />
        <div className={shared.buttons}>
          <button type="button" onClick={() => { setSetup(LSTM_DEFAULTS); setText(LSTM_DEFAULTS.sequence.join(', ')); setStep(0); }}>{COMMON_TEXT.reset[locale]}</button>
        </div>
      </div>

      <div className={shared.scroll}>
        <div className={styles.chart} style={{ '--steps': steps.length } as CSSProperties} role="group" tabIndex={0} aria-label={TEXT.stepsLabel[locale]} onKeyDown={onStepsKey} data-testid="lstm-chart">
          <div className={styles.chartRow}>
            <span className={styles.rowLabel}>x</span>
            {steps.map((values, index) => (
              <button key={index} type="button" tabIndex={-1} className={`${styles.stepHead} ${index === current ? styles.currentColumn : ''}`} onClick={() => setStep(index)} aria-pressed={index === current}>
                <span className={styles.stepNumber}>t={index + 1}</span> {formatNumber(values.x)}
              </button>
            ))}
          </div>
          {ROWS.map((row) => (
            <div key={row.key} className={styles.chartRow}>
              <span className={styles.rowLabel}>{row.label[locale]}</span>
              {steps.map((values, index) => (
                <span key={index} className={`${styles.value} ${index === current ? styles.currentColumn : ''}`} data-gate={row.key}>
                  {row.isGate && <span className={styles.bar} style={{ width: `${Math.round(values[row.key] * 100)}%` }} aria-hidden="true" />}
                  <span className={styles.valueText}>{formatNumber(values[row.key])}</span>
                </span>
              ))}
            </div>
          ))}
        </div>
      </div>

      <div className={shared.buttons}>
        <button type="button" onClick={() => setStep(current - 1)} disabled={current === 0}>◀ {COMMON_TEXT.previous[locale]}</button>
        <button type="button" onClick={() => setStep(current + 1)} disabled={current === steps.length - 1}>{COMMON_TEXT.next[locale]} ▶</button>
      </div>
      <p className={shared.numbers} aria-live="polite" data-testid="lstm-update">
        <strong>{TEXT.step[locale]} {current + 1} · {TEXT.update[locale]}:</strong> {update}
      </p>
    </FigureFrame>
  );
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function sub(n: number): string {
  return String(n).split('').map((digit) => SUBSCRIPTS[Number(digit)]).join('');
}
