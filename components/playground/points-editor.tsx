'use client';
import { useId, useRef, useState, type MouseEvent } from 'react';
import { CUSTOM_POINTS, type PlanePoint } from '@/engine/playground/config-schema';
import { customPointsRule } from '@/engine/playground/knob-messages';
import { formatPointsCsv, MAX_POINTS_TEXT_BYTES, parsePointsCsv, type PointsProblem } from '@/engine/playground/parse-points-csv';
import { fill } from '@/lib/i18n/fill';
import type { Locale } from '@/lib/i18n/locales';
import styles from './playground.module.css';

const TEXT = {
  title: { ko: '내 데이터', en: 'Your points' },
  help: { ko: '그림을 눌러 고른 클래스의 점을 더하고, 지우개로 점을 지웁니다. CSV(x, y, label)를 붙여 넣거나 파일로 올릴 수도 있습니다.', en: 'Tap the square to add a point of the chosen class; the eraser removes one. Or paste or upload a CSV (x, y, label).' },
  classA: { ko: '클래스 0 (주황)', en: 'Class 0 (orange)' },
  classB: { ko: '클래스 1 (파랑)', en: 'Class 1 (blue)' },
  erase: { ko: '지우개', en: 'Eraser' },
  clear: { ko: '모두 지우기', en: 'Clear all' },
  count: { ko: '점 {n}개: 클래스 0 {a}개, 클래스 1 {b}개', en: '{n} points: {a} of class 0, {b} of class 1' },
  csv: { ko: 'CSV (x, y, label)', en: 'CSV (x, y, label)' },
  load: { ko: 'CSV 불러오기', en: 'Load CSV' },
  file: { ko: 'CSV 파일 올리기', en: 'Upload a CSV file' },
  loaded: { ko: '점 {n}개를 불러왔습니다.', en: 'Loaded {n} points.' },
  full: { ko: '점은 {max}개까지입니다.', en: 'At most {max} points.' },
  figure: { ko: '내 데이터: x와 y가 −1.5에서 1.5까지인 평면', en: 'Your points: the plane from −1.5 to 1.5 in x and y' },
} as const;

const PROBLEMS: Record<PointsProblem['kind'], { ko: string; en: string }> = {
  'too-large': { ko: '파일이 너무 큽니다 (최대 64 KiB).', en: 'The file is too large (at most 64 KiB).' },
  'too-many': { ko: '점이 {count}개입니다. 최대 {max}개까지 됩니다.', en: 'That is {count} points; at most {max} are allowed.' },
  'bad-lines': { ko: '{lines}번째 줄을 읽을 수 없습니다. 줄마다 x, y, label(0 또는 1)을 쓰세요.', en: 'Cannot read line {lines}. Write x, y, label (0 or 1) on each line.' },
  'out-of-range': { ko: '{lines}번째 줄의 점이 −1.5 … 1.5 밖에 있습니다.', en: 'The point on line {lines} is outside −1.5 … 1.5.' },
};

function describeProblem(problem: PointsProblem, locale: Locale): string {
  const lines = 'lines' in problem ? problem.lines.slice(0, 5).join(', ') + (problem.lines.length > 5 ? ' …' : '') : '';
  return fill(PROBLEMS[problem.kind][locale], { lines, count: 'count' in problem ? problem.count : 0, max: CUSTOM_POINTS.max });
}

type Mode = 0 | 1 | 'erase';
const E = CUSTOM_POINTS.extent;
/** Tap radius of the eraser, in plane units (the square is 3 wide). */
const ERASE_RADIUS = 0.12;

/** The MLP's own-data editor: tap to add or erase points, or paste / upload a CSV. */
export function PointsEditor({ points, onChange, locale, error }: { points: PlanePoint[]; onChange: (points: PlanePoint[]) => void; locale: Locale; error?: string }) {
  const id = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [mode, setMode] = useState<Mode>(0);
  const [csv, setCsv] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ones = points.filter((point) => point[2] === 1).length;

  const place = (event: MouseEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM()?.inverse();
    if (!svg || !matrix) return;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    const x = Math.round(Math.max(-E, Math.min(E, at.x)) * 100) / 100;
    const y = Math.round(Math.max(-E, Math.min(E, -at.y)) * 100) / 100;
    if (mode === 'erase') {
      let nearest = -1;
      let best = ERASE_RADIUS;
      points.forEach(([px, py], k) => {
        const d = Math.hypot(px - x, py - y);
        if (d <= best) [nearest, best] = [k, d];
      });
      if (nearest >= 0) onChange(points.filter((_, k) => k !== nearest));
      return;
    }
    if (points.length >= CUSTOM_POINTS.max) return setMessage({ ok: false, text: fill(TEXT.full[locale], { max: CUSTOM_POINTS.max }) });
    setMessage(null);
    onChange([...points, [x, y, mode]]);
  };

  const load = (text: string) => {
    const parsed = parsePointsCsv(text);
    if (!parsed.ok) return setMessage({ ok: false, text: describeProblem(parsed.problem, locale) });
    onChange(parsed.points);
    setMessage({ ok: true, text: fill(TEXT.loaded[locale], { n: parsed.points.length }) });
  };

  return (
    <fieldset className={styles.points} aria-describedby={`${id}-help`} data-testid="points-editor">
      <legend>{TEXT.title[locale]}</legend>
      <p id={`${id}-help`} className="muted">{TEXT.help[locale]} {customPointsRule()[locale]}</p>
      <div className="button-row" role="group">
        {([0, 1, 'erase'] as const).map((option) => (
          <button key={String(option)} type="button" className="button secondary" aria-pressed={mode === option} onClick={() => setMode(option)}>
            {option === 0 ? TEXT.classA[locale] : option === 1 ? TEXT.classB[locale] : TEXT.erase[locale]}
          </button>
        ))}
        <button type="button" className="button secondary" onClick={() => onChange([])} disabled={points.length === 0}>{TEXT.clear[locale]}</button>
      </div>
      <svg ref={svgRef} className={styles.pointsCanvas} viewBox={`${-E} ${-E} ${2 * E} ${2 * E}`} role="img" aria-label={TEXT.figure[locale]} onClick={place} data-testid="points-canvas">
        <rect x={-E} y={-E} width={2 * E} height={2 * E} fill="var(--card)" stroke="var(--border)" strokeWidth={0.01} />
        <line x1={-E} x2={E} y1={0} y2={0} stroke="var(--border)" strokeWidth={0.01} />
        <line x1={0} x2={0} y1={-E} y2={E} stroke="var(--border)" strokeWidth={0.01} />
        {points.map(([x, y, label], k) => (
          <circle key={k} cx={x} cy={-y} r={0.045} fill={label === 1 ? '#1d4ed8' : '#c2410c'} stroke="#ffffff" strokeWidth={0.012} />
        ))}
      </svg>
      <p aria-live="polite" data-testid="points-count">{fill(TEXT.count[locale], { n: points.length, a: points.length - ones, b: ones })}</p>
      {error ? <p className="error" role="alert">{error}</p> : null}
      <label htmlFor={`${id}-csv`}>{TEXT.csv[locale]}</label>
      <textarea id={`${id}-csv`} rows={4} value={csv} placeholder={formatPointsCsv([[0.5, 0.5, 1], [-0.5, -0.5, 0]])} onChange={(event) => setCsv(event.target.value)} maxLength={MAX_POINTS_TEXT_BYTES} />
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => load(csv)} disabled={csv.trim() === ''}>{TEXT.load[locale]}</button>
        <label className="button secondary">
          {TEXT.file[locale]}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            className={styles.fileInput}
            onChange={async (event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              if (file.size > MAX_POINTS_TEXT_BYTES) return setMessage({ ok: false, text: describeProblem({ kind: 'too-large' }, locale) });
              const text = await file.text();
              setCsv(text);
              load(text);
            }}
          />
        </label>
      </div>
      {message ? <p className={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </fieldset>
  );
}
