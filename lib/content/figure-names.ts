// The interactive figures a unit may embed with `::figure{name="…"}`. Plain data, so both the
// content loader (server) and the figure slot (browser) can import it without pulling in either side.
export const FIGURE_NAMES = ['decision-boundary', 'comp-graph', 'conv-stepper', 'lstm-gates', 'attention-heatmap'] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

export function isFigureName(name: string): name is FigureName {
  return (FIGURE_NAMES as readonly string[]).includes(name);
}
