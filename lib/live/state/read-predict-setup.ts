import { ZPredictSetup, type TPredictSetup } from '@/lib/live/protocol/predict-setup';

/** A question row's stored `predict` column as a setup; null for an exercise (or a setup that no longer parses). */
export function readPredictSetup(stored: unknown): TPredictSetup | null {
  if (stored === null || stored === undefined) return null;
  const parsed = ZPredictSetup.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
