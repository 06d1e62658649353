import type { ReactNode } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import styles from './course.module.css';

const TEXT = {
  exercise: { ko: '연습문제', en: 'Exercise' },
  remove: { ko: '빼기', en: 'Remove' },
} satisfies Record<string, Localized>;

export interface ExerciseRowsProps<TItem extends { typeId: string }> {
  locale: Locale;
  types: { typeId: string; title: Localized }[];
  items: TItem[];
  onChange: (items: TItem[]) => void;
  /** A new row for an exercise type not yet in the list. */
  newItem: (typeId: string) => TItem;
  addLabel: Localized;
  /** The row's own fields after the exercise select (target, points…). */
  renderFields: (item: TItem, replace: (patch: Partial<TItem>) => void) => ReactNode;
}

/**
 * The exercise list of an assignment or exam form: one row per exercise (its type, the form's own
 * fields, Remove) and "Add" for the first type not yet chosen.
 */
export function ExerciseRows<TItem extends { typeId: string }>({ locale, types, items, onChange, newItem, addLabel, renderFields }: ExerciseRowsProps<TItem>) {
  const replaceAt = (index: number) => (patch: Partial<TItem>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <>
      {items.map((item, index) => (
        <div key={index} className={styles.itemRow}>
          <select aria-label={TEXT.exercise[locale]} value={item.typeId} onChange={(e) => replaceAt(index)({ typeId: e.target.value } as Partial<TItem>)}>
            {types.map((type) => (
              <option key={type.typeId} value={type.typeId}>{type.title[locale]}</option>
            ))}
          </select>
          {renderFields(item, replaceAt(index))}
          <button type="button" className="button secondary" onClick={() => onChange(items.filter((_, i) => i !== index))}>{TEXT.remove[locale]}</button>
        </div>
      ))}
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          const unused = types.find((type) => !items.some((item) => item.typeId === type.typeId));
          if (unused) onChange([...items, newItem(unused.typeId)]);
        }}
      >
        {addLabel[locale]}
      </button>
    </>
  );
}
