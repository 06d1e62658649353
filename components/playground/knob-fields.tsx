'use client';
import { useId, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { formatRange, hiddenLayersHint, KNOB_LABELS, type KnobRange } from '@/engine/playground/knob-messages';
import { OPTION_NAMES } from './playground-text';
import styles from './playground.module.css';

type KnobProps = { name: string; labelKey?: string; locale: Locale; error?: string };

/**
 * A number input with its allowed range (from the schema) as a hint; an empty or invalid entry is
 * passed on as NaN. When the value is out of range the hint becomes the error — one message, under
 * the knob, that names the range.
 */
export function NumberKnob({ name, labelKey, locale, value, range, step, onChange, error }: KnobProps & { value: number; range: KnobRange; step?: number; onChange: (value: number) => void }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={styles.knob}>
      <label htmlFor={id}>{KNOB_LABELS[labelKey ?? name][locale]}</label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="decimal"
        min={range.min}
        max={range.max}
        step={step ?? 'any'}
        value={Number.isNaN(value) ? '' : value}
        onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
        aria-invalid={Boolean(error)}
        aria-describedby={hintId}
      />
      <small id={hintId} className={error ? 'error' : 'muted'} data-testid={`knob-hint-${name}`}>{error ?? formatRange(range)}</small>
    </div>
  );
}

export function SelectKnob<V extends string | number>({ name, labelKey, locale, value, options, optionLabel, onChange, error }: KnobProps & { value: V; options: readonly V[]; optionLabel?: (option: V) => string; onChange: (value: V) => void }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={styles.knob}>
      <label htmlFor={id}>{KNOB_LABELS[labelKey ?? name]?.[locale] ?? name}</label>
      <select id={id} name={name} value={String(value)} onChange={(event) => onChange(options.find((option) => String(option) === event.target.value) ?? value)} aria-invalid={Boolean(error)} aria-describedby={error ? hintId : undefined}>
        {options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {optionLabel ? optionLabel(option) : (OPTION_NAMES[String(option)]?.[locale] ?? String(option))}
          </option>
        ))}
      </select>
      {error ? <small id={hintId} className="error">{error}</small> : null}
    </div>
  );
}

/** Hidden layer widths as "16, 16"; anything unreadable becomes NaN entries the schema rejects. */
export function LayersKnob({ locale, value, onChange, error }: { locale: Locale; value: number[]; onChange: (value: number[]) => void; error?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [text, setText] = useState(value.join(', '));
  return (
    <div className={styles.knob}>
      <label htmlFor={id}>{KNOB_LABELS.hidden[locale]}</label>
      <input
        id={id}
        name="hidden"
        type="text"
        inputMode="numeric"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const parts = event.target.value.split(',').map((part) => part.trim()).filter((part) => part !== '');
          onChange(parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN)));
        }}
        aria-invalid={Boolean(error)}
        aria-describedby={hintId}
      />
      <small id={hintId} className={error ? 'error' : 'muted'} data-testid="knob-hint-hidden">{error ?? hiddenLayersHint()[locale]}</small>
    </div>
  );
}
