// Socket event names of the live protocol (docs/live-protocol.md), shared by server and clients.

export const LIVE_CLIENT_EVENTS = {
  enter: 'live:enter',
  submit: 'live:submit',
  /** Self-paced: the time for the current question ran out; record it as missed and move on. */
  next: 'live:next',
  hostEnter: 'live:host:enter',
  hostAdvance: 'live:host:advance',
  hostEnd: 'live:host:end',
  hostLock: 'live:host:lock',
  hostKick: 'live:host:kick',
  hostCorrectness: 'live:host:correctness',
} as const;

export const LIVE_SERVER_EVENTS = {
  /** Room-wide: TPublicSession. */
  session: 'live:session',
  /** Personal: TPlayerQuestion. */
  question: 'live:question',
  /** Personal: TPlayerResult. */
  result: 'live:result',
  /** Room-wide: TLeaderboard. */
  leaderboard: 'live:leaderboard',
  /** Personal: the host removed this player. */
  kicked: 'live:kicked',
  /** Host: THostQuestion. */
  hostQuestion: 'live:host:question',
  /** Host: TQuestionProgress. */
  hostProgress: 'live:host:progress',
  /** Host: TQuestionResults. */
  hostResults: 'live:host:results',
  /** Host: THostLobbyChange. */
  hostLobby: 'live:host:lobby',
} as const;

export function sessionRoom(sessionId: string): string {
  return `live:${sessionId}`;
}

export function hostRoom(sessionId: string): string {
  return `live:${sessionId}:host`;
}

export function participantRoom(participantId: string): string {
  return `participant:${participantId}`;
}
