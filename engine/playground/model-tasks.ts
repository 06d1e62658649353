import { CLASSIC_TASKS, PLANE_TASKS, SEQUENCE_TASKS, TRANSLATION_TASKS, type ModelKind, type TTrainingConfig } from './config-schema';
import { DEFAULT_CONFIGS } from './default-configs';

/** The tasks each model can train on. */
export const MODEL_TASKS: Record<ModelKind, readonly string[]> = {
  perceptron: CLASSIC_TASKS,
  'delta-rule': CLASSIC_TASKS,
  mlp: PLANE_TASKS,
  cnn: ['digits'],
  rnn: SEQUENCE_TASKS,
  lstm: SEQUENCE_TASKS,
  transformer: TRANSLATION_TASKS,
};

/** The knobs that shape the data (not the model): a challenge fixes them to the defaults, so everyone is judged on the same points. */
const DATA_KNOBS = ['samples', 'noise', 'valSplit', 'seqLength', 'symbols', 'vocab'] as const;
type DataKnob = (typeof DATA_KNOBS)[number];

/** The standard data settings of a model's challenges. */
export function standardDataSettings(model: ModelKind): Partial<Record<DataKnob, number>> {
  const defaults: Partial<Record<string, unknown>> = DEFAULT_CONFIGS[model];
  const settings: Partial<Record<DataKnob, number>> = {};
  for (const knob of DATA_KNOBS) {
    const value = defaults[knob];
    if (typeof value === 'number') settings[knob] = value;
  }
  return settings;
}

/** Data knobs of `config` that differ from the standard ones: [knob, standard, used]. */
export function dataSettingsMismatches(config: TTrainingConfig): [DataKnob, number, number][] {
  const used: Partial<Record<string, unknown>> = config;
  return Object.entries(standardDataSettings(config.model)).flatMap(([knob, standard]) =>
    used[knob] === standard ? [] : [[knob as DataKnob, standard, Number(used[knob])] as [DataKnob, number, number]],
  );
}
