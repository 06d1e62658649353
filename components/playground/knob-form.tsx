'use client';
import type { Locale } from '@/lib/i18n/locales';
import {
  ACTIVATIONS, CLASSIC_TASKS, MLP_TASKS, OPTIMIZERS, SEQUENCE_TASKS, TRANSLATION_TASKS,
  type GradientConfig, type TTrainingConfig,
} from '@/engine/playground/config-schema';
import { knobRange } from '@/engine/playground/knob-messages';
import { LayersKnob, NumberKnob, SelectKnob } from './knob-fields';
import { PointsEditor } from './points-editor';
import { TASK_NAMES } from './playground-text';
import styles from './playground.module.css';

export type KnobFormProps = {
  config: TTrainingConfig;
  onChange: (config: TTrainingConfig) => void;
  locale: Locale;
  /** Field errors from the schema, keyed by knob. */
  errors: Record<string, string>;
};

/** The knobs of the chosen model. Every range is read from the schema (knobRange). */
export function KnobForm({ config, onChange, locale, errors }: KnobFormProps) {
  const set = <K extends string>(key: K, value: unknown) => onChange({ ...config, [key]: value } as TTrainingConfig);
  const num = (name: string, value: number, step?: number, labelKey?: string) => {
    const range = knobRange(config.model, name);
    if (!range) throw new Error(`${config.model} has no number knob ${name}`);
    return <NumberKnob key={name} name={name} labelKey={labelKey} locale={locale} value={value} range={range} step={step} onChange={(v) => set(name, v)} error={errors[name]} />;
  };
  const taskLabel = (task: string) => TASK_NAMES[task]?.[locale] ?? task;

  const gradient = (c: GradientConfig) => [
    <SelectKnob key="optimizer" name="optimizer" locale={locale} value={c.optimizer} options={OPTIMIZERS} onChange={(v) => set('optimizer', v)} />,
    num('lr', c.lr, 0.001),
    num('batchSize', c.batchSize, 1),
    num('epochs', c.epochs, 1),
    num('weightDecay', c.weightDecay, 0.0001),
    num('patience', c.patience, 1),
    num('seed', c.seed, 1),
  ];

  let fields: React.ReactNode[];
  switch (config.model) {
    case 'perceptron':
    case 'delta-rule':
      fields = [
        <SelectKnob key="task" name="task" locale={locale} value={config.task} options={CLASSIC_TASKS} optionLabel={taskLabel} onChange={(v) => set('task', v)} />,
        num('lr', config.lr, 0.01),
        num('epochs', config.epochs, 1),
        num('noise', config.noise, 0.01),
        num('seed', config.seed, 1),
      ];
      break;
    case 'mlp':
      fields = [
        <SelectKnob key="task" name="task" locale={locale} value={config.task} options={MLP_TASKS} optionLabel={taskLabel} onChange={(v) => set('task', v)} />,
        // Your own points replace the generated data, so its noise and sample count do not apply.
        ...(config.task === 'custom'
          ? [<PointsEditor key="points" points={config.points ?? []} onChange={(points) => set('points', points)} locale={locale} error={errors.points} />]
          : [num('noise', config.noise, 0.01), num('samples', config.samples, 10)]),
        num('valSplit', config.valSplit, 0.05),
        <LayersKnob key="hidden" locale={locale} value={config.hidden} onChange={(v) => set('hidden', v)} error={errors.hidden} />,
        <SelectKnob key="activation" name="activation" locale={locale} value={config.activation} options={ACTIVATIONS} onChange={(v) => set('activation', v)} />,
        num('dropout', config.dropout, 0.05),
        ...gradient(config),
      ];
      break;
    case 'cnn':
      fields = [
        num('noise', config.noise, 0.01),
        num('samples', config.samples, 10),
        num('valSplit', config.valSplit, 0.05),
        num('filters', config.filters, 1),
        <SelectKnob key="kernel" name="kernel" locale={locale} value={config.kernel} options={[3, 5] as const} optionLabel={(k) => `${k}×${k}`} onChange={(v) => set('kernel', v)} />,
        num('filters2', config.filters2, 1),
        num('hidden', config.hidden, 1, 'hiddenDense'),
        <SelectKnob key="activation" name="activation" locale={locale} value={config.activation} options={ACTIVATIONS} onChange={(v) => set('activation', v)} />,
        num('dropout', config.dropout, 0.05),
        ...gradient(config),
      ];
      break;
    case 'rnn':
    case 'lstm':
      fields = [
        <SelectKnob key="task" name="task" locale={locale} value={config.task} options={SEQUENCE_TASKS} optionLabel={taskLabel} onChange={(v) => set('task', v)} />,
        num('seqLength', config.seqLength, 1),
        num('symbols', config.symbols, 1),
        num('samples', config.samples, 10),
        num('valSplit', config.valSplit, 0.05),
        num('hiddenSize', config.hiddenSize, 1),
        ...gradient(config),
      ];
      break;
    case 'transformer':
      fields = [
        <SelectKnob key="task" name="task" locale={locale} value={config.task} options={TRANSLATION_TASKS} optionLabel={taskLabel} onChange={(v) => set('task', v)} />,
        num('seqLength', config.seqLength, 1),
        num('vocab', config.vocab, 1),
        num('samples', config.samples, 10),
        num('valSplit', config.valSplit, 0.05),
        num('dModel', config.dModel, 1),
        num('heads', config.heads, 1),
        num('layers', config.layers, 1),
        num('dFF', config.dFF, 1),
        num('dropout', config.dropout, 0.05),
        ...gradient(config),
      ];
      break;
  }
  return <div className={styles.knobs}>{fields}</div>;
}
