import Link from 'next/link';
import { ariaSortOf, sortedBy, type SortColumn, type StudentTableView } from '@/lib/gradebook/student-table-view';
import styles from './sort-heading.module.css';

export interface SortHeadingProps {
  view: StudentTableView;
  column: SortColumn;
  /** The URL of a view of the same table. */
  hrefOf: (view: StudentTableView) => string;
  label: string;
  className?: string;
}

/** A column heading of a table sorted on the server: a link to the table sorted by it (the sorted column turns around), with aria-sort. */
export function SortHeading({ view, column, hrefOf, label, className }: SortHeadingProps) {
  const sort = ariaSortOf(view, column);
  return (
    <th scope="col" className={className} aria-sort={sort}>
      {/* No prefetch: a table has dozens of headings, each a fresh server render of the whole class. */}
      <Link className={styles.link} href={hrefOf(sortedBy(view, column))} prefetch={false} scroll={false}>
        {label} {sort !== 'none' && <span data-sort-arrow="">{sort === 'ascending' ? '▲' : '▼'}</span>}
      </Link>
    </th>
  );
}
