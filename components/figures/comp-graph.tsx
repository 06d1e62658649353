'use client';

import { useMemo, useState } from 'react';
import type { Localized } from '@/lib/i18n/locales';
import { FigureFrame } from '@/components/figures/figure-frame';
import { COMMON_TEXT, type FigureProps } from '@/components/figures/figure-text';
import { formatNumber } from '@/components/figures/format-number';
import { NumberInput } from '@/components/figures/number-input';
import { NARROW_QUERY, useMediaQuery } from '@/components/ui/use-media-query';
import { computeShoppingGraph, SHOPPING_DEFAULTS, type ShoppingInputs, type ShoppingValue } from '@/components/figures/comp-graph-model';
import shared from '@/components/figures/figure.module.css';
import styles from '@/components/figures/comp-graph.module.css';

const TEXT = {
  title: { ko: '계산 그래프: 사과와 귤 장보기', en: 'Computational graph: buying apples and oranges' },
  caption: {
    ko: '각 간선 위의 검은 숫자는 순전파 값, 아래의 빨간 숫자는 역전파 기울기 ∂(지불 금액)/∂(그 값)입니다. 기울기는 엔진의 자동 미분(backward)으로 계산합니다. 덧셈 노드는 기울기를 그대로 나눠 주고, 곱셈 노드는 입력을 서로 바꿔 곱합니다.',
    en: 'On each edge, the black number above is the forward value and the red number below is the backward gradient ∂(amount paid)/∂(that value), computed by the engine’s autograd (backward). Add nodes pass the gradient on unchanged; multiply nodes multiply it by the other input.',
  },
  graphLabel: { ko: '계산 그래프', en: 'Computational graph' },
  edge: { ko: '값', en: 'Value' },
  forward: { ko: '순전파 값', en: 'Forward value' },
  backward: { ko: '기울기 ∂지불액/∂값', en: 'Gradient ∂total/∂value' },
  forwardLegend: { ko: '위: 순전파 값', en: 'above: forward value' },
  backwardLegend: { ko: '아래: 기울기', en: 'below: gradient' },
} satisfies Record<string, Localized>;

const NAMES: Record<ShoppingValue, Localized> = {
  applePrice: { ko: '사과 가격', en: 'Apple price' },
  appleCount: { ko: '사과 개수', en: 'Apple count' },
  orangePrice: { ko: '귤 가격', en: 'Orange price' },
  orangeCount: { ko: '귤 개수', en: 'Orange count' },
  tax: { ko: '소비세', en: 'Tax' },
  apples: { ko: '사과 금액', en: 'Apples' },
  oranges: { ko: '귤 금액', en: 'Oranges' },
  subtotal: { ko: '합계', en: 'Subtotal' },
  total: { ko: '지불 금액', en: 'Total' },
};

const INPUTS: { key: keyof ShoppingInputs; min: number; max: number }[] = [
  { key: 'applePrice', min: -10000, max: 10000 },
  { key: 'appleCount', min: -1000, max: 1000 },
  { key: 'orangePrice', min: -10000, max: 10000 },
  { key: 'orangeCount', min: -1000, max: 1000 },
  { key: 'tax', min: -10, max: 10 },
];

// Two drawings of the same graph in the SVG's own units, both scaled to the width there is: wide
// (inputs on the left, flowing right) and tall (for a phone: the graph flows down in a 360-unit
// wide box, so its text stays about as large as the page's). Leaf labels sit left of the wide
// drawing's inputs and above the tall one's.
type Point = readonly [number, number];
interface Layout {
  viewBox: string;
  nodes: { mulApples: Point; mulOranges: Point; add: Point; mulTax: Point };
  leaves: Record<'applePrice' | 'appleCount' | 'orangePrice' | 'orangeCount' | 'tax', Point>;
  outputEnd: Point;
  /** Where leaf and output labels go relative to their point. */
  labels: 'left' | 'above';
}

const WIDE: Layout = {
  viewBox: '-20 0 870 385',
  nodes: { mulApples: [270, 80], mulOranges: [270, 250], add: [450, 165], mulTax: [620, 215] },
  leaves: { applePrice: [100, 25], appleCount: [100, 135], orangePrice: [100, 195], orangeCount: [100, 305], tax: [100, 365] },
  outputEnd: [760, 215],
  labels: 'left',
};

const TALL: Layout = {
  viewBox: '0 0 360 575',
  nodes: { mulApples: [250, 90], mulOranges: [250, 285], add: [330, 190], mulTax: [235, 460] },
  leaves: { applePrice: [8, 45], appleCount: [8, 150], orangePrice: [8, 240], orangeCount: [8, 345], tax: [8, 460] },
  outputEnd: [345, 545],
  labels: 'above',
};

function edgesOf(layout: Layout): { value: ShoppingValue; from: Point; to: Point }[] {
  const { nodes, leaves } = layout;
  return [
    { value: 'applePrice', from: leaves.applePrice, to: nodes.mulApples },
    { value: 'appleCount', from: leaves.appleCount, to: nodes.mulApples },
    { value: 'orangePrice', from: leaves.orangePrice, to: nodes.mulOranges },
    { value: 'orangeCount', from: leaves.orangeCount, to: nodes.mulOranges },
    { value: 'apples', from: nodes.mulApples, to: nodes.add },
    { value: 'oranges', from: nodes.mulOranges, to: nodes.add },
    { value: 'subtotal', from: nodes.add, to: nodes.mulTax },
    { value: 'tax', from: leaves.tax, to: nodes.mulTax },
    { value: 'total', from: nodes.mulTax, to: layout.outputEnd },
  ];
}

const EDGES = edgesOf(WIDE);
const LEAVES = ['applePrice', 'appleCount', 'orangePrice', 'orangeCount', 'tax'] as const;

export default function CompGraph({ locale }: FigureProps) {
  const [inputs, setInputs] = useState<ShoppingInputs>(SHOPPING_DEFAULTS);
  const graph = useMemo(() => computeShoppingGraph(inputs), [inputs]);
  const layout = useMediaQuery(NARROW_QUERY) ? TALL : WIDE;
  const describe = (key: ShoppingValue) => `${NAMES[key][locale]} ${formatNumber(graph[key].value)}, ∂ ${formatNumber(graph[key].grad)}`;

  return (
    <FigureFrame
      name="comp-graph"
      locale={locale}
      title={TEXT.title[locale]}
      caption={TEXT.caption[locale]}
      table={
        <table className={shared.numbers} data-testid="comp-graph-table">
          <thead>
            <tr>
              <th scope="col">{TEXT.edge[locale]}</th>
              <th scope="col">{TEXT.forward[locale]}</th>
              <th scope="col">{TEXT.backward[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {EDGES.map(({ value }) => (
              <tr key={value}>
                <th scope="row">{NAMES[value][locale]}</th>
                <td>{formatNumber(graph[value].value)}</td>
                <td>{formatNumber(graph[value].grad)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div className={shared.controls}>
        {INPUTS.map(({ key, min, max }) => (
          <div key={key} className={shared.field}>
            <label htmlFor={`comp-graph-${key}`}>{NAMES[key][locale]}</label>
            <NumberInput id={`comp-graph-${key}`} value={inputs[key]} min={min} max={max} locale={locale} onChange={(value) => setInputs((old) => ({ ...old, [key]: value }))} />
          </div>
        ))}
        <div className={shared.buttons}>
          <button type="button" onClick={() => setInputs(SHOPPING_DEFAULTS)}>{COMMON_TEXT.reset[locale]}</button>
        </div>
      </div>
      <p className={shared.hint}>
        <span className={styles.forwardText}>{TEXT.forwardLegend[locale]}</span> · <span className={styles.backwardText}>{TEXT.backwardLegend[locale]}</span>
      </p>
      <svg
        className={styles.graph}
        viewBox={layout.viewBox}
        data-layout={layout === TALL ? 'tall' : 'wide'}
        role="img"
        aria-label={`${TEXT.graphLabel[locale]}: ${EDGES.map(({ value }) => describe(value)).join('; ')}`}
      >
        <defs>
          <marker id="comp-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#5b6270" />
          </marker>
        </defs>
        {edgesOf(layout).map(({ value, from, to }) => (
          <Edge key={value} from={from} to={to} toNode={to !== layout.outputEnd} forward={formatNumber(graph[value].value)} backward={formatNumber(graph[value].grad)} testId={value} />
        ))}
        {LEAVES.map((value) => {
          const [x, y] = layout.leaves[value];
          return layout.labels === 'left' ? (
            <text key={value} x={x - 6} y={y + 5} textAnchor="end" className={styles.leafLabel}>{NAMES[value][locale]}</text>
          ) : (
            <text key={value} x={x} y={y - 9} className={styles.leafLabel}>{NAMES[value][locale]}</text>
          );
        })}
        {layout.labels === 'left' ? (
          <text x={layout.outputEnd[0] + 6} y={layout.outputEnd[1] + 5} className={styles.leafLabel}>{NAMES.total[locale]}</text>
        ) : (
          <text x={layout.outputEnd[0]} y={layout.outputEnd[1] + 24} textAnchor="end" className={styles.leafLabel}>{NAMES.total[locale]}</text>
        )}
        <Node at={layout.nodes.mulApples} symbol="×" />
        <Node at={layout.nodes.mulOranges} symbol="×" />
        <Node at={layout.nodes.add} symbol="+" />
        <Node at={layout.nodes.mulTax} symbol="×" />
      </svg>
    </FigureFrame>
  );
}

const NODE_RADIUS = 22;

function Node({ at, symbol }: { at: Point; symbol: string }) {
  return (
    <g>
      <circle cx={at[0]} cy={at[1]} r={NODE_RADIUS} className={styles.node} />
      <text x={at[0]} y={at[1] + 7} textAnchor="middle" className={styles.nodeSymbol}>{symbol}</text>
    </g>
  );
}

function Edge({ from, to, toNode, forward, backward, testId }: { from: Point; to: Point; toNode: boolean; forward: string; backward: string; testId: string }) {
  // Stop the line at the node's rim so the arrow head stays visible.
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const length = Math.hypot(dx, dy);
  const end = toNode ? [to[0] - (dx / length) * NODE_RADIUS, to[1] - (dy / length) * NODE_RADIUS] : to;
  const midX = (from[0] + to[0]) / 2;
  const midY = (from[1] + to[1]) / 2;
  return (
    <g data-edge={testId}>
      <line x1={from[0]} y1={from[1]} x2={end[0]} y2={end[1]} className={styles.edge} markerEnd="url(#comp-graph-arrow)" />
      <text x={midX} y={midY - 7} textAnchor="middle" className={styles.forward} data-role="forward">{forward}</text>
      <text x={midX} y={midY + 19} textAnchor="middle" className={styles.backward} data-role="backward">{backward}</text>
    </g>
  );
}
