import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfigTable, differingKeys } from '@/components/playground/config-table';
import { formatPercent, MODEL_NAMES, STATUS_NAMES, T, TASK_NAMES } from '@/components/playground/playground-text';
import { PairTimeline } from '@/components/playground/pair-timeline';
import styles from '@/components/playground/playground.module.css';
import { orNotFound } from '@/components/ui/or-not-found';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { formatNumber } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/get-locale';
import { getRun, type RunDetail } from '@/lib/training/runs/get-run';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ({ ko: '실행 비교', en: 'Compare runs' })[await getLocale()] };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const { a, b } = await searchParams;
  const locale = await getLocale();
  const user = await requirePageUser(`/playground/compare?a=${a ?? ''}&b=${b ?? ''}`);
  if (!a || !b) notFound();
  const runs = await Promise.all([a, b].map((runId) => orNotFound(getRun({ userId: user.id, runId }))));
  const differs = differingKeys(runs[0].config, runs[1].config);
  const name = (run: RunDetail, i: number) => `${i === 0 ? 'A' : 'B'} · ${MODEL_NAMES[run.config.model][locale]}`;

  return (
    <>
      <p><Link className="tap" href="/playground">← {T.back[locale]}</Link></p>
      <h1>{T.compareTitle[locale]}</h1>
      <PairTimeline
        runs={runs.map((run, i) => ({
          name: name(run, i),
          config: run.config,
          metrics: run.metrics,
          frames: run.frames,
          totalEpochs: run.config.epochs,
          color: i === 0 ? '#1d4ed8' : '#7c3aed',
          altColor: i === 0 ? '#ea580c' : '#db2777',
        }))}
        locale={locale}
        isLive={false}
      />
      <div className={styles.compare}>
        {runs.map((run, i) => (
          <section key={run.id} aria-label={name(run, i)}>
            <h2>
              <Link href={`/playground/runs/${run.id}`}>{name(run, i)}</Link> · {TASK_NAMES[run.task]?.[locale] ?? run.task}
            </h2>
            <p>
              {STATUS_NAMES[run.status][locale]} · {T.finalValAcc[locale]} <strong>{formatPercent(run.finalValAcc)}</strong> · {T.params[locale]} {formatNumber(run.params, locale)}
            </p>
            <ConfigTable config={run.config} locale={locale} differs={differs} />
          </section>
        ))}
      </div>
      {differs.length > 0 ? <p className="muted"><span className={styles.differs}>{T.different[locale]}</span>: {differs.join(', ')}</p> : null}
    </>
  );
}
