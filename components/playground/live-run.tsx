'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { T } from './playground-text';
import { ProgressBar } from './progress-bar';
import { RunTimeline } from './run-timeline';
import { useTrainingSocket } from './use-training-socket';

/** A reopened run that is still queued or training: follows it live, then reloads the stored page. */
export function LiveRun({ runId, config, locale }: { runId: string; config: TTrainingConfig; locale: Locale }) {
  const router = useRouter();
  const { isConnected, runs, watch, stop, setKnob } = useTrainingSocket();
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
      <RunTimeline
        config={config}
        metrics={run.metrics}
        frames={run.frames ?? []}
        totalEpochs={run.totalEpochs}
        locale={locale}
        isLive={!isFinal}
        error={run.error}
        onSetKnob={
          run.status === 'RUNNING'
            ? async (knob, value) => {
                const ack = await setKnob(runId, knob, value);
                return ack.ok ? { ok: true as const, fromEpoch: ack.fromEpoch } : { ok: false as const, text: ack.error.text[locale] };
              }
            : undefined
        }
      />
    </section>
  );
}
