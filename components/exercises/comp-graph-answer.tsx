'use client';

import { Cell, type AnswerInputProps } from '@/components/exercises/answer-input';
import { TEXT } from '@/components/exercises/text';
import styles from '@/components/exercises/comp-graph-answer.module.css';

// The comp-graph exercise drawn as the lecture's figure (components/figures/comp-graph), with
// the student's boxes on the edges: forward value above, gradient below. The drawing shows only
// the given numbers and what the student typed: it computes nothing, so no expected value can
// reach the browser through it.

/** The given numbers the drawing shows (the exercise's `given`). */
export interface CompGraphGiven {
  apples: number;
  applePrice: number;
  oranges: number;
  orangePrice: number;
  tax: number;
  upstream: number;
}

export function isCompGraphGiven(given: Record<string, unknown>): given is Record<string, unknown> & CompGraphGiven {
  return ['apples', 'applePrice', 'oranges', 'orangePrice', 'tax', 'upstream'].every((key) => typeof given[key] === 'number');
}

type Point = readonly [number, number];

// Geometry in the SVG's own units (viewBox 0 0 1000 720). Leaves run level for a stretch, so
// their numbers and boxes have room, then bend into their node.
const WIDTH = 1000;
const HEIGHT = 720;
const NODE_RADIUS = 30;
const NODE = { mulApples: [420, 125], mulOranges: [420, 425], add: [600, 270], mulTax: [800, 390] } as const;
const END: Point = [985, 390];
const LEAF_START = 150;
const LEAF_BEND = 330;

interface EdgeGeometry {
  points: readonly Point[];
  /** Where the numbers sit: the middle of the level stretch, or of the edge. */
  anchor: Point;
}

const leaf = (y: number, to: Point, bend = LEAF_BEND): EdgeGeometry => ({ points: [[LEAF_START, y], [bend, y], to], anchor: [(LEAF_START + bend) / 2, y] });
const straight = (from: Point, to: Point): EdgeGeometry => ({ points: [from, to], anchor: [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2] });

type GivenKey = 'apples' | 'applePrice' | 'oranges' | 'orangePrice' | 'tax';

/** One edge: its forward value (a given number or a field) above, its gradient (a field or the given upstream) below. */
interface Edge {
  id: string;
  geometry: EdgeGeometry;
  forward: { given: GivenKey } | { field: string };
  gradient: { field: string } | { upstream: true };
  leafLabel?: string;
}

const EDGES: readonly Edge[] = [
  { id: 'applePrice', geometry: leaf(60, NODE.mulApples), forward: { given: 'applePrice' }, gradient: { field: 'dApplePrice' }, leafLabel: 'applePrice' },
  { id: 'apples', geometry: leaf(190, NODE.mulApples), forward: { given: 'apples' }, gradient: { field: 'dApples' }, leafLabel: 'apples' },
  { id: 'orangePrice', geometry: leaf(360, NODE.mulOranges), forward: { given: 'orangePrice' }, gradient: { field: 'dOrangePrice' }, leafLabel: 'orangePrice' },
  { id: 'oranges', geometry: leaf(490, NODE.mulOranges), forward: { given: 'oranges' }, gradient: { field: 'dOranges' }, leafLabel: 'oranges' },
  { id: 'tax', geometry: leaf(640, NODE.mulTax, 700), forward: { given: 'tax' }, gradient: { field: 'dTax' }, leafLabel: 'tax' },
  { id: 'appleCost', geometry: straight(NODE.mulApples, NODE.add), forward: { field: 'appleCost' }, gradient: { field: 'dAppleCost' } },
  { id: 'orangeCost', geometry: straight(NODE.mulOranges, NODE.add), forward: { field: 'orangeCost' }, gradient: { field: 'dOrangeCost' } },
  { id: 'subtotal', geometry: straight(NODE.add, NODE.mulTax), forward: { field: 'subtotal' }, gradient: { field: 'dSubtotal' } },
  { id: 'total', geometry: straight(NODE.mulTax, END), forward: { field: 'total' }, gradient: { upstream: true } },
];

const NODES: { at: Point; symbol: string }[] = [
  { at: NODE.mulApples, symbol: '×' },
  { at: NODE.mulOranges, symbol: '×' },
  { at: NODE.add, symbol: '+' },
  { at: NODE.mulTax, symbol: '×' },
];

/** Names shown inside empty boxes, as the prompt writes them. */
const PLACEHOLDER: Record<string, string> = {
  appleCost: 'appleCost',
  orangeCost: 'orangeCost',
  subtotal: 'subtotal',
  total: 'total',
  dApples: '∂L/∂apples',
  dApplePrice: '∂L/∂applePrice',
  dOranges: '∂L/∂oranges',
  dOrangePrice: '∂L/∂orangePrice',
  dTax: '∂L/∂tax',
  dAppleCost: '∂L/∂appleCost',
  dOrangeCost: '∂L/∂orangeCost',
  dSubtotal: '∂L/∂subtotal',
};

const at = ([x, y]: Point) => ({ left: `${(x / WIDTH) * 100}%`, top: `${(y / HEIGHT) * 100}%` });

export interface CompGraphAnswerProps extends AnswerInputProps {
  given: CompGraphGiven;
}

/** The answer boxes of the comp-graph exercise, on the edges of its graph. */
export function CompGraphAnswer(props: CompGraphAnswerProps) {
  const { given, spec, locale, firstWrong, editedCells } = props;
  const fields = spec.kind === 'fields' ? spec.fields : {};
  const box = (field: string, position: 'above' | 'below', anchor: Point) => {
    const label = fields[field]?.label?.[locale] ?? field;
    const isFirstWrong = firstWrong === field && !editedCells.has(field);
    return (
      <div key={field} className={styles.box} data-position={position} data-first-wrong={isFirstWrong || undefined} style={at(anchor)}>
        <Cell {...props} path={[field]} label={label} ariaLabel={label} placeholder={PLACEHOLDER[field]} />
      </div>
    );
  };
  const text = (key: string, value: number, position: 'above' | 'below', anchor: Point) => (
    <span key={key} className={styles.given} data-position={position} data-testid={`given-${key}`} style={at(anchor)}>
      {value}
    </span>
  );
  // Boxes in the order students work: forward first, then gradients from the output back.
  const order = Object.keys(fields);
  const boxes = EDGES.flatMap((edge) => [
    'field' in edge.forward ? { field: edge.forward.field, position: 'above' as const, anchor: edge.geometry.anchor } : null,
    'field' in edge.gradient ? { field: edge.gradient.field, position: 'below' as const, anchor: edge.geometry.anchor } : null,
  ]).filter((item) => item !== null).sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));

  return (
    <div className={styles.figure}>
      <p className={styles.legend}>
        <span className={styles.forwardText}>{TEXT.graphForward[locale]}</span> · <span className={styles.backwardText}>{TEXT.graphBackward[locale]}</span>
        <span className={styles.scrollCue}> · {TEXT.scrollSideways[locale]}</span>
      </p>
      <div className={styles.scroller} tabIndex={-1}>
        <div className={styles.canvas} data-testid="comp-graph-answer">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={styles.svg} aria-hidden="true">
            <defs>
              <marker id="comp-graph-answer-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" fill="#5b6270" />
              </marker>
            </defs>
            {EDGES.map((edge) => (
              <polyline key={edge.id} points={trimmed(edge.geometry.points).map((p) => p.join(',')).join(' ')} className={styles.edge} markerEnd="url(#comp-graph-answer-arrow)" />
            ))}
            {EDGES.filter((edge) => edge.leafLabel).map((edge) => (
              <text key={edge.id} x={LEAF_START - 8} y={edge.geometry.points[0][1] + 6} textAnchor="end" className={styles.leafLabel}>{edge.leafLabel}</text>
            ))}
            {NODES.map(({ at: [x, y], symbol }) => (
              <g key={`${x},${y}`}>
                <circle cx={x} cy={y} r={NODE_RADIUS} className={styles.node} />
                <text x={x} y={y + 9} textAnchor="middle" className={styles.nodeSymbol}>{symbol}</text>
              </g>
            ))}
          </svg>
          {EDGES.flatMap((edge) => [
            'given' in edge.forward ? text(edge.id, given[edge.forward.given], 'above', edge.geometry.anchor) : null,
            'upstream' in edge.gradient ? text('upstream', given.upstream, 'below', edge.geometry.anchor) : null,
          ])}
          {boxes.map(({ field, position, anchor }) => box(field, position, anchor))}
        </div>
      </div>
    </div>
  );
}

/** The last segment stops at the node's rim, so the arrow head shows. */
function trimmed(points: readonly Point[]): Point[] {
  const last = points[points.length - 1];
  const isNode = last !== END;
  if (!isNode) return [...points];
  const previous = points[points.length - 2];
  const dx = last[0] - previous[0];
  const dy = last[1] - previous[1];
  const length = Math.hypot(dx, dy);
  return [...points.slice(0, -1), [last[0] - (dx / length) * NODE_RADIUS, last[1] - (dy / length) * NODE_RADIUS]];
}

