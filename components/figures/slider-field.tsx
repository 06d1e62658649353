'use client';

import { formatNumber } from '@/components/figures/format-number';
import styles from '@/components/figures/figure.module.css';

export interface SliderFieldProps {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step: number;
}

/** A labelled range input (arrow keys move it by one step) with its value written next to the label. */
export function SliderField({ id, label, value, onChange, min, max, step }: SliderFieldProps) {
  return (
    <div className={styles.slider}>
      <label htmlFor={id}>
        {label} = <output htmlFor={id} className={styles.sliderValue}>{formatNumber(value, 2)}</output>
      </label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} onChange={(event) => onChange(Number(event.target.value))} />
    </div>
  );
}
