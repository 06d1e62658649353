import { getDb } from '@/lib/db';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { countParameters } from '@/engine/playground/count-parameters';
import { dataSettingsMismatches } from '@/engine/playground/model-tasks';
import { AppError } from '@/lib/errors';

export type ChallengeRules = { model: string; task: string; maxParams: number; maxSeconds: number };

/** An open challenge of the user's class (NOT_FOUND for others, CONFLICT once closed). */
export async function getChallengeRules({ userId, challengeId }: { userId: string; challengeId: string }): Promise<ChallengeRules> {
  const challenge = await getDb().challenge.findFirst({
    where: { id: challengeId, class: { memberships: { some: { userId } } } },
    select: { model: true, task: true, maxParams: true, maxSeconds: true, closesAt: true },
  });
  if (!challenge) throw new AppError('NOT_FOUND', { ko: '챌린지를 찾을 수 없습니다.', en: 'Challenge not found.' });
  if (challenge.closesAt.getTime() <= Date.now()) throw new AppError('CONFLICT', { ko: '이 챌린지는 마감되었습니다.', en: 'This challenge has closed.' });
  return challenge;
}

/** Throws, with the reason, unless the configuration trains the challenge's model and task within its parameters on the standard data. */
export function assertConfigFitsChallenge(rules: ChallengeRules, config: TTrainingConfig): void {
  if (config.model !== rules.model || config.task !== rules.task) {
    throw new AppError('UNPROCESSABLE', {
      ko: `이 챌린지는 ${rules.model} 모델로 ${rules.task} 과제를 풉니다.`,
      en: `This challenge is for the ${rules.model} model on the ${rules.task} task.`,
    });
  }
  const params = countParameters(config);
  if (params > rules.maxParams) {
    throw new AppError('UNPROCESSABLE', {
      ko: `파라미터가 ${params}개입니다. 이 챌린지의 한도는 ${rules.maxParams}개입니다.`,
      en: `The model has ${params} parameters; this challenge allows at most ${rules.maxParams}.`,
    });
  }
  const mismatches = dataSettingsMismatches(config);
  if (mismatches.length > 0) {
    const list = mismatches.map(([knob, standard, used]) => `${knob} ${used} → ${standard}`).join(', ');
    throw new AppError('UNPROCESSABLE', { ko: `챌린지는 표준 데이터로 겨룹니다. 다음을 바꾸세요: ${list}.`, en: `Challenges use the standard data settings. Change: ${list}.` });
  }
}
