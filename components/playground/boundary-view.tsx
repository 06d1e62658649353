'use client';
import { useEffect, useMemo, useRef } from 'react';
import type { TClassicConfig, TMlpConfig } from '@/engine/playground/config-schema';
import { generateClassicDataset } from '@/engine/playground/datasets/classic';
import { generatePlaneDataset } from '@/engine/playground/datasets/plane';
import type { BoundarySnapshot } from '@/engine/playground/types';
import { diverging } from './pixel-grid';

const SIZE = 320;

export type BoundaryViewProps = {
  snapshot: BoundarySnapshot | null;
  config: TMlpConfig | TClassicConfig;
  label: string;
};

/**
 * The model's probability of class 1 over the plane (orange 0 … white ½ … blue 1) with the data
 * on top: filled dots train, rings validation. The points are regenerated here from the
 * configuration (the data sets are seeded), so they never travel over the network.
 */
export function BoundaryView({ snapshot, config, label }: BoundaryViewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const points = useMemo(() => {
    const data = config.model === 'mlp' ? generatePlaneDataset(config) : generateClassicDataset(config);
    const toClass = (y: number) => (y > 0 ? 1 : 0);
    return [
      ...data.train.x.map((p, i) => ({ p, label: toClass(data.train.y[i]), isVal: false })),
      ...(config.model === 'mlp' ? data.val.x.map((p, i) => ({ p, label: toClass(data.val.y[i]), isVal: true })) : []),
    ];
  }, [config]);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, SIZE, SIZE);
    const extent = snapshot?.extent ?? (config.model === 'mlp' ? [-1.5, 1.5, -1.5, 1.5] : [-0.5, 1.5, -0.5, 1.5]);
    const [xMin, xMax, yMin, yMax] = extent;
    if (snapshot) {
      const cell = SIZE / snapshot.res;
      snapshot.grid.forEach((probability, k) => {
        const [r, g, b] = diverging((probability - 0.5) * 2 * 0.55);
        context.fillStyle = `rgb(${r},${g},${b})`;
        context.fillRect((k % snapshot.res) * cell, Math.floor(k / snapshot.res) * cell, cell + 0.5, cell + 0.5);
      });
    }
    for (const { p, label: cls, isVal } of points) {
      const x = ((p[0] - xMin) / (xMax - xMin)) * SIZE;
      const y = ((yMax - p[1]) / (yMax - yMin)) * SIZE;
      context.beginPath();
      context.arc(x, y, config.model === 'mlp' ? 3 : 7, 0, 2 * Math.PI);
      const color = cls === 1 ? '#1d4ed8' : '#c2410c';
      if (isVal) {
        context.strokeStyle = color;
        context.lineWidth = 1.5;
        context.stroke();
      } else {
        context.fillStyle = color;
        context.fill();
        context.strokeStyle = '#ffffff';
        context.lineWidth = 0.8;
        context.stroke();
      }
    }
  }, [snapshot, points, config.model]);

  return <canvas ref={canvasRef} width={SIZE} height={SIZE} style={{ width: '100%', maxWidth: SIZE, aspectRatio: '1', border: '1px solid var(--border)' }} role="img" aria-label={label} />;
}
