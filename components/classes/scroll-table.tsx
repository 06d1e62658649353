import type { ReactNode } from 'react';
import styles from './classes.module.css';

export interface ScrollTableColumn {
  label: ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Stays in view while the rest scrolls sideways. */
  sticky?: boolean;
}

export interface ScrollTableProps {
  /** The id of the heading that names the table, or the name itself. */
  labelledBy?: string;
  label?: string;
  columns: ScrollTableColumn[];
  testId?: string;
  /** The body's rows. */
  children: ReactNode;
}

/**
 * A data table that scrolls sideways inside its own focusable box (never the page) on a phone,
 * with shadows at the cut edges; every course and class table uses it.
 */
export function ScrollTable({ labelledBy, label, columns, testId, children }: ScrollTableProps) {
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby={labelledBy} aria-label={label} data-testid={testId}>
      <table>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={[column.numeric && styles.numeric, column.sticky && styles.sticky].filter(Boolean).join(' ') || undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
