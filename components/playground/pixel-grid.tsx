'use client';
import { useEffect, useRef } from 'react';

export type PixelGridProps = {
  values: readonly number[];
  side: number;
  /** Rendered size in CSS pixels. */
  size: number;
  label: string;
  /** 'ink': 0 white → 1 black; 'diverging': negative orange, 0 white, positive blue (scaled to the largest |value|). */
  palette: 'ink' | 'diverging';
};

/** A square image of numbers (a digit, a filter, a feature map) drawn on a canvas. */
export function PixelGrid({ values, side, size, label, palette }: PixelGridProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    const scale = palette === 'diverging' ? Math.max(1e-9, ...values.map(Math.abs)) : 1;
    const image = context.createImageData(side, side);
    values.forEach((value, i) => {
      const [r, g, b] = palette === 'ink' ? ink(value) : diverging(value / scale);
      image.data.set([r, g, b, 255], i * 4);
    });
    context.putImageData(image, 0, 0);
  }, [values, side, palette]);
  return <canvas ref={canvasRef} width={side} height={side} style={{ width: size, height: size, imageRendering: 'pixelated' }} role="img" aria-label={label} />;
}

function ink(value: number): [number, number, number] {
  const level = Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
  return [level, level, level];
}

/** −1 → orange, 0 → white, +1 → blue. */
export function diverging(value: number): [number, number, number] {
  const t = Math.min(1, Math.abs(value));
  const target = value >= 0 ? [37, 99, 235] : [234, 88, 12];
  return [Math.round(255 + (target[0] - 255) * t), Math.round(255 + (target[1] - 255) * t), Math.round(255 + (target[2] - 255) * t)];
}
