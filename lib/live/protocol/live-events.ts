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
  /** Host: re-ask a named mistake of the question just closed (a follow-up opens at once). */
  hostReask: 'live:host:reask',
  /** Player, PICK team mode, in the lobby: choose a team. */
  pickTeam: 'live:team',
  /** Player, any time: "too fast" / "lost" (or clear it); anonymous to the host. */
  pace: 'live:pace',
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
  /** Host: TPaceMeter. */
  hostPace: 'live:host:pace',
  /** Room-wide: TPredictTraining (a prediction question's training, without the picture). */
  train: 'live:train',
  /** Host: TPredictTraining with the model's picture. */
  hostTrain: 'live:host:train',
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
