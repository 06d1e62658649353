// Where each chart marker's label goes (a learning-rate and a weight-decay change at the same or
// nearby epochs must not print over each other): beside its line, on the right when it fits,
// else on the left, on the first row where it overlaps no other label. Pure and deterministic, so
// the server's render and the browser's agree (no measuring; widths are estimated generously).

export const MARKER_FONT_PX = 11;
export const MARKER_ROW_PX = 13;
/** Room between a label and its line, and between two labels on a row. */
const OFFSET = 3;
const GAP = 6;

export type MarkerLabelPlace = { x: number; anchor: 'start' | 'end'; row: number };

/** An upper estimate of a label's width at MARKER_FONT_PX: Hangul, CJK and emoji a full em, anything else 0.62 em. */
export function estimateLabelWidth(label: string, fontPx = MARKER_FONT_PX): number {
  let ems = 0;
  for (const char of label) ems += /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Extended_Pictographic}]/u.test(char) ? 1 : 0.62;
  return Math.ceil(ems * fontPx);
}

/**
 * One place per marker, in the order given: `x` the text's anchor in pixels, `row` 0 at the top.
 * `left` and `right` bound the plot; labels stay inside them, and at most `maxRows` rows are used
 * (past that, the last row takes the rest rather than leaving the plot).
 */
export function placeMarkerLabels(markers: readonly { x: number; label: string }[], { left, right, maxRows }: { left: number; right: number; maxRows: number }): MarkerLabelPlace[] {
  const rows: [number, number][][] = [];
  const places: MarkerLabelPlace[] = new Array(markers.length);
  const order = markers.map((marker, index) => ({ ...marker, index })).sort((a, b) => a.x - b.x || a.index - b.index);
  for (const marker of order) {
    const width = estimateLabelWidth(marker.label);
    const onRight = { x: marker.x + OFFSET, anchor: 'start' as const, span: [marker.x + OFFSET, marker.x + OFFSET + width] as [number, number] };
    const onLeft = { x: marker.x - OFFSET, anchor: 'end' as const, span: [marker.x - OFFSET - width, marker.x - OFFSET] as [number, number] };
    const inside = [onRight, onLeft].filter(({ span }) => span[0] >= left && span[1] <= right);
    // A label wider than the room on either side sits against the nearer edge.
    const candidates = inside.length > 0 ? inside : [marker.x - left < right - marker.x ? { x: left, anchor: 'start' as const, span: [left, left + width] as [number, number] } : { x: right, anchor: 'end' as const, span: [right - width, right] as [number, number] }];
    let chosen: { candidate: (typeof candidates)[number]; row: number } | null = null;
    for (let row = 0; row < Math.max(1, maxRows) && !chosen; row++) {
      const taken = rows[row] ?? [];
      const free = candidates.find(({ span }) => taken.every(([start, end]) => span[1] + GAP <= start || span[0] >= end + GAP));
      if (free) chosen = { candidate: free, row };
    }
    chosen ??= { candidate: candidates[0], row: Math.max(1, maxRows) - 1 };
    (rows[chosen.row] ??= []).push(chosen.candidate.span);
    places[marker.index] = { x: chosen.candidate.x, anchor: chosen.candidate.anchor, row: chosen.row };
  }
  return places;
}
