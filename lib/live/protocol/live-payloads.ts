import { z } from 'zod';
import type { AnswerSpec, Json, TAnswer } from '@/engine/exercises';

// What the live feature sends to browsers, as zod schemas whose descriptions are the protocol's
// field tables (docs/live-protocol.md is generated from them; tests/unit/live-protocol-doc.test.ts
// fails when the two drift). The TypeScript types are inferred from them. Every type here is
// expected-free by construction: a player payload carries only that player's own variant, answer
// and result; room-wide payloads carry counts, nicknames and points.
// tests/integration/live-privacy.test.ts deep-scans them.
//
// Words: `score` is always points (whole numbers, as on the leaderboard); `grade` is the grader's
// 0…1 for one answer (share of right cells, fields averaged; 1 = fully correct).

const at = (what: string) => z.string().describe(`${what} (ISO 8601, server clock)`);
const ZText = z.object({ ko: z.string(), en: z.string() }).describe('the same text in Korean and English');

export const ZLiveStateName = z.enum(['LOBBY', 'QUESTION', 'RESULTS', 'LEADERBOARD', 'FINISHED']);
export type TLiveStateName = z.infer<typeof ZLiveStateName>;
export const ZLiveModeName = z.enum(['INSTRUCTOR_PACED', 'SELF_PACED']);
export type TLiveModeName = z.infer<typeof ZLiveModeName>;

export const ZPublicSession = z
  .object({
    sessionId: z.string().describe('the session id'),
    state: ZLiveStateName.describe('the phase: LOBBY → QUESTION → RESULTS → LEADERBOARD → … → FINISHED (self-paced: LOBBY → QUESTION → FINISHED)'),
    currentIndex: z.number().int().describe('index of the current (or last) question, −1 before the first'),
    questionCount: z.number().int().describe('number of questions in the session'),
    mode: ZLiveModeName.describe('INSTRUCTOR_PACED (everyone together) or SELF_PACED (each player at their own pace until the deadline)'),
    locked: z.boolean().describe('true: no new players may join'),
    allowGuests: z.boolean().describe('true: players may join with a nickname, without an account'),
    deadline: at('self-paced deadline').nullable(),
  })
  .describe('Session status, the same for everyone in it.');
export type TPublicSession = z.infer<typeof ZPublicSession>;

export const ZPlayerQuestion = z
  .object({
    index: z.number().int().describe('question index (0-based)'),
    questionCount: z.number().int().describe('number of questions in the session'),
    typeId: z.string().describe('exercise type id (engine/exercises)'),
    title: ZText.describe('the exercise type’s title'),
    prompt: ZText.describe('the prompt with this player’s own numbers: Markdown with KaTeX math ($…$, $$…$$)'),
    given: z.record(z.string(), z.custom<Json>()).describe('the given values of this player’s variant (JSON)'),
    answerSpec: z.custom<AnswerSpec>().describe('the answer’s shape (AnswerSpec: scalar, vector, matrix, tensor, choice, shape or fields)'),
    timeLimitS: z.number().int().describe('time limit in seconds'),
    openedAt: at('when the question opened (self-paced: when this player’s clock started)'),
    closesAt: at('when it closes; answers received later are refused'),
    serverNow: at('the server’s clock when this was sent, to correct a skewed phone clock'),
  })
  .describe('One player’s own variant of the current question. No expected value, no seed.');
export type TPlayerQuestion = z.infer<typeof ZPlayerQuestion>;

export const ZPlayerSubmission = z
  .object({
    questionIndex: z.number().int().describe('the question answered'),
    answer: z.custom<TAnswer>().describe('the answer on record, as sent (numbers or number strings, shaped like the AnswerSpec)'),
    msToAnswer: z.number().int().describe('milliseconds from the question opening to the answer arriving, measured by the server'),
  })
  .describe('The player’s own stored answer (shown again after a reload).');
export type TPlayerSubmission = z.infer<typeof ZPlayerSubmission>;

export const ZPlayerResult = z
  .object({
    questionIndex: z.number().int().describe('the question that closed'),
    answered: z.boolean().describe('false: no answer in time'),
    grade: z.number().describe('the grader’s 0…1 for the answer (share of right cells); 0 without an answer'),
    correct: z.boolean().describe('fully correct (grade 1)'),
    points: z.number().int().describe('points this answer earned (speed rule and streak bonus included)'),
    streak: z.number().int().describe('fully correct answers in a row, this one included'),
    totalScore: z.number().int().describe('the player’s points after this question'),
    rank: z.number().int().describe('the player’s rank after this question (1 = first)'),
    participantCount: z.number().int().describe('active players ranked'),
    feedback: ZText.nullable().describe('a sentence about the answer (the named mistake, partial credit, or “Correct!”)'),
    mistake: z.object({ id: z.string().describe('mistake id (engine/exercises/mistakes.ts)'), text: ZText.describe('what the mistake is') }).nullable().describe('the named mistake the answer matches, if any'),
  })
  .describe('The player’s own result once the question has closed.');
export type TPlayerResult = z.infer<typeof ZPlayerResult>;

export const ZLeaderboardEntry = z.object({
  rank: z.number().int().describe('1 = first'),
  nickname: z.string().describe('the player’s nickname (a class’s public label; never a real name when the class uses nicknames)'),
  score: z.number().int().describe('points'),
});
export type TLeaderboardEntry = z.infer<typeof ZLeaderboardEntry>;

export const ZLeaderboard = z
  .object({
    afterIndex: z.number().int().describe('index of the last closed question (−1 before any)'),
    isFinal: z.boolean().describe('true on the podium (the session has ended)'),
    participantCount: z.number().int().describe('active players'),
    top: z.array(ZLeaderboardEntry).describe('the top ten, in leaderboard order'),
  })
  .describe('The top ten, for everyone in the session.');
export type TLeaderboard = z.infer<typeof ZLeaderboard>;

export const ZPlayerStanding = z
  .object({
    nickname: z.string().describe('the player’s own nickname'),
    score: z.number().int().describe('points, as of the last closed question'),
    streak: z.number().int().describe('fully correct answers in a row, as of the last closed question'),
    rank: z.number().int().describe('rank as of the last closed question'),
    participantCount: z.number().int().describe('active players'),
  })
  .describe('The player’s own standing. While a question is open it is that of the last closed question, so re-entering does not reveal the grade of an answer just given.');
export type TPlayerStanding = z.infer<typeof ZPlayerStanding>;

export const ZPlayerView = z
  .object({
    session: ZPublicSession,
    you: ZPlayerStanding,
    question: ZPlayerQuestion.nullable().describe('the open question with this player’s variant; null between questions'),
    submission: ZPlayerSubmission.nullable().describe('this player’s answer to the open question, if given'),
    result: ZPlayerResult.nullable().describe('the result of the last closed question (self-paced: of the player’s last answer)'),
    leaderboard: ZLeaderboard.nullable().describe('in LEADERBOARD and FINISHED (self-paced: always after the start)'),
  })
  .describe('Everything a (re)connecting player sees, rebuilt from the database (the ack of `live:enter`).');
export type TPlayerView = z.infer<typeof ZPlayerView>;

// Host-only payloads.

export const ZHostParticipant = z.object({
  id: z.string().describe('participant id (for `live:host:kick`; never sent to other players)'),
  nickname: z.string().describe('nickname'),
  isGuest: z.boolean().describe('joined without an account'),
  score: z.number().int().describe('points, as of the last closed question'),
});
export type THostParticipant = z.infer<typeof ZHostParticipant>;

export const ZHostQuestion = z
  .object({
    index: z.number().int().describe('question index'),
    typeId: z.string().describe('exercise type id'),
    title: ZText.describe('the exercise type’s title'),
    prompt: ZText.describe('the prompt of an example variant for the projector (every player has their own numbers): Markdown with KaTeX'),
    timeLimitS: z.number().int().describe('time limit in seconds'),
    openedAt: at('when it opened').nullable(),
    closesAt: at('when it closes').nullable(),
    closedAt: at('when it closed').nullable(),
    serverNow: at('the server’s clock when this was sent'),
  })
  .describe('The current question for the projector: no player’s variant.');
export type THostQuestion = z.infer<typeof ZHostQuestion>;

export const ZQuestionProgress = z
  .object({
    questionIndex: z.number().int().describe('the open question (self-paced: −1)'),
    answered: z.number().int().describe('players who answered it (self-paced: players who finished every question)'),
    joined: z.number().int().describe('active players'),
  })
  .describe('How many have answered.');
export type TQuestionProgress = z.infer<typeof ZQuestionProgress>;

export const ZScoreBucket = z.object({
  id: z.enum(['none', 'zero', 'low', 'high', 'full']).describe('none: no answer; zero: grade 0; low: 1–49 %; high: 50–99 %; full: 100 %'),
  label: ZText.describe('the bucket’s label'),
  count: z.number().int().describe('players in it'),
});
export type TScoreBucket = z.infer<typeof ZScoreBucket>;

export const ZQuestionResults = z
  .object({
    questionIndex: z.number().int().describe('the question that closed'),
    typeId: z.string().describe('exercise type id'),
    title: ZText.describe('the exercise type’s title'),
    joined: z.number().int().describe('active players'),
    answered: z.number().int().describe('players who answered'),
    correct: z.number().int().describe('players fully correct'),
    shareCorrect: z.number().describe('correct ÷ joined (0…1)'),
    histogram: z.array(ZScoreBucket).describe('players per grade bucket (every player has different numbers, so grades are grouped, not raw answers)'),
    mistakes: z.array(z.object({ id: z.string().describe('mistake id'), text: ZText.describe('what the mistake is'), count: z.number().int().describe('answers with it') })).describe('the most frequent named mistakes (up to 3)'),
  })
  .describe('A closed question’s results for the host: counts only.');
export type TQuestionResults = z.infer<typeof ZQuestionResults>;

export const ZHostView = z
  .object({
    session: ZPublicSession.extend({
      pin: z.string().describe('the 6-digit PIN'),
      classId: z.string().nullable().describe('the class the session belongs to'),
      unitId: z.string().nullable().describe('the unit its questions came from, if picked by unit'),
      endedAt: at('when it ended').nullable(),
    }).describe('TPublicSession and the host-only fields'),
    questions: z.array(z.object({ index: z.number().int().describe('question index'), typeId: z.string().describe('exercise type id'), title: ZText.describe('title'), timeLimitS: z.number().int().describe('time limit in seconds') })).describe('the plan'),
    participants: z.array(ZHostParticipant).describe('active players in leaderboard order, as of the last closed question'),
    question: ZHostQuestion.nullable().describe('the current (or last) question'),
    progress: ZQuestionProgress.nullable().describe('answers to the current question'),
    results: ZQuestionResults.nullable().describe('the current question’s results once it has closed'),
    leaderboard: ZLeaderboard.nullable().describe('in LEADERBOARD and FINISHED (self-paced: while running)'),
  })
  .describe('The host’s whole screen, rebuilt from the database (the ack of `live:host:enter`).');
export type THostView = z.infer<typeof ZHostView>;

export const ZCorrectnessView = z
  .object({
    questions: z.array(z.object({
      index: z.number().int().describe('question index'),
      typeId: z.string().describe('exercise type id'),
      title: ZText.describe('title'),
      answered: z.number().int().describe('players who answered'),
      shareCorrect: z.number().describe('fully correct ÷ active players (0…1)'),
    })).describe('per question'),
    participants: z.array(z.object({
      nickname: z.string().describe('nickname'),
      isGuest: z.boolean().describe('joined without an account'),
      grades: z.array(z.number().nullable()).describe('grade (0…1) per question, null without an answer'),
      shareCorrect: z.number().describe('questions fully correct ÷ questions (0…1)'),
    })).describe('per player, by nickname'),
  })
  .describe('Grades only (no points, no speed), for the host.');
export type TCorrectnessView = z.infer<typeof ZCorrectnessView>;

export const ZHostLobbyChange = z
  .object({
    joined: z.number().int().describe('active players'),
    added: ZHostParticipant.optional().describe('a player who entered or came back'),
    removedId: z.string().optional().describe('the id of a player the host removed'),
  })
  .describe('A player joined, came back or was removed.');
export type THostLobbyChange = z.infer<typeof ZHostLobbyChange>;

export const ZLiveAckError = z
  .object({
    code: z.string().describe('the HTTP-like class: BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, RATE_LIMITED, INTERNAL'),
    reason: z.string().describe('machine-readable reason (see “Error reasons”)'),
    message: z.string().describe('English text, for logs'),
    text: ZText.describe('the sentence to show, in both languages'),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe('a malformed payload: every problem by field path'),
    retryAfterSeconds: z.number().int().optional().describe('rate-limited: seconds until the next try is accepted'),
  })
  .describe('Why an event was refused.');
export type TLiveAckError = z.infer<typeof ZLiveAckError>;

/** Every acknowledgement: a result or a reason in both languages. */
export type TLiveAck<T> = ({ ok: true } & T) | { ok: false; error: TLiveAckError };

export const ZSubmitAck = z
  .object({
    questionIndex: z.number().int().describe('the question answered'),
    isDuplicate: z.boolean().describe('true: an answer was already on record; the first one stands and is returned'),
    answer: z.custom<TAnswer>().describe('the answer on record'),
    msToAnswer: z.number().int().describe('milliseconds from opening to arrival, measured by the server'),
    view: ZPlayerView.optional().describe('self-paced only: the result of this answer and the next question'),
  })
  .describe('The ack of `live:submit` (`ok: true` fields). No grade: that comes with `live:result`.');
export type TSubmitAck = z.infer<typeof ZSubmitAck>;

export const ZHello = z
  .object({ authenticated: z.boolean().describe('true when the handshake carried a valid session cookie') })
  .describe('Sent by the server to every socket right after it connects.');
export type THello = z.infer<typeof ZHello>;

// HTTP: GET /api/live/sessions/:id/results (host and the class's instructors).

export const ZLiveSessionResults = z
  .object({
    sessionId: z.string().describe('the session id'),
    classId: z.string().nullable().describe('its class'),
    unitId: z.string().nullable().describe('the unit its questions came from, if picked by unit'),
    state: ZLiveStateName.describe('the session’s state'),
    createdAt: at('when it was created'),
    endedAt: at('when it ended').nullable(),
    questions: z.array(z.object({
      index: z.number().int().describe('question index'),
      typeId: z.string().describe('exercise type id'),
      title: ZText.describe('title'),
      timeLimitS: z.number().int().describe('time limit in seconds'),
      wasOpened: z.boolean().describe('false for questions never reached'),
    })).describe('the plan'),
    participants: z.array(z.object({
      participantId: z.string().describe('participant id'),
      userId: z.string().nullable().describe('the account (null for guests)'),
      nickname: z.string().describe('nickname shown in the session'),
      rank: z.number().int().describe('final rank (leaderboard order)'),
      score: z.number().int().describe('points'),
      totalAnswerMs: z.number().int().describe('answer time summed over questions (no answer counts the whole limit): the tie-break'),
      answered: z.number().int().describe('questions answered'),
      correct: z.number().int().describe('questions fully correct'),
      meanGrade: z.number().describe('mean grade (0…1) over the questions that were opened, unanswered as 0'),
      answers: z.array(z.object({
        index: z.number().int().describe('question index'),
        grade: z.number().describe('the grader’s 0…1'),
        correct: z.boolean().describe('fully correct'),
        points: z.number().int().describe('points earned'),
        msToAnswer: z.number().int().describe('server-measured time to answer (ms)'),
        mistake: z.string().nullable().describe('the named mistake id, if any'),
      })).describe('one per answered question, by index'),
    })).describe('active players in final order'),
  })
  .describe('A session’s stored results for the gradebook.');
export type TLiveSessionResults = z.infer<typeof ZLiveSessionResults>;
