'use client';

import { useState } from 'react';
import { parseNumber } from '@/engine/exercises/parse-number';
import type { Locale } from '@/lib/i18n/locales';
import { COMMON_TEXT } from '@/components/figures/figure-text';
import { fill } from '@/lib/i18n/fill';
import { formatNumber } from '@/components/figures/format-number';
import styles from '@/components/figures/figure.module.css';

export interface NumberInputProps {
  id: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  locale: Locale;
  /** Accessible name when there is no visible <label htmlFor={id}>. */
  ariaLabel?: string;
  /** A compact cell (matrix entries). */
  isCompact?: boolean;
}

/**
 * A number box that never hands the figure a bad value: the text is kept as typed, and only a
 * finite number inside [min, max] reaches onChange. Anything else shows why, and the figure
 * keeps the last good value.
 */
export function NumberInput({ id, value, onChange, min, max, locale, ariaLabel, isCompact = false }: NumberInputProps) {
  const [text, setText] = useState(() => formatPlain(value));
  const [shown, setShown] = useState(value);
  // A reset or preset changes `value` from outside: show it, unless the text already means it.
  if (value !== shown) {
    setShown(value);
    if (parseNumber(text) !== value) setText(formatPlain(value));
  }
  const parsed = parseNumber(text);
  const isValid = parsed !== null && parsed >= min && parsed <= max;
  const errorId = `${id}-error`;

  return (
    <span className={isCompact ? styles.compactInput : styles.numberInput}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-label={ariaLabel}
        aria-invalid={!isValid}
        aria-describedby={isValid ? undefined : errorId}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const number = parseNumber(next);
          if (number !== null && number >= min && number <= max) {
            setShown(number);
            onChange(number);
          }
        }}
      />
      {!isValid && (
        <span id={errorId} role="alert" className={isCompact ? styles.visuallyHidden : styles.inputError}>
          {fill(COMMON_TEXT.numberRange[locale], { min: formatNumber(min), max: formatNumber(max) })} {COMMON_TEXT.kept[locale]}
        </span>
      )}
    </span>
  );
}

function formatPlain(value: number): string {
  return String(Number(value.toFixed(6)));
}
