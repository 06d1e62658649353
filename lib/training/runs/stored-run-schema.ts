import { z } from 'zod';
import type { EpochMetric, TrainingSnapshot } from '@/engine/playground/types';

// The JSON a TrainingRun row holds in `metrics`: one entry per epoch, and on the entry of the
// latest picture, that picture. Parsed on the way out so a page never trusts a shape blindly.

const ZEpochMetric = z.object({ epoch: z.int(), loss: z.number(), valLoss: z.number(), acc: z.number(), valAcc: z.number(), ms: z.number() });

const ZSnapshot = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('boundary'), epoch: z.int(), res: z.int(), extent: z.tuple([z.number(), z.number(), z.number(), z.number()]), grid: z.array(z.number()) }),
  z.object({
    kind: z.literal('cnn'), epoch: z.int(), kernel: z.int(), filters: z.array(z.array(z.number())), imageSide: z.int(), image: z.array(z.number()),
    label: z.int(), predicted: z.int(), mapSide: z.int(), featureMaps: z.array(z.array(z.number())),
  }),
  z.object({ kind: z.literal('sequence'), epoch: z.int(), gradNorms: z.array(z.number()) }),
  z.object({
    kind: z.literal('attention'), epoch: z.int(), input: z.array(z.int()), target: z.array(z.int()), predicted: z.array(z.int()),
    weights: z.array(z.array(z.array(z.array(z.number())))),
  }),
]);

const ZStoredMetrics = z.array(ZEpochMetric.extend({ snapshot: ZSnapshot.optional() }));

/** The entries of `metrics`, with `snapshot` attached to the entry of its epoch. */
export function toStoredMetrics(metrics: readonly EpochMetric[], snapshot: TrainingSnapshot | null): (EpochMetric & { snapshot?: TrainingSnapshot })[] {
  return metrics.map((metric) => (snapshot && metric.epoch === snapshot.epoch ? { ...metric, snapshot } : metric));
}

/** Splits stored JSON back into the curve and the latest picture; unreadable JSON counts as empty. */
export function readStoredMetrics(json: unknown): { metrics: EpochMetric[]; snapshot: TrainingSnapshot | null } {
  const parsed = ZStoredMetrics.safeParse(json);
  if (!parsed.success) return { metrics: [], snapshot: null };
  let snapshot: TrainingSnapshot | null = null;
  const metrics = parsed.data.map(({ snapshot: picture, ...metric }) => {
    if (picture) snapshot = picture;
    return metric;
  });
  return { metrics, snapshot };
}
