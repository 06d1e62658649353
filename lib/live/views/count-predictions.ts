import { getDb } from '@/lib/db';

/** Predictions per choice id of one question (players the host removed left out). */
export async function countPredictions(questionId: string): Promise<Map<string, number>> {
  const answers = await getDb().liveAnswer.findMany({ where: { questionId, participant: { kicked: false } }, select: { answer: true } });
  const votes = new Map<string, number>();
  for (const { answer } of answers) if (typeof answer === 'string') votes.set(answer, (votes.get(answer) ?? 0) + 1);
  return votes;
}
