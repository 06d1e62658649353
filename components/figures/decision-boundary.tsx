'use client';

import { useMemo, useState } from 'react';
import type { Localized } from '@/lib/i18n/locales';
import { FigureFrame } from '@/components/figures/figure-frame';
import { COMMON_TEXT, type FigureProps } from '@/components/figures/figure-text';
import { fill } from '@/lib/i18n/fill';
import { formatNumber } from '@/components/figures/format-number';
import { SliderField } from '@/components/figures/slider-field';
import {
  classifyWithMlp,
  classifyWithPerceptron,
  DATASET_LABELS,
  DATASET_POINTS,
  gridPoints,
  MLP_DEFAULTS,
  PERCEPTRON_DEFAULTS,
  PLOT_MAX,
  PLOT_MIN,
  trainOnDataset,
  type DatasetName,
  type MlpWeights,
  type PerceptronWeights,
} from '@/components/figures/decision-boundary-model';
import shared from '@/components/figures/figure.module.css';
import styles from '@/components/figures/decision-boundary.module.css';

const TEXT = {
  title: { ko: '퍼셉트론의 결정 경계', en: 'A perceptron’s decision boundary' },
  caption: {
    ko: '파란 영역은 출력 +1, 주황 영역은 출력 −1입니다. 채운 원은 목표 +1, 빈 사각형은 목표 −1인 점이고, 빨간 테두리는 잘못 분류된 점입니다. 영역은 엔진의 행렬곱과 계단 함수로 계산합니다.',
    en: 'Blue area: output +1; orange area: output −1. Filled circles are points with target +1, open squares target −1; a red ring marks a misclassified point. The areas are computed with the engine’s matmul and step function.',
  },
  dataset: { ko: '데이터', en: 'Data' },
  model: { ko: '모델', en: 'Model' },
  oneUnit: { ko: '뉴런 하나', en: 'One unit' },
  hiddenLayer: { ko: '은닉층 추가 (2-2-1)', en: 'With a hidden layer (2-2-1)' },
  hiddenUnit: { ko: '은닉 뉴런', en: 'Hidden unit' },
  outputUnit: { ko: '출력 뉴런 y = f(v₁h₁ + v₂h₂ + c)', en: 'Output unit y = f(v₁h₁ + v₂h₂ + c)' },
  train: { ko: '퍼셉트론 규칙으로 학습 (최대 20회)', en: 'Train with the perceptron rule (up to 20 passes)' },
  converged: { ko: '{epochs}번째 반복에서 수렴했습니다.', en: 'Converged in {epochs} passes.' },
  notConverged: { ko: '{epochs}번 반복해도 수렴하지 않았습니다. 직선 하나로는 나눌 수 없습니다.', en: 'No convergence after {epochs} passes: no single line separates these points.' },
  correct: { ko: '{n}/4개 점을 올바르게 분류', en: '{n} of 4 points classified correctly' },
  boundary: { ko: '경계', en: 'Boundary' },
  plotLabel: { ko: '결정 경계 그림', en: 'Decision boundary plot' },
  point: { ko: '점 (x₁, x₂)', en: 'Point (x₁, x₂)' },
  target: { ko: '목표', en: 'Target' },
  output: { ko: '출력', en: 'Output' },
  verdict: { ko: '판정', en: 'Verdict' },
  right: { ko: '맞음', en: 'correct' },
  wrong: { ko: '틀림', en: 'wrong' },
} satisfies Record<string, Localized>;

const DATASETS: { name: DatasetName; label: string }[] = [
  { name: 'and', label: 'AND' },
  { name: 'or', label: 'OR' },
  { name: 'xor', label: 'XOR' },
];

const CELLS = 30;
const SIZE = 300;
const GRID = gridPoints(CELLS);
const toPixel = (value: number) => ((value - PLOT_MIN) / (PLOT_MAX - PLOT_MIN)) * SIZE;

export default function DecisionBoundary({ locale }: FigureProps) {
  const [dataset, setDataset] = useState<DatasetName>('and');
  const [isMlp, setIsMlp] = useState(false);
  const [weights, setWeights] = useState<PerceptronWeights>(PERCEPTRON_DEFAULTS);
  const [mlp, setMlp] = useState<MlpWeights>(MLP_DEFAULTS);
  const [training, setTraining] = useState<{ converged: boolean; epochs: number } | null>(null);

  const region = useMemo(() => (isMlp ? classifyWithMlp(GRID, mlp) : classifyWithPerceptron(GRID, weights)), [isMlp, mlp, weights]);
  const outputs = useMemo(() => (isMlp ? classifyWithMlp(DATASET_POINTS, mlp) : classifyWithPerceptron(DATASET_POINTS, weights)), [isMlp, mlp, weights]);
  const labels = DATASET_LABELS[dataset];
  const correctCount = outputs.filter((output, index) => output === labels[index]).length;
  const cell = SIZE / CELLS;
  const line = isMlp ? null : boundarySegment(weights);
  const equation = `${formatNumber(weights.w1, 2)}·x₁ + ${formatNumber(weights.w2, 2)}·x₂ + ${formatNumber(weights.b, 2)} = 0`;
  const status = fill(TEXT.correct[locale], { n: correctCount });

  const setWeight = (key: keyof PerceptronWeights) => (value: number) => {
    setTraining(null);
    setWeights((old) => ({ ...old, [key]: value }));
  };
  const setMlpWeight = <G extends keyof MlpWeights>(group: G, key: keyof MlpWeights[G]) => (value: number) =>
    setMlp((old) => ({ ...old, [group]: { ...old[group], [key]: value } }));

  return (
    <FigureFrame
      name="decision-boundary"
      locale={locale}
      title={TEXT.title[locale]}
      caption={TEXT.caption[locale]}
      table={
        <table className={shared.numbers}>
          <thead>
            <tr>
              <th scope="col">{TEXT.point[locale]}</th>
              <th scope="col">{TEXT.target[locale]}</th>
              <th scope="col">{TEXT.output[locale]}</th>
              <th scope="col">{TEXT.verdict[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {DATASET_POINTS.map((point, index) => (
              <tr key={point.join()}>
                <th scope="row">({point.join(', ')})</th>
                <td>{labels[index] > 0 ? '+1' : '−1'}</td>
                <td>{outputs[index] > 0 ? '+1' : '−1'}</td>
                <td>{outputs[index] === labels[index] ? TEXT.right[locale] : TEXT.wrong[locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div className={shared.controls}>
        <div role="group" aria-label={TEXT.dataset[locale]} className={shared.buttons}>
          {DATASETS.map(({ name, label }) => (
            <button key={name} type="button" aria-pressed={dataset === name} onClick={() => { setDataset(name); setTraining(null); }}>
              {label}
            </button>
          ))}
        </div>
        <div role="group" aria-label={TEXT.model[locale]} className={shared.buttons}>
          <button type="button" aria-pressed={!isMlp} onClick={() => setIsMlp(false)}>{TEXT.oneUnit[locale]}</button>
          <button type="button" aria-pressed={isMlp} onClick={() => setIsMlp(true)}>{TEXT.hiddenLayer[locale]}</button>
        </div>
      </div>

      {isMlp ? (
        <div className={styles.mlp}>
          {(['h1', 'h2'] as const).map((unit, index) => (
            <fieldset key={unit} className={styles.group}>
              <legend>{TEXT.hiddenUnit[locale]} h{index === 0 ? '₁' : '₂'}</legend>
              <SliderField id={`db-${unit}-w1`} label="w₁" value={mlp[unit].w1} onChange={setMlpWeight(unit, 'w1')} min={-3} max={3} step={0.1} />
              <SliderField id={`db-${unit}-w2`} label="w₂" value={mlp[unit].w2} onChange={setMlpWeight(unit, 'w2')} min={-3} max={3} step={0.1} />
              <SliderField id={`db-${unit}-b`} label="b" value={mlp[unit].b} onChange={setMlpWeight(unit, 'b')} min={-3} max={3} step={0.1} />
            </fieldset>
          ))}
          <fieldset className={styles.group}>
            <legend>{TEXT.outputUnit[locale]}</legend>
            <SliderField id="db-out-v1" label="v₁" value={mlp.out.v1} onChange={setMlpWeight('out', 'v1')} min={-3} max={3} step={0.1} />
            <SliderField id="db-out-v2" label="v₂" value={mlp.out.v2} onChange={setMlpWeight('out', 'v2')} min={-3} max={3} step={0.1} />
            <SliderField id="db-out-c" label="c" value={mlp.out.c} onChange={setMlpWeight('out', 'c')} min={-3} max={3} step={0.1} />
          </fieldset>
          <div className={shared.buttons}>
            <button type="button" onClick={() => setMlp(MLP_DEFAULTS)}>{COMMON_TEXT.reset[locale]}</button>
          </div>
        </div>
      ) : (
        <>
          <div className={shared.controls}>
            <SliderField id="db-w1" label="w₁" value={weights.w1} onChange={setWeight('w1')} min={-5} max={5} step={0.1} />
            <SliderField id="db-w2" label="w₂" value={weights.w2} onChange={setWeight('w2')} min={-5} max={5} step={0.1} />
            <SliderField id="db-b" label="b" value={weights.b} onChange={setWeight('b')} min={-5} max={5} step={0.1} />
          </div>
          <div className={shared.buttons}>
            <button
              type="button"
              onClick={() => {
                const result = trainOnDataset(dataset, weights);
                setWeights(result.weights);
                setTraining({ converged: result.converged, epochs: result.epochs });
              }}
            >
              {TEXT.train[locale]}
            </button>
            <button type="button" onClick={() => { setWeights(PERCEPTRON_DEFAULTS); setTraining(null); }}>{COMMON_TEXT.reset[locale]}</button>
          </div>
        </>
      )}

      <p className={shared.status} aria-live="polite" data-testid="decision-boundary-status">
        {status}
        {!isMlp && <> · {TEXT.boundary[locale]}: <span className={shared.numbers}>{equation}</span></>}
        {!isMlp && training && <> · {fill((training.converged ? TEXT.converged : TEXT.notConverged)[locale], { epochs: training.epochs })}</>}
      </p>

      <svg className={styles.plot} viewBox={`-28 -8 ${SIZE + 36} ${SIZE + 36}`} role="img" aria-label={`${TEXT.plotLabel[locale]}: ${status}${isMlp ? '' : `; ${equation}`}`}>
        {region.map((output, index) => (
          <rect
            key={index}
            x={(index % CELLS) * cell}
            y={Math.floor(index / CELLS) * cell}
            width={cell + 0.5}
            height={cell + 0.5}
            className={output > 0 ? styles.positive : styles.negative}
          />
        ))}
        <rect x={0} y={0} width={SIZE} height={SIZE} className={styles.frame} />
        {[0, 1].map((tick) => (
          <g key={tick} className={styles.axis}>
            <line x1={toPixel(tick)} y1={0} x2={toPixel(tick)} y2={SIZE} />
            <line x1={0} y1={SIZE - toPixel(tick)} x2={SIZE} y2={SIZE - toPixel(tick)} />
            <text x={toPixel(tick)} y={SIZE + 18} textAnchor="middle">{tick}</text>
            <text x={-8} y={SIZE - toPixel(tick) + 5} textAnchor="end">{tick}</text>
          </g>
        ))}
        <text x={SIZE - 4} y={SIZE + 18} textAnchor="end" className={styles.axisName}>x₁</text>
        <text x={-8} y={14} textAnchor="end" className={styles.axisName}>x₂</text>
        {line && <line x1={line[0][0]} y1={line[0][1]} x2={line[1][0]} y2={line[1][1]} className={styles.boundary} />}
        {DATASET_POINTS.map(([x1, x2], index) => {
          const cx = toPixel(x1);
          const cy = SIZE - toPixel(x2);
          const isWrong = outputs[index] !== labels[index];
          return (
            <g key={index}>
              {isWrong && <circle cx={cx} cy={cy} r={17} className={styles.wrongRing} />}
              {labels[index] > 0 ? <circle cx={cx} cy={cy} r={9} className={styles.targetPositive} /> : <rect x={cx - 8} y={cy - 8} width={16} height={16} className={styles.targetNegative} />}
            </g>
          );
        })}
      </svg>
    </FigureFrame>
  );
}

/** The segment of w1 x1 + w2 x2 + b = 0 inside the plotted square, in pixels; null when there is none. */
function boundarySegment({ w1, w2, b }: PerceptronWeights): [number, number][] | null {
  const points: [number, number][] = [];
  const edges = [PLOT_MIN, PLOT_MAX];
  if (Math.abs(w2) > 1e-12) {
    for (const x1 of edges) {
      const x2 = -(w1 * x1 + b) / w2;
      if (x2 >= PLOT_MIN && x2 <= PLOT_MAX) points.push([x1, x2]);
    }
  }
  if (Math.abs(w1) > 1e-12) {
    for (const x2 of edges) {
      const x1 = -(w2 * x2 + b) / w1;
      if (x1 >= PLOT_MIN && x1 <= PLOT_MAX) points.push([x1, x2]);
    }
  }
  if (points.length < 2) return null;
  return [points[0], points[points.length - 1]].map(([x1, x2]) => [toPixel(x1), SIZE - toPixel(x2)]);
}
