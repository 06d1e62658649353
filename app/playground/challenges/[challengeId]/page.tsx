import type { Metadata } from 'next';
import Link from 'next/link';
import { ChallengeBoard } from '@/components/playground/challenge-board';
import { formatPercent, T } from '@/components/playground/playground-text';
import { formatNumber } from '@/lib/i18n/format';
import { orNotFound } from '@/components/ui/or-not-found';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { getLocale } from '@/lib/i18n/get-locale';
import { getChallengeLeaderboard } from '@/lib/training/challenges/get-challenge-leaderboard';
import { listRuns } from '@/lib/training/runs/list-runs';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ({ ko: '챌린지', en: 'Challenge' })[await getLocale()] };
}

export default async function ChallengePage({ params }: { params: Promise<{ challengeId: string }> }) {
  const { challengeId } = await params;
  const locale = await getLocale();
  const user = await requirePageUser(`/playground/challenges/${challengeId}`);
  const leaderboard = await orNotFound(getChallengeLeaderboard({ userId: user.id, challengeId }));
  const { challenge } = leaderboard;
  const runs = await listRuns({ userId: user.id, limit: 200 });
  const eligible = runs
    .filter((run) => run.model === challenge.model && run.task === challenge.task && (run.status === 'COMPLETED' || run.status === 'STOPPED') && run.finalValAcc !== null)
    .map((run) => ({ id: run.id, label: `${formatPercent(run.finalValAcc)} · ${formatNumber(run.params, locale)} ${T.params[locale]}`, createdAt: new Date(run.createdAt).toISOString() }));
  return (
    <>
      <p><Link className="tap" href="/playground/challenges">← {T.challenges[locale]}</Link></p>
      <h1>{challenge.title}</h1>
      <p className="muted">{challenge.className}</p>
      <ChallengeBoard initial={leaderboard} eligibleRuns={eligible} locale={locale} />
    </>
  );
}
