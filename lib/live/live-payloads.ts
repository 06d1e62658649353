import type { AnswerSpec, Json, LocalizedText, TAnswer } from '@/engine/exercises';

// What the live feature sends to browsers. Every type here is expected-free by construction: a
// player payload carries only that player's own variant, answer and result; room-wide payloads
// carry counts, nicknames and scores. tests/integration/live-privacy.test.ts deep-scans them.

export type TLiveStateName = 'LOBBY' | 'QUESTION' | 'RESULTS' | 'LEADERBOARD' | 'FINISHED';
export type TLiveModeName = 'INSTRUCTOR_PACED' | 'SELF_PACED';

/** Session status, the same for everyone in it. */
export interface TPublicSession {
  sessionId: string;
  state: TLiveStateName;
  currentIndex: number;
  questionCount: number;
  mode: TLiveModeName;
  locked: boolean;
  allowGuests: boolean;
  deadline: string | null;
}

/** One player's own variant of the current question. */
export interface TPlayerQuestion {
  index: number;
  questionCount: number;
  typeId: string;
  title: LocalizedText;
  prompt: LocalizedText;
  given: { [key: string]: Json };
  answerSpec: AnswerSpec;
  timeLimitS: number;
  openedAt: string;
  closesAt: string;
  /** The server's clock when this was sent, so the countdown can correct for a skewed phone clock. */
  serverNow: string;
}

/** The player's own stored answer (shown again after a reload). */
export interface TPlayerSubmission {
  questionIndex: number;
  answer: TAnswer;
  msToAnswer: number;
}

/** The player's own result once the question has closed. */
export interface TPlayerResult {
  questionIndex: number;
  answered: boolean;
  score: number;
  correct: boolean;
  points: number;
  streak: number;
  totalScore: number;
  rank: number;
  participantCount: number;
  feedback: LocalizedText | null;
  mistake: { id: string; text: LocalizedText } | null;
}

export interface TLeaderboardEntry {
  rank: number;
  nickname: string;
  score: number;
}

export interface TLeaderboard {
  /** Index of the last closed question (−1 before any). */
  afterIndex: number;
  isFinal: boolean;
  participantCount: number;
  top: TLeaderboardEntry[];
}

/** The player's own standing, sent to them alone. */
export interface TPlayerStanding {
  nickname: string;
  score: number;
  streak: number;
  rank: number;
  participantCount: number;
}

export interface TPlayerView {
  session: TPublicSession;
  you: TPlayerStanding;
  question: TPlayerQuestion | null;
  submission: TPlayerSubmission | null;
  result: TPlayerResult | null;
  leaderboard: TLeaderboard | null;
}

// Host-only payloads.

export interface THostParticipant {
  id: string;
  nickname: string;
  isGuest: boolean;
  score: number;
}

export interface THostQuestion {
  index: number;
  typeId: string;
  title: LocalizedText;
  /** The prompt of an example variant for the projector (every player has their own numbers). */
  prompt: LocalizedText;
  timeLimitS: number;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  serverNow: string;
}

export interface TQuestionProgress {
  questionIndex: number;
  answered: number;
  joined: number;
}

export interface TScoreBucket {
  id: 'none' | 'zero' | 'low' | 'high' | 'full';
  label: LocalizedText;
  count: number;
}

export interface TQuestionResults {
  questionIndex: number;
  typeId: string;
  title: LocalizedText;
  joined: number;
  answered: number;
  correct: number;
  shareCorrect: number;
  histogram: TScoreBucket[];
  mistakes: { id: string; text: LocalizedText; count: number }[];
}

export interface THostView {
  session: TPublicSession & { pin: string; classId: string | null; unitId: string | null; endedAt: string | null };
  questions: { index: number; typeId: string; title: LocalizedText; timeLimitS: number }[];
  participants: THostParticipant[];
  question: THostQuestion | null;
  progress: TQuestionProgress | null;
  results: TQuestionResults | null;
  leaderboard: TLeaderboard | null;
}

export interface TCorrectnessView {
  questions: { index: number; typeId: string; title: LocalizedText; answered: number; shareCorrect: number }[];
  participants: { nickname: string; isGuest: boolean; scores: (number | null)[]; shareCorrect: number }[];
}

/** Every acknowledgement: a result or a reason in both languages. */
export type TLiveAck<T> = ({ ok: true } & T) | { ok: false; error: { code: string; reason: string; message: string; text: LocalizedText } };

/** A player joined, came back or was removed; `joined` counts active players. */
export interface THostLobbyChange {
  joined: number;
  added?: THostParticipant;
  removedId?: string;
}
