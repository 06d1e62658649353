import type { Metadata } from 'next';
import Link from 'next/link';
import { Playground } from '@/components/playground/playground';
import { T } from '@/components/playground/playground-text';
import { RunList } from '@/components/playground/run-list';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getLocale } from '@/lib/i18n/get-locale';
import { isAppError } from '@/lib/errors';
import { getRun, type RunDetail } from '@/lib/training/runs/get-run';
import { listRuns } from '@/lib/training/runs/list-runs';
import { MODEL_KINDS, type TTrainingConfig } from '@/engine/playground/config-schema';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { getChallengeLeaderboard, type ChallengeView } from '@/lib/training/challenges/get-challenge-leaderboard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ({ ko: '플레이그라운드', en: 'Playground' })[await getLocale()] };
}

export default async function PlaygroundPage({ searchParams }: { searchParams: Promise<{ fork?: string; challenge?: string }> }) {
  const locale = await getLocale();
  const user = await requirePageUser('/playground');
  const { fork, challenge: challengeId } = await searchParams;
  const [runs, forked, challenge] = await Promise.all([
    listRuns({ userId: user.id }),
    fork ? findRun(user.id, fork) : null,
    challengeId ? findChallenge(user.id, challengeId) : null,
  ]);
  const challengeModel = challenge ? MODEL_KINDS.find((m) => m === challenge.model) : undefined;
  const challengeConfig = challenge && challengeModel ? ({ ...DEFAULT_CONFIGS[challengeModel], task: challenge.task } as TTrainingConfig) : undefined;
  return (
    <>
      <h1>{T.title[locale]}</h1>
      <p className="muted">{T.lead[locale]}</p>
      <p>
        <Link className="tap" href="/playground/challenges">{T.challenges[locale]} →</Link>
      </p>
      {fork && !forked ? <p className="error" role="alert">{locale === 'ko' ? '복제할 실행을 찾을 수 없습니다.' : 'The run to fork was not found.'}</p> : null}
      {challengeId && !challenge ? <p className="error" role="alert">{locale === 'ko' ? '열려 있는 챌린지를 찾을 수 없습니다.' : 'No open challenge found.'}</p> : null}
      <Playground
        key={forked?.id ?? challenge?.id ?? 'new'}
        locale={locale}
        initialConfig={forked?.config ?? challengeConfig}
        forkedFrom={forked ? { id: forked.id, model: forked.config.model, task: forked.task, createdAt: forked.createdAt, owner: forked.owner } : undefined}
        challenge={challenge && challengeModel ? { id: challenge.id, title: challenge.title, model: challengeModel, task: challenge.task, maxParams: challenge.maxParams, maxSeconds: challenge.maxSeconds } : undefined}
      />
      <section aria-labelledby="my-runs">
        <h2 id="my-runs">{T.myRuns[locale]}</h2>
        <RunList runs={runs} locale={locale} />
      </section>
    </>
  );
}

async function findChallenge(userId: string, challengeId: string): Promise<ChallengeView | null> {
  try {
    const { challenge } = await getChallengeLeaderboard({ userId, challengeId });
    return challenge.isOpen ? challenge : null;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

async function findRun(userId: string, runId: string): Promise<RunDetail | null> {
  try {
    return await getRun({ userId, runId });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
