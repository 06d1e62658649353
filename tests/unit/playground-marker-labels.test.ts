import { describe, expect, it } from 'vitest';
import { estimateLabelWidth, placeMarkerLabels, type MarkerLabelPlace } from '@/components/playground/marker-labels';

// Each label as the pixel interval it covers, from its place and estimated width.
const spanOf = (place: MarkerLabelPlace, label: string): [number, number] => {
  const width = estimateLabelWidth(label);
  return place.anchor === 'start' ? [place.x, place.x + width] : [place.x - width, place.x];
};

function expectLegible(markers: { x: number; label: string }[], bounds: { left: number; right: number; maxRows: number }) {
  const places = placeMarkerLabels(markers, bounds);
  const spans = places.map((place, i) => ({ row: place.row, span: spanOf(place, markers[i].label) }));
  for (const [i, a] of spans.entries()) {
    expect(a.span[0], `label ${i} inside on the left`).toBeGreaterThanOrEqual(bounds.left);
    expect(a.span[1], `label ${i} inside on the right`).toBeLessThanOrEqual(bounds.right);
    expect(a.row).toBeLessThan(bounds.maxRows);
    for (const b of spans.slice(i + 1)) {
      if (a.row === b.row) expect(a.span[1] <= b.span[0] || b.span[1] <= a.span[0], `labels ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
    }
  }
  return places;
}

// The plot area of a 390 px phone chart (about 300 px wide) and of a 1280 px desktop one.
const PHONE = { left: 52, right: 352, maxRows: 4 };
const DESKTOP = { left: 52, right: 600, maxRows: 4 };

describe('chart marker labels', () => {
  it('estimates Hangul wider than Latin letters, per character', () => {
    expect(estimateLabelWidth('학습률')).toBeGreaterThan(estimateLabelWidth('abc'));
  });

  it('puts a learning-rate and a weight-decay change at the same epoch on either side of the line, not on top of each other', () => {
    for (const bounds of [PHONE, DESKTOP]) {
      for (const labels of [['학습률 0.002', '감쇠 0.01'], ['LR 0.002', 'Decay 0.01']]) {
        const places = expectLegible(labels.map((label) => ({ x: 180, label })), bounds);
        expect(places.map((p) => p.anchor).sort()).toEqual(['end', 'start']);
      }
    }
  });

  it('stacks them on two rows when the line is too near the edge for both to sit side by side', () => {
    const places = expectLegible([{ x: 345, label: '학습률 0.002' }, { x: 346, label: '감쇠 0.01' }], PHONE);
    expect(new Set(places.map((p) => p.row)).size).toBe(2);
    expect(places.every((p) => p.anchor === 'end')).toBe(true);
  });

  it('keeps one row for changes far apart, and never overlaps many changes close together', () => {
    expect(expectLegible([{ x: 70, label: 'LR 0.1' }, { x: 300, label: 'LR 0.01' }], PHONE).map((p) => p.row)).toEqual([0, 0]);
    const crowded = [60, 75, 90, 105, 120, 135, 150].map((x, i) => ({ x, label: i % 2 ? `감쇠 0.0${i}` : `학습률 0.00${i}` }));
    expectLegible(crowded.slice(0, 4), PHONE);
    expectLegible(crowded, { ...DESKTOP, maxRows: 8 });
  });
});
