import { CUSTOM_POINTS, ZConfigShape, type ADJUSTABLE_KNOBS, type AdjustableKnob } from './config-schema';
import { countParameters } from './count-parameters';
import { TRAINING_LIMITS } from './limits';

// The checks that need the whole configuration. The knob form validates with the same schema the
// socket handler and the worker use, so a limit is explained before a run starts.

/** A training configuration within every limit (parameter count included). */
export const ZTrainingConfig = ZConfigShape.superRefine((config, context) => {
  if (config.model === 'transformer' && config.dModel % config.heads !== 0) {
    context.addIssue({ code: 'custom', path: ['heads'], message: `dModel ${config.dModel} must be divisible by the number of heads (${config.heads}).` });
  }
  if (config.model !== 'perceptron' && config.model !== 'delta-rule') {
    const schedules: Record<(typeof ADJUSTABLE_KNOBS)[AdjustableKnob], { epoch: number }[] | undefined> = { lrSchedule: config.lrSchedule, weightDecaySchedule: config.weightDecaySchedule };
    for (const [key, schedule] of Object.entries(schedules)) {
      if (schedule?.some((change, i, all) => (i > 0 && change.epoch <= all[i - 1].epoch) || change.epoch > config.epochs)) {
        context.addIssue({ code: 'custom', path: [key], message: 'Changes made while training must be at increasing epochs within the run.' });
      }
    }
  }
  if (config.model === 'mlp' && config.task === 'custom') {
    const points = config.points ?? [];
    const ones = points.filter((point) => point[2] === 1).length;
    if (points.length < CUSTOM_POINTS.min || Math.min(ones, points.length - ones) < CUSTOM_POINTS.minPerClass) {
      context.addIssue({ code: 'custom', path: ['points'], message: `Add at least ${CUSTOM_POINTS.min} points, at least ${CUSTOM_POINTS.minPerClass} of each class.` });
    }
  }
  const params = countParameters(config);
  if (params > TRAINING_LIMITS.maxParams) {
    context.addIssue({
      code: 'custom',
      path: ['model'],
      message: `This model has ${params.toLocaleString('en')} parameters; the limit is ${TRAINING_LIMITS.maxParams.toLocaleString('en')}. Use fewer layers or units.`,
    });
  }
});

