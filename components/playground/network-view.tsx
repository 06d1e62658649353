'use client';
import { useMemo, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { useIsHydrated } from '@/components/ui/date-time';
import type { BoundarySnapshot, NetworkPicture } from '@/engine/playground/types';
import { diverging } from './pixel-grid';
import { fill, T } from './playground-text';
import styles from './playground.module.css';

const WIDTH = 640;
const NODE = 40;
const ROW = 50;

type Focus = { kind: 'edge'; layer: number; from: number; to: number } | { kind: 'neuron'; layer: number; unit: number } | null;

const ACTIVATION_NAMES: Record<NetworkPicture['activation'], string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'σ' };
const signed = (value: number) => `${value < 0 ? '−' : '+'} ${Math.abs(value).toFixed(2)}`;

/** A neuron's name: x₁, x₂ for the inputs, h<layer>,<unit> for hidden units, ŷ for the output. */
function neuronName(sizes: number[], layer: number, unit: number): string {
  if (layer === 0) return `x${unit + 1}`;
  if (layer === sizes.length - 1) return 'ŷ';
  return `h${layer},${unit + 1}`;
}

/** The neuron's formula with the snapshot's weights plugged in. */
export function neuronFormula(network: NetworkPicture, layer: number, unit: number): string {
  if (layer === 0) return `${neuronName(network.sizes, 0, unit)} = ${unit === 0 ? 'x' : 'y'}`;
  const inputs = network.weights[layer - 1].map((row, i) => `${signed(row[unit])}·${neuronName(network.sizes, layer - 1, i)}`).join(' ');
  const sum = `${inputs} ${signed(network.biases[layer - 1][unit])}`.replace(/^\+ /, '');
  const isOutput = layer === network.sizes.length - 1;
  return `${neuronName(network.sizes, layer, unit)} = ${isOutput ? 'σ' : ACTIVATION_NAMES[network.activation]}(${sum})`;
}

/** A res × res grid of values as a PNG data URL (orange negative, white 0, blue positive, scaled to `scale`). */
function thumbnail(values: readonly number[], res: number, scale: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = res;
  canvas.height = res;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(res, res);
  values.forEach((value, k) => {
    const [r, g, b] = diverging(value / (scale || 1));
    image.data.set([r, g, b, 255], k * 4);
  });
  context.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

/**
 * The MLP as TensorFlow Playground draws it: one column per layer, every neuron a thumbnail of
 * what it computes over the plane, every edge blue (positive) or orange (negative) with its width
 * the weight's size. Hovering or focusing an edge shows its weight; a neuron, its formula.
 */
export function NetworkView({ snapshot, locale }: { snapshot: BoundarySnapshot & { network: NetworkPicture }; locale: Locale }) {
  const { network } = snapshot;
  const [focus, setFocus] = useState<Focus>(null);
  const columns = network.sizes.length;
  const tallest = Math.max(...network.sizes);
  const height = tallest * ROW + 20;
  const x = (layer: number) => 30 + (layer * (WIDTH - 60 - NODE)) / (columns - 1);
  const y = (layer: number, unit: number) => 10 + (height - 20 - network.sizes[layer] * ROW) / 2 + unit * ROW + (ROW - NODE) / 2;
  const maxWeight = Math.max(1e-6, ...network.weights.flat(2).map(Math.abs));

  // Canvas work happens in the browser only, after hydration, so the server's markup matches.
  const isHydrated = useIsHydrated();
  const images = useMemo(() => {
    if (!isHydrated) return [];
    const res = network.thumbRes;
    const axis = (isX: boolean) => Array.from({ length: res * res }, (_, k) => (isX ? (k % res) / (res - 1) - 0.5 : 0.5 - Math.floor(k / res) / (res - 1)));
    const hidden = network.thumbs.map((layer) => layer.map((values) => thumbnail(values, res, Math.max(1e-6, ...values.map(Math.abs)))));
    const output = thumbnail(snapshot.grid.map((p) => (p - 0.5) * 2), snapshot.res, 1.6);
    return [[thumbnail(axis(true), res, 0.8), thumbnail(axis(false), res, 0.8)], ...hidden, [output]];
  }, [isHydrated, network, snapshot.grid, snapshot.res]);

  const detail =
    focus?.kind === 'edge'
      ? fill(T.edgeWeight[locale], {
          from: neuronName(network.sizes, focus.layer, focus.from),
          to: neuronName(network.sizes, focus.layer + 1, focus.to),
          w: network.weights[focus.layer][focus.from][focus.to].toFixed(3),
        })
      : focus?.kind === 'neuron'
        ? neuronFormula(network, focus.layer, focus.unit)
        : T.networkHint[locale];

  return (
    <figure className={styles.network}>
      <figcaption><strong>{fill(T.network[locale], { e: snapshot.epoch })}</strong></figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={fill(T.network[locale], { e: snapshot.epoch })} data-testid="network-view" onMouseLeave={() => setFocus(null)}>
        {network.weights.map((matrix, layer) =>
          matrix.map((row, from) =>
            row.map((weight, to) => (
              <line
                key={`${layer}-${from}-${to}`}
                x1={x(layer) + NODE}
                y1={y(layer, from) + NODE / 2}
                x2={x(layer + 1)}
                y2={y(layer + 1, to) + NODE / 2}
                stroke={weight >= 0 ? '#1d4ed8' : '#c2410c'}
                strokeWidth={0.6 + 5 * (Math.abs(weight) / maxWeight)}
                strokeOpacity={focus?.kind === 'edge' && focus.layer === layer && focus.from === from && focus.to === to ? 1 : 0.55}
                data-weight={weight}
                className={styles.edge}
                onMouseEnter={() => setFocus({ kind: 'edge', layer, from, to })}
              >
                <title>{weight.toFixed(3)}</title>
              </line>
            )),
          ),
        )}
        {network.sizes.map((size, layer) =>
          Array.from({ length: size }, (_, unit) => (
            <g
              key={`n${layer}-${unit}`}
              tabIndex={0}
              role="img"
              aria-label={neuronFormula(network, layer, unit)}
              data-testid="neuron"
              onMouseEnter={() => setFocus({ kind: 'neuron', layer, unit })}
              onFocus={() => setFocus({ kind: 'neuron', layer, unit })}
              onClick={() => setFocus({ kind: 'neuron', layer, unit })}
              className={styles.neuron}
            >
              <rect x={x(layer) - 1} y={y(layer, unit) - 1} width={NODE + 2} height={NODE + 2} rx={4} className={styles.neuronFrame} />
              {images[layer]?.[unit] ? <image href={images[layer][unit]} x={x(layer)} y={y(layer, unit)} width={NODE} height={NODE} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} /> : null}
            </g>
          )),
        )}
      </svg>
      <p className={styles.networkDetail} data-testid="network-detail" aria-live="polite">{detail}</p>
    </figure>
  );
}
