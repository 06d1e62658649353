import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfigTable } from '@/components/playground/config-table';
import { EnterChallenge } from '@/components/playground/enter-challenge';
import { ForkBanner } from '@/components/playground/fork-banner';
import { LiveRun } from '@/components/playground/live-run';
import { describeFailure, fill, formatPercent, MODEL_NAMES, STATUS_NAMES, STOP_REASONS, T, TASK_NAMES } from '@/components/playground/playground-text';
import { RunTimeline } from '@/components/playground/run-timeline';
import { TraceView } from '@/components/playground/trace-view';
import { orNotFound } from '@/components/ui/or-not-found';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { isAppError } from '@/lib/errors';
import { formatNumber } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/get-locale';
import { getRun } from '@/lib/training/runs/get-run';
import { listChallenges } from '@/lib/training/challenges/list-challenges';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ({ ko: '학습 실행', en: 'Training run' })[await getLocale()] };
}

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const locale = await getLocale();
  const user = await requirePageUser(`/playground/runs/${runId}`);
  const run = await orNotFound(getRun({ userId: user.id, runId }));
  const isActive = run.status === 'QUEUED' || run.status === 'RUNNING';
  const isFinished = run.status === 'COMPLETED' || run.status === 'STOPPED';
  const challenges = run.isOwn && isFinished ? (await listChallenges({ userId: user.id })).filter((c) => c.isOpen && c.model === run.model && c.task === run.task) : [];
  const reason = run.status === 'STOPPED' ? run.error : run.status === 'COMPLETED' && run.metrics.length < run.config.epochs ? 'early' : null;
  const modelName = MODEL_NAMES[run.config.model][locale];
  // A finished Transformer run: your own sentence through it (docs/playground.md).
  const traceable = run.config.model === 'transformer' && isFinished && run.snapshot?.kind === 'attention' && run.snapshot.parameters ? run.config : null;
  // The run it was forked from, if the viewer may still see it.
  const origin = run.forkedFromId ? await getRun({ userId: user.id, runId: run.forkedFromId }).catch((error: unknown) => (isAppError(error) && error.code === 'NOT_FOUND' ? null : Promise.reject(error))) : null;

  return (
    <>
      <p><Link className="tap" href="/playground">← {T.back[locale]}</Link></p>
      <h1>{modelName} · {TASK_NAMES[run.task]?.[locale] ?? run.task}</h1>
      <p>
        {STATUS_NAMES[run.status][locale]} · {T.finalValAcc[locale]} <strong>{formatPercent(run.finalValAcc)}</strong> · {T.params[locale]} {formatNumber(run.params, locale)}
        {run.metrics.length > 0 ? <> · {T.trainTime[locale]} {(run.metrics[run.metrics.length - 1].ms / 1000).toFixed(1)} s</> : null}
        {run.owner ? <> · {T.owner[locale]} {run.owner[locale]}</> : null}
      </p>
      {reason && STOP_REASONS[reason] ? <p className="muted">{STOP_REASONS[reason][locale]}</p> : null}
      {run.status === 'FAILED' ? <p className="error" data-testid="run-failure">{describeFailure(run.error, locale)}</p> : null}
      {origin ? <ForkBanner origin={{ id: origin.id, model: origin.config.model, task: origin.task, createdAt: origin.createdAt, owner: origin.owner }} locale={locale} isForking={false} /> : null}
      <p className="button-row">
        <Link className="button secondary" href={`/playground?fork=${run.id}`}>{T.fork[locale]}</Link>
        <a className="button secondary" href={`/api/training/runs/${run.id}/export`} download data-testid="export-pytorch" title={T.exportPyTorchHint[locale]}>
          {T.exportPyTorch[locale]}
        </a>
      </p>
      {isActive && run.isOwn ? (
        <LiveRun runId={run.id} config={run.config} locale={locale} />
      ) : (
        <>
          <RunTimeline config={run.config} metrics={run.metrics} frames={run.frames} totalEpochs={run.config.epochs} locale={locale} isLive={false} error={run.status === 'FAILED' ? run.error : null} />
        </>
      )}
      {traceable ? (
        <TraceView
          runId={run.id}
          locale={locale}
          model={{ seqLength: traceable.seqLength, vocab: traceable.vocab }}
          exampleTokens={run.snapshot?.kind === 'attention' ? run.snapshot.input : Array.from({ length: traceable.seqLength }, (_, i) => i % traceable.vocab)}
        />
      ) : null}
      <EnterChallenge runId={run.id} challenges={challenges.map((c) => ({ id: c.id, title: c.title }))} locale={locale} />
      <section aria-labelledby="run-config">
        <h2 id="run-config">{T.config[locale]}</h2>
        <ConfigTable config={run.config} locale={locale} />
        <p className="muted">{fill(T.runTitle[locale], { id: run.id })}</p>
      </section>
    </>
  );
}
