'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { T } from './playground-text';
import { ProgressBar } from './progress-bar';
import { RunCharts } from './run-charts';
import { SnapshotView } from './snapshot-view';
import { useTrainingSocket } from './use-training-socket';

/** A reopened run that is still queued or training: follows it live, then reloads the stored page. */
export function LiveRun({ runId, config, locale }: { runId: string; config: TTrainingConfig; locale: Locale }) {
  const router = useRouter();
  const { isConnected, runs, watch, stop } = useTrainingSocket();
  useEffect(() => {
    if (isConnected) void watch(runId);
  }, [isConnected, runId, watch]);
  const run = runs[runId];
  const isFinal = run && (run.status === 'COMPLETED' || run.status === 'STOPPED' || run.status === 'FAILED');
  useEffect(() => {
    if (isFinal) router.refresh();
  }, [isFinal, router]);
  if (!run) return <p className="muted" role="status">{T.starting[locale]}</p>;
  return (
    <section aria-live="polite">
      <ProgressBar run={run} locale={locale} />
      {!isFinal ? (
        <button type="button" className="button secondary" onClick={() => void stop(runId)}>
          {T.stop[locale]}
        </button>
      ) : null}
      <RunCharts curves={[{ metrics: run.metrics, color: '#1d4ed8', altColor: '#ea580c' }]} totalEpochs={run.totalEpochs} locale={locale} />
      <SnapshotView config={config} snapshot={run.snapshot} locale={locale} />
    </section>
  );
}
