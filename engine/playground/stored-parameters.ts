import type { nn } from '@/engine';

// A trained model's parameters as a run stores them with its last picture (the CNN's draw-a-digit,
// the Transformer's "your own sentence"), and loaded back into a model built from the run's
// configuration. Client-safe: the CNN's page loads them in the browser.

/** One flat list per tensor in the model's `parameters()` order, each value the shortest decimal of its float32. */
export function storedParameters(model: nn.Module): number[][] {
  return model.parameters().map((p) => Array.from(p.data, shortestFloat32));
}

/**
 * The shortest decimal that reads back as the same float32 (at most 9 significant digits), so the
 * stored weights are about half the JSON of float64's 17 digits and load back exactly. A value
 * that is not a float32 stays as it is.
 */
export function shortestFloat32(value: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Object.is(Math.fround(candidate), value)) return candidate;
  }
  return value;
}

/** Thrown when a run's stored weights do not fit the model its configuration builds. */
export class StoredWeightsMismatchError extends Error {
  override name = 'StoredWeightsMismatchError';
}

/** Sets every parameter of `model` to the stored values; throws StoredWeightsMismatchError when they do not fit. */
export function loadParameters(model: nn.Module, values: readonly (readonly number[])[]): void {
  const targets = model.parameters();
  if (targets.length !== values.length || targets.some((p, k) => p.size !== values[k].length || !values[k].every(Number.isFinite))) {
    throw new StoredWeightsMismatchError(`The stored weights (${values.length} tensors) do not fit this configuration's model (${targets.length} tensors).`);
  }
  targets.forEach((p, k) => p.data.set(values[k]));
}
