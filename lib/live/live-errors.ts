import { LiveError } from '@/lib/live/live-error';

// The refusals several services share, worded once.

export function sessionNotFound(): LiveError {
  return new LiveError('NOT_FOUND', 'session-not-found', { ko: '세션을 찾을 수 없습니다.', en: 'That session does not exist.' });
}

export function stalePhase(): LiveError {
  return new LiveError('CONFLICT', 'stale-phase', { ko: '세션이 이미 다음 단계로 넘어갔습니다.', en: 'The session has already moved on.' });
}

export function sessionEnded(): LiveError {
  return new LiveError('CONFLICT', 'session-ended', { ko: '세션이 끝났습니다.', en: 'The session has ended.' });
}

export function notJoined(): LiveError {
  return new LiveError('FORBIDDEN', 'not-joined', { ko: '이 세션에 참여하지 않았습니다. PIN으로 다시 참여하세요.', en: 'You have not joined this session: join again with the PIN.' });
}

export function kicked(): LiveError {
  return new LiveError('FORBIDDEN', 'kicked', { ko: '진행자가 이 세션에서 내보냈습니다.', en: 'The host removed you from this session.' });
}

export function notHost(): LiveError {
  return new LiveError('FORBIDDEN', 'not-host', { ko: '이 세션의 진행자만 할 수 있습니다.', en: 'Only the host of this session can do that.' });
}
