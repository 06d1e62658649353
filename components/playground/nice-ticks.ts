/**
 * About `count` round tick values (1, 2, 2.5 or 5 × a power of ten) covering [min, max], as a chart
 * axis shows them. `isInteger` keeps steps whole (epochs).
 */
export function niceTicks(min: number, max: number, count: number, { isInteger = false }: { isInteger?: boolean } = {}): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min || count < 1) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * power).filter((s) => !isInteger || Number.isInteger(s));
  const step = Math.max(isInteger ? 1 : 0, steps.find((s) => s >= rough) ?? 10 * power);
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let value = first; value <= max + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}
