'use client';
import { useId, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { KNOB_LABELS, OPTION_NAMES } from './playground-text';
import styles from './playground.module.css';

type KnobProps = { name: string; labelKey?: string; locale: Locale; error?: string };

/** A number input with its range as a hint; an empty or invalid entry is passed on as NaN (the schema names it). */
export function NumberKnob({ name, labelKey, locale, value, min, max, step, onChange, error }: KnobProps & { value: number; min: number; max: number; step?: number; onChange: (value: number) => void }) {
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
        min={min}
        max={max}
        step={step ?? 'any'}
        value={Number.isNaN(value) ? '' : value}
        onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
        aria-invalid={Boolean(error)}
        aria-describedby={hintId}
      />
      <small id={hintId} className={error ? 'error' : 'muted'}>{error ?? `${min} – ${max}`}</small>
    </div>
  );
}

export function SelectKnob<V extends string | number>({ name, labelKey, locale, value, options, optionLabel, onChange, error }: KnobProps & { value: V; options: readonly V[]; optionLabel?: (option: V) => string; onChange: (value: V) => void }) {
  const id = useId();
  return (
    <div className={styles.knob}>
      <label htmlFor={id}>{KNOB_LABELS[labelKey ?? name]?.[locale] ?? name}</label>
      <select id={id} name={name} value={String(value)} onChange={(event) => onChange(options.find((option) => String(option) === event.target.value) ?? value)} aria-invalid={Boolean(error)}>
        {options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {optionLabel ? optionLabel(option) : (OPTION_NAMES[String(option)]?.[locale] ?? String(option))}
          </option>
        ))}
      </select>
      {error ? <small className="error">{error}</small> : null}
    </div>
  );
}

/** Hidden layer widths as "16, 16"; anything unreadable becomes NaN entries the schema rejects. */
export function LayersKnob({ locale, value, onChange, error }: { locale: Locale; value: number[]; onChange: (value: number[]) => void; error?: string }) {
  const id = useId();
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
      />
      <small className={error ? 'error' : 'muted'}>{error ?? (locale === 'ko' ? '층마다 1–64, 최대 4층 (비우면 선형 모델)' : '1–64 per layer, up to 4 layers (empty: a linear model)')}</small>
    </div>
  );
}
