import type { Metadata } from 'next';
import Link from 'next/link';
import { Playground } from '@/components/playground/playground';
import { T } from '@/components/playground/playground-text';
import { RunList } from '@/components/playground/run-list';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getLocale } from '@/lib/i18n/get-locale';
import { isAppError } from '@/lib/errors';
import { getRun, type RunDetail } from '@/lib/training/get-run';
import { listRuns } from '@/lib/training/list-runs';

export const metadata: Metadata = { title: 'Playground' };

export default async function PlaygroundPage({ searchParams }: { searchParams: Promise<{ fork?: string }> }) {
  const locale = await getLocale();
  const user = await requirePageUser('/playground');
  const { fork } = await searchParams;
  const [runs, forked] = await Promise.all([listRuns({ userId: user.id }), fork ? findRun(user.id, fork) : null]);
  return (
    <>
      <h1>{T.title[locale]}</h1>
      <p className="muted">{T.lead[locale]}</p>
      <p>
        <Link href="/playground/challenges">{T.challenges[locale]} →</Link>
      </p>
      {fork && !forked ? <p className="error" role="alert">{locale === 'ko' ? '복제할 실행을 찾을 수 없습니다.' : 'The run to fork was not found.'}</p> : null}
      <Playground key={forked?.id ?? 'new'} locale={locale} initialConfig={forked?.config} forkedFromId={forked?.id} />
      <section aria-labelledby="my-runs">
        <h2 id="my-runs">{T.myRuns[locale]}</h2>
        <RunList runs={runs} locale={locale} />
      </section>
    </>
  );
}

async function findRun(userId: string, runId: string): Promise<RunDetail | null> {
  try {
    return await getRun({ userId, runId });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
