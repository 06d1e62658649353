import { AppError } from '@/lib/errors';

/**
 * Every machine-readable reason a live action is refused with (the `reason` of the AppError it
 * throws; clients show its `text` in the viewer's language). docs/live-protocol.md explains each,
 * and tests check that every reason thrown under lib/live is listed here.
 */
export const LIVE_ERROR_REASONS = [
  'session-not-found',
  'session-ended',
  'session-locked',
  'nickname-required',
  'nickname-taken',
  'not-joined',
  'kicked',
  'not-host',
  'question-not-open',
  'question-closed',
  'invalid-answer',
  'stale-phase',
  'deadline-passed',
  'mistake-not-seen',
  'too-many-questions',
  'teams-not-picked',
  'team-talk',
  'training-running',
  'rate-limited',
  'bad-request',
  'internal',
] as const;

// The refusals several services share, worded once.

export function sessionNotFound(): AppError {
  return new AppError('NOT_FOUND', { ko: '세션을 찾을 수 없습니다.', en: 'That session does not exist.' }, { reason: 'session-not-found' });
}

export function stalePhase(): AppError {
  return new AppError('CONFLICT', { ko: '세션이 이미 다음 단계로 넘어갔습니다.', en: 'The session has already moved on.' }, { reason: 'stale-phase' });
}

export function sessionEnded(): AppError {
  return new AppError('CONFLICT', { ko: '세션이 끝났습니다.', en: 'The session has ended.' }, { reason: 'session-ended' });
}

export function notJoined(): AppError {
  return new AppError('FORBIDDEN', { ko: '이 세션에 참여하지 않았습니다. PIN으로 다시 참여하세요.', en: 'You have not joined this session: join again with the PIN.' }, { reason: 'not-joined' });
}

export function kicked(): AppError {
  return new AppError('FORBIDDEN', { ko: '진행자가 이 세션에서 내보냈습니다.', en: 'The host removed you from this session.' }, { reason: 'kicked' });
}

export function notHost(): AppError {
  return new AppError('FORBIDDEN', { ko: '이 세션의 진행자만 할 수 있습니다.', en: 'Only the host of this session can do that.' }, { reason: 'not-host' });
}

export function trainingRunning(): AppError {
  return new AppError('CONFLICT', { ko: '아직 학습 중입니다. 결과가 나온 뒤에 넘어가세요.', en: 'Still training: move on once the outcome is in.' }, { reason: 'training-running' });
}
