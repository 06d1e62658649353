import type { Locale } from '@/lib/i18n/locales';
import type { LiveRun } from './use-training-socket';
import { describeFailure, fill, formatPercent, STATUS_NAMES, STOP_REASONS, T } from './playground-text';
import styles from './playground.module.css';

/** Epochs done out of planned, or the place in the queue, plus how the run ended. */
export function ProgressBar({ run, locale, name }: { run: LiveRun; locale: Locale; name?: string }) {
  const done = run.metrics.at(-1)?.epoch ?? 0;
  const total = Math.max(1, run.totalEpochs);
  const isFinal = run.status === 'COMPLETED' || run.status === 'STOPPED' || run.status === 'FAILED';
  const early = run.status === 'COMPLETED' && done < total ? 'early' : undefined;
  const reason = run.stopReason ?? early;
  return (
    <div className={styles.progress} data-testid="run-progress" data-status={run.status}>
      <p>
        {name ? <strong>{name} · </strong> : null}
        <span>{STATUS_NAMES[run.status][locale]}</span>
        {run.status === 'QUEUED' && run.position ? <> · <span>{fill(T.queued[locale], { n: run.position })}</span></> : null}
        {run.status !== 'QUEUED' ? <> · {fill(T.epochOf[locale], { e: done, t: run.totalEpochs })}</> : null}
        {isFinal && run.finalValAcc !== undefined ? <> · {T.finalValAcc[locale]} <strong>{formatPercent(run.finalValAcc)}</strong></> : null}
      </p>
      <progress max={total} value={run.status === 'COMPLETED' ? total : done} aria-label={fill(T.epochOf[locale], { e: done, t: run.totalEpochs })} />
      {isFinal && reason && run.status !== 'FAILED' ? <p className="muted">{STOP_REASONS[reason][locale]}</p> : null}
      {run.status === 'FAILED' ? <p className="error" role="alert">{describeFailure(run.error, locale)}</p> : null}
    </div>
  );
}
