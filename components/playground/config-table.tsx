import type { Locale } from '@/lib/i18n/locales';
import { ADJUSTABLE_KNOB_NAMES, ADJUSTABLE_KNOBS, type AdjustableKnob, type TTrainingConfig } from '@/engine/playground/config-schema';
import { knobLabel } from '@/engine/playground/knob-messages';
import { fill } from '@/lib/i18n/fill';
import { MODEL_NAMES, OPTION_NAMES, TASK_NAMES } from './playground-text';
import styles from './playground.module.css';

/** A run's configuration as label/value rows; keys in `differs` are highlighted (compare view). */
export function ConfigTable({ config, locale, differs = [] }: { config: TTrainingConfig; locale: Locale; differs?: string[] }) {
  const rows = Object.entries(config).map(([key, value]) => {
    const label = key === 'model' ? 'model' : knobLabel(config.model, key)[locale];
    return { key, label, text: describe(key, value, locale) };
  });
  return (
    <table className={styles.configTable}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={differs.includes(row.key) ? styles.differs : undefined}>
            <th scope="row">{row.key === 'model' ? (locale === 'ko' ? '모델' : 'Model') : row.label}</th>
            <td>{row.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describe(key: string, value: unknown, locale: Locale): string {
  if (key === 'model' && typeof value === 'string') return MODEL_NAMES[value as keyof typeof MODEL_NAMES]?.[locale] ?? value;
  if (key === 'task' && typeof value === 'string') return TASK_NAMES[value]?.[locale] ?? value;
  if (typeof value === 'string') return OPTION_NAMES[value]?.[locale] ?? value;
  // Your own points: how many, not the numbers (up to 500 of them).
  if (key === 'points' && Array.isArray(value)) return fill({ ko: '점 {n}개', en: '{n} points' }[locale], { n: value.length });
  // Learning-rate and weight-decay changes made while the run trained: "from epoch 5: 0.01".
  const knob = ADJUSTABLE_KNOB_NAMES.find((name) => ADJUSTABLE_KNOBS[name] === key);
  if (knob && Array.isArray(value)) {
    return value.length > 0 ? value.map((change: { epoch: number } & Record<AdjustableKnob, number>) => fill({ ko: '{e} 에포크부터 {lr}', en: 'from epoch {e}: {lr}' }[locale], { e: change.epoch, lr: change[knob] })).join(', ') : '—';
  }
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  return String(value);
}

/** Keys whose values differ between two configurations. */
export function differingKeys(a: TTrainingConfig, b: TTrainingConfig): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const left: Record<string, unknown> = a;
  const right: Record<string, unknown> = b;
  return [...keys].filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]));
}
