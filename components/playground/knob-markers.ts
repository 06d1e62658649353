import type { AdjustableKnob } from '@/engine/playground/config-schema';
import type { EpochMetric } from '@/engine/playground/types';
import type { ChartMarker } from './metric-chart';

/** Epochs where a knob (learning rate, weight decay) differs from the epoch before: the curve's record of changes. */
export function knobMarkers(metrics: readonly EpochMetric[], knob: AdjustableKnob, label: string): ChartMarker[] {
  const markers: ChartMarker[] = [];
  for (let i = 1; i < metrics.length; i++) {
    const value = metrics[i][knob];
    const before = metrics[i - 1][knob];
    if (value !== undefined && before !== undefined && value !== before) markers.push({ x: metrics[i].epoch, label: `${label} ${value}` });
  }
  return markers;
}
