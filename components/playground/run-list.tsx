'use client';
import Link from 'next/link';
import { useState } from 'react';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { DateTime } from '@/components/ui/date-time';
import type { RunSummary } from '@/lib/training/runs/list-runs';
import { formatPercent, MODEL_NAMES, STATUS_NAMES, T, TASK_NAMES } from './playground-text';
import styles from './playground.module.css';

/** The user's runs: open one, fork one, or tick two and compare them. */
export function RunList({ runs, locale }: { runs: RunSummary[]; locale: Locale }) {
  const [selected, setSelected] = useState<string[]>([]);
  if (runs.length === 0) return <p className="muted">{T.noRuns[locale]}</p>;
  const toggle = (id: string) => setSelected((previous) => (previous.includes(id) ? previous.filter((x) => x !== id) : [...previous.slice(-1), id]));
  return (
    <div className={styles.runList}>
      <p className="muted">{T.compareHint[locale]}</p>
      <p>
        {selected.length === 2 ? (
          <Link className="button" href={`/playground/compare?a=${selected[0]}&b=${selected[1]}`}>{T.compare[locale]}</Link>
        ) : (
          <button type="button" className="button" disabled>{T.compare[locale]}</button>
        )}
      </p>
      <div className="scroll-x">
      <table>
        <thead>
          <tr>
            <th scope="col"><span className={styles.srOnly}>{T.compare[locale]}</span></th>
            <th scope="col">{T.model[locale]}</th>
            <th scope="col">{T.status[locale]}</th>
            <th scope="col">{T.valAcc[locale]}</th>
            <th scope="col">{T.params[locale]}</th>
            <th scope="col">{T.created[locale]}</th>
            <th scope="col"><span className={styles.srOnly}>{T.open[locale]}</span></th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const name = `${MODEL_NAMES[run.model as keyof typeof MODEL_NAMES]?.[locale] ?? run.model} · ${TASK_NAMES[run.task]?.[locale] ?? run.task}`;
            return (
              <tr key={run.id}>
                <td>
                  <label>
                    <input type="checkbox" checked={selected.includes(run.id)} onChange={() => toggle(run.id)} aria-label={`${T.compare[locale]}: ${name}`} />
                  </label>
                </td>
                <td>{name}</td>
                <td>{STATUS_NAMES[run.status][locale]}</td>
                <td>{formatPercent(run.finalValAcc)}</td>
                <td>{formatNumber(run.params, locale)}</td>
                <td><DateTime value={run.createdAt} locale={locale} /></td>
                <td>
                  <Link className="tap" href={`/playground/runs/${run.id}`}>{T.open[locale]}</Link> · <Link className="tap" href={`/playground?fork=${run.id}`}>{T.fork[locale]}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </div>
  );
}
