'use client';

import type { Locale } from '@/lib/i18n/locales';
import { NumberInput } from '@/components/figures/number-input';
import styles from '@/components/figures/figure.module.css';

export interface MatrixEditorProps {
  /** Unique prefix for the cells' ids. */
  id: string;
  caption: string;
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  values: readonly (readonly number[])[];
  onChange: (values: number[][]) => void;
  min: number;
  max: number;
  locale: Locale;
}

/** A small matrix of number boxes; each box is named by its matrix, row and column for screen readers. */
export function MatrixEditor({ id, caption, rowLabels, columnLabels, values, onChange, min, max, locale }: MatrixEditorProps) {
  const setCell = (row: number, column: number, value: number) => {
    onChange(values.map((cells, r) => cells.map((cell, c) => (r === row && c === column ? value : cell))));
  };
  return (
    <div className={styles.matrix}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {columnLabels.map((label) => (
              <th key={label} scope="col">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((cells, row) => (
            <tr key={row}>
              <th scope="row">{rowLabels[row]}</th>
              {cells.map((cell, column) => (
                <td key={column}>
                  <NumberInput
                    id={`${id}-${row}-${column}`}
                    value={cell}
                    onChange={(value) => setCell(row, column, value)}
                    min={min}
                    max={max}
                    locale={locale}
                    ariaLabel={`${caption} ${rowLabels[row]} ${columnLabels[column]}`}
                    isCompact
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
