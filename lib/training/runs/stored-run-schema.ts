import { z } from 'zod';
import { boundFrames } from '@/engine/playground/snapshot-content';
import type { EpochMetric, TrainingSnapshot } from '@/engine/playground/types';

// The JSON a TrainingRun row holds in `metrics`: one entry per epoch, and on each entry where a
// picture was taken, that picture (at most MAX_FRAMES of them: the run's timeline). Parsed on the
// way out so a page never trusts a shape blindly.

const ZEpochMetric = z.object({ epoch: z.int(), loss: z.number(), valLoss: z.number(), acc: z.number(), valAcc: z.number(), ms: z.number(), lr: z.number().optional(), weightDecay: z.number().optional() });

const ZWeightStats = z.array(z.object({ name: z.string(), size: z.int(), mean: z.number(), std: z.number(), min: z.number(), max: z.number() })).optional();

const ZNetworkPicture = z.object({
  activation: z.enum(['relu', 'tanh', 'sigmoid']),
  sizes: z.array(z.int()),
  weights: z.array(z.array(z.array(z.number()))),
  biases: z.array(z.array(z.number())),
  thumbRes: z.int(),
  thumbs: z.array(z.array(z.array(z.number()))),
});

const ZSnapshot = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('boundary'), epoch: z.int(), res: z.int(), extent: z.tuple([z.number(), z.number(), z.number(), z.number()]), grid: z.array(z.number()),
    network: ZNetworkPicture.optional(), weightStats: ZWeightStats,
  }),
  z.object({
    kind: z.literal('cnn'), epoch: z.int(), kernel: z.int(), filters: z.array(z.array(z.number())), imageSide: z.int(), image: z.array(z.number()),
    label: z.int(), predicted: z.int(), mapSide: z.int(), featureMaps: z.array(z.array(z.number())), weightStats: ZWeightStats,
    parameters: z.array(z.array(z.number())).optional(),
  }),
  z.object({ kind: z.literal('sequence'), epoch: z.int(), gradNorms: z.array(z.number()), weightStats: ZWeightStats }),
  z.object({
    kind: z.literal('attention'), epoch: z.int(), input: z.array(z.int()), target: z.array(z.int()), predicted: z.array(z.int()),
    weights: z.array(z.array(z.array(z.array(z.number())))), weightStats: ZWeightStats,
    parameters: z.array(z.array(z.number())).optional(),
  }),
]);

const ZStoredMetrics = z.array(ZEpochMetric.extend({ snapshot: ZSnapshot.optional() }));

/** The entries of `metrics`, each picture of the timeline attached to the entry of its epoch. */
export function toStoredMetrics(metrics: readonly EpochMetric[], frames: readonly TrainingSnapshot[]): (EpochMetric & { snapshot?: TrainingSnapshot })[] {
  const byEpoch = new Map(boundFrames(frames).map((frame) => [frame.epoch, frame]));
  return metrics.map((metric) => {
    const snapshot = byEpoch.get(metric.epoch);
    return snapshot ? { ...metric, snapshot } : metric;
  });
}

export type StoredCurve = { metrics: EpochMetric[]; frames: TrainingSnapshot[]; snapshot: TrainingSnapshot | null };

/** Splits stored JSON back into the curve, the timeline's pictures and the latest one; unreadable JSON counts as empty. */
export function readStoredMetrics(json: unknown): StoredCurve {
  const parsed = ZStoredMetrics.safeParse(json);
  if (!parsed.success) return { metrics: [], frames: [], snapshot: null };
  const frames: TrainingSnapshot[] = [];
  const metrics = parsed.data.map(({ snapshot: picture, ...metric }) => {
    if (picture) frames.push(picture);
    return metric;
  });
  return { metrics, frames, snapshot: frames.at(-1) ?? null };
}
