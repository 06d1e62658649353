import { z } from 'zod';
import { zNotFoundAnswer } from '@/lib/http/not-found-answer';
import type { AnswerSpec, Json, TAnswer } from '@/engine/exercises';
import type { TPredictSetup } from '@/lib/live/protocol/predict-setup';

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

const ZWorkedStep = z.object({
  text: ZText.describe('what this step computes and how: Markdown with KaTeX'),
  latex: z.string().describe('the value it arrives at, as KaTeX (four significant digits)'),
});

export const ZScoring = z
  .object({
    pointsPerQuestion: z.number().int().describe('the most one answer’s base earns: 0 (practice), 1000 or 2000'),
    speedBonus: z.boolean().describe('true: Kahoot’s speed rule (half the points at the buzzer); false: correctness only'),
    streakBonus: z.boolean().describe('true: +10 % of the points per correct answer in a row after the first, up to +50 %'),
  })
  .describe('The session’s scoring options, shown to players before the start.');
export type TScoring = z.infer<typeof ZScoring>;

export const ZTeamMode = z
  .object({
    assign: z.enum(['RANDOM', 'BY_SIZE', 'PICK']).describe('RANDOM: dealt at the start; BY_SIZE: dealt into teams of about `size`; PICK: players choose in the lobby'),
    count: z.number().int().describe('number of teams (BY_SIZE: fixed when the first question opens)'),
    talkS: z.number().int().describe('seconds of team talk before answers are taken (0: none)'),
  })
  .describe('Team mode. A team’s score is the mean of its members’ points.');
export type TTeamMode = z.infer<typeof ZTeamMode>;

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
    scoring: ZScoring,
    teams: ZTeamMode.nullable().describe('team mode; null: everyone for themselves'),
  })
  .describe('Session status, the same for everyone in it.');
export type TPublicSession = z.infer<typeof ZPublicSession>;

// Predict, then train (docs/live.md): the training of a closed prediction question, for everyone.

export const ZPredictCurvePoint = z.object({
  epoch: z.number().int().describe('epoch (1-based)'),
  loss: z.number().nullable().describe('training loss after the epoch; null when it was not a number (diverged)'),
  valAcc: z.number().describe('validation accuracy after the epoch (0…1)'),
});
export type TPredictCurvePoint = z.infer<typeof ZPredictCurvePoint>;

export const ZPredictVerdict = z
  .object({
    outcome: z.enum(['diverges', 'flat', 'slow', 'fast']).describe('the run judged by the rules (docs/live.md, Predict, then train)'),
    epochs: z.number().int().describe('epochs trained'),
    initialLoss: z.number().nullable().describe('the reference loss: an uninformed guess’s (ln of the number of classes), or the first epoch’s if lower (null: not a number)'),
    finalLoss: z.number().nullable().describe('training loss after the last epoch (null: not a number)'),
    finalValLoss: z.number().nullable().describe('final validation loss (null: diverged); breaks a "which wins" tie'),
    finalValAcc: z.number().describe('final validation accuracy (0 for a diverged run)'),
    halfEpoch: z.number().int().nullable().describe('first epoch whose loss is at most half the initial loss; null: never'),
  })
  .describe('What the rules read off one trained run.');
export type TPredictVerdict = z.infer<typeof ZPredictVerdict>;

export const ZPredictRun = z.object({
  label: z.enum(['A', 'B']).describe('A, or B for the second configuration of a "which wins" question'),
  seed: z.number().int().describe('the seed it trains with (initial weights, batch order): re-training the configuration with it gives the same curve'),
  status: z.enum(['QUEUED', 'RUNNING', 'COMPLETED', 'STOPPED', 'FAILED']).describe('the training run’s status'),
  totalEpochs: z.number().int().describe('epochs the configuration asks for'),
  curve: z.array(ZPredictCurvePoint).describe('the epochs trained so far, thinned to at most 120 points (the first and last always kept)'),
  verdict: ZPredictVerdict.nullable().describe('once trained: what the rules read off the run'),
});
export type TPredictRun = z.infer<typeof ZPredictRun>;

export const ZPredictPicture = z
  .object({
    label: z.enum(['A', 'B']).describe('the run it shows'),
    epoch: z.number().int().describe('the epoch it was taken after'),
    res: z.number().int().describe('grid side (res × res cells)'),
    extent: z.array(z.number()).describe('[xMin, xMax, yMin, yMax] of the plane'),
    grid: z.array(z.number()).describe('the model’s probability of class 1 per cell, row by row from the top'),
  })
  .describe('The MLP’s decision boundary (host only; plane tasks only).');
export type TPredictPicture = z.infer<typeof ZPredictPicture>;

export const ZPredictTraining = z
  .object({
    questionIndex: z.number().int().describe('the prediction question'),
    prediction: z.enum(['outcome', 'accuracy', 'versus']).describe('what was predicted'),
    status: z.enum(['training', 'decided', 'failed']).describe('training: the runs are training; decided: the outcome is in and predictions are scored; failed: training could not run (no points)'),
    answered: z.number().int().describe('players who made a prediction'),
    choices: z.array(z.object({
      id: z.string().describe('choice id'),
      label: ZText.describe('the choice'),
      count: z.number().int().describe('players who predicted it (the class’s histogram)'),
    })).describe('every choice with the number of players who predicted it'),
    runs: z.array(ZPredictRun).describe('one run (A), or two for "which wins"'),
    outcome: z.string().nullable().describe('the right choice once decided; null while training or when it failed'),
    picture: ZPredictPicture.nullable().describe('host only: the latest decision boundary of an MLP on a plane task; null for players and other models'),
  })
  .describe('A prediction question’s training, streamed while it trains (`live:train`, `live:host:train`) and in the views.');
export type TPredictTraining = z.infer<typeof ZPredictTraining>;


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
    talkS: z.number().int().describe('team talk: the question was shown this many seconds before `openedAt`; answers are taken from `openedAt` (0: no talk)'),
    reaskOf: z.number().int().nullable().describe('a follow-up (re-ask) of this question index, with new numbers; null for a planned question'),
    team: z.number().int().nullable().describe('the player’s team (0-based), in team mode'),
    predict: z.enum(['outcome', 'accuracy', 'versus']).nullable().describe('a predict-then-train question: what is predicted (the choices are in `answerSpec`, the configuration in `prompt`); null for an exercise'),
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
    explanation: z.array(ZWorkedStep).describe('the worked solution of this player’s own variant, step by step, computed by the engine (sent only once the question has closed)'),
    prediction: z.object({
      chosen: z.string().nullable().describe('the player’s prediction (a choice id); null without one'),
      outcome: z.string().describe('the right choice'),
    }).nullable().describe('a predict-then-train question, once decided: the player’s prediction and the outcome; null otherwise'),
  })
  .describe('The player’s own result once the question has closed.');
export type TPlayerResult = z.infer<typeof ZPlayerResult>;

export const ZLeaderboardEntry = z.object({
  rank: z.number().int().describe('1 = first'),
  nickname: z.string().describe('the player’s nickname (a class’s public label; never a real name when the class uses nicknames)'),
  score: z.number().int().describe('points'),
});
export type TLeaderboardEntry = z.infer<typeof ZLeaderboardEntry>;

export const ZTeamStanding = z.object({
  team: z.number().int().describe('team number (0-based)'),
  name: ZText.describe('the team’s name'),
  members: z.number().int().describe('active members'),
  score: z.number().int().describe('the mean of the members’ points, rounded'),
  rank: z.number().int().describe('1 = first (by the exact mean, then the members’ mean answer time)'),
});
export type TTeamStanding = z.infer<typeof ZTeamStanding>;

export const ZLeaderboard = z
  .object({
    afterIndex: z.number().int().describe('index of the last closed question (−1 before any)'),
    isFinal: z.boolean().describe('true on the podium (the session has ended)'),
    participantCount: z.number().int().describe('active players'),
    top: z.array(ZLeaderboardEntry).describe('the top ten, in leaderboard order'),
    teams: z.array(ZTeamStanding).nullable().describe('team mode: every team in order (the team podium when final); null without teams'),
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
    team: z.number().int().nullable().describe('the player’s team (0-based) in team mode: picked, or dealt at the start; null before or without teams'),
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
    training: ZPredictTraining.nullable().describe('a predict-then-train question that has closed: its training, the class’s predictions and the outcome; null otherwise'),
  })
  .describe('Everything a (re)connecting player sees, rebuilt from the database (the ack of `live:enter`).');
export type TPlayerView = z.infer<typeof ZPlayerView>;

// Host-only payloads.

export const ZHostParticipant = z.object({
  id: z.string().describe('participant id (for `live:host:kick`; never sent to other players)'),
  nickname: z.string().describe('nickname'),
  isGuest: z.boolean().describe('joined without an account'),
  score: z.number().int().describe('points, as of the last closed question'),
  team: z.number().int().nullable().describe('team (0-based) in team mode, null until picked or dealt'),
});
export type THostParticipant = z.infer<typeof ZHostParticipant>;

export const ZReaskOf = z
  .object({
    ofIndex: z.number().int().describe('the question re-asked'),
    mistake: z.object({ id: z.string().describe('mistake id'), text: ZText.describe('what the mistake is') }).describe('the named mistake re-asked'),
  })
  .describe('What a follow-up re-asks.');
export type TReaskOf = z.infer<typeof ZReaskOf>;

const ZReaskSide = (when: string) =>
  z.object({
    answered: z.number().int().describe(`answers ${when}`),
    withMistake: z.number().int().describe(`answers ${when} with the mistake`),
    share: z.number().describe('withMistake ÷ answered (0…1; 0 without answers)'),
  });

export const ZReaskComparison = ZReaskOf.extend({
  before: ZReaskSide('to the original question').describe('the original question'),
  after: ZReaskSide('to the follow-up').describe('the follow-up (empty while it is open)'),
  madeIt: z.number().int().describe('players who made the mistake on the original question'),
  nowCorrect: z.number().int().describe('of them, fully correct on the follow-up'),
  madeItAgain: z.number().int().describe('of them, the same mistake again'),
}).describe('Before and after a re-ask, from the stored answers (players the host removed left out).');
export type TReaskComparison = z.infer<typeof ZReaskComparison>;

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
    talkS: z.number().int().describe('team talk: seconds shown before `openedAt`, when answers start (0: none)'),
    reask: ZReaskOf.nullable().describe('a follow-up: the question and the named mistake it re-asks'),
    predict: z.custom<TPredictSetup>().nullable().describe('a predict-then-train question: its TPredictSetup (what is predicted, the configuration or two); null for an exercise'),
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
    mistakes: z.array(z.object({
      id: z.string().describe('mistake id'),
      text: ZText.describe('what the mistake is'),
      count: z.number().int().describe('answers with it'),
      share: z.number().describe('count ÷ answered (0…1): the share the re-ask button shows'),
    })).describe('the most frequent named mistakes (up to 3)'),
    reask: ZReaskComparison.nullable().describe('a follow-up’s before and after; null for a planned question'),
    example: z.array(ZWorkedStep).describe('the worked solution of the projector’s example variant (the prompt it showed), step by step'),
    predict: ZPredictTraining.nullable().describe('a predict-then-train question: its training and outcome (results are sent once it is decided); null for an exercise'),
  })
  .describe('A closed question’s results for the host: counts only.');
export type TQuestionResults = z.infer<typeof ZQuestionResults>;

export const ZPaceMeter = z
  .object({
    questionIndex: z.number().int().describe('the question the signals are about (−1: the lobby)'),
    tooFast: z.number().int().describe('players saying “too fast”'),
    lost: z.number().int().describe('players saying “I’m lost”'),
    joined: z.number().int().describe('active players'),
  })
  .describe('The anonymous pace meter: counts only, reset with each question.');
export type TPaceMeter = z.infer<typeof ZPaceMeter>;

export const ZHostView = z
  .object({
    session: ZPublicSession.extend({
      pin: z.string().describe('the 6-digit PIN'),
      classId: z.string().nullable().describe('the class the session belongs to'),
      unitId: z.string().nullable().describe('the unit its questions came from, if picked by unit'),
      endedAt: at('when it ended').nullable(),
    }).describe('TPublicSession and the host-only fields'),
    questions: z.array(z.object({
      index: z.number().int().describe('question index'),
      typeId: z.string().describe('exercise type id'),
      title: ZText.describe('title'),
      timeLimitS: z.number().int().describe('time limit in seconds'),
      reaskOf: z.number().int().nullable().describe('a follow-up: the index of the question it re-asks'),
    })).describe('the plan, with any follow-ups in place'),
    participants: z.array(ZHostParticipant).describe('active players in leaderboard order, as of the last closed question'),
    question: ZHostQuestion.nullable().describe('the current (or last) question'),
    progress: ZQuestionProgress.nullable().describe('answers to the current question'),
    results: ZQuestionResults.nullable().describe('the current question’s results once it has closed'),
    leaderboard: ZLeaderboard.nullable().describe('in LEADERBOARD and FINISHED (self-paced: while running)'),
    pace: ZPaceMeter.describe('the pace meter of the current question'),
    training: ZPredictTraining.nullable().describe('the current question’s training, if it is a predict-then-train question that has closed'),
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

// HTTP: POST /api/live/join. Both answers are 200: a mistyped PIN is the user's mistake, not a
// failed request (a 404 would be logged by the browser as a failed resource). Other refusals
// (locked, past the deadline, nickname taken, too many wrong PINs) are errors with a status.

export const ZJoinedLiveSession = z
  .object({
    found: z.literal(true).describe('the PIN belongs to an open session the caller may join; they are a player now'),
    sessionId: z.string().describe('the session joined'),
    participantId: z.string().describe('the caller’s participant id in it'),
    nickname: z.string().describe('the nickname others see'),
    guestToken: z.string().nullable().describe('a new guest’s token, sent this once (the browser keeps it for the socket handshake); null for a signed-in player'),
  })
  .describe('The answer of `POST /api/live/join` (200) when the caller joined.');
export type TJoinedLiveSession = z.infer<typeof ZJoinedLiveSession>;

export const ZNoSessionForPin = zNotFoundAnswer(
  'session-not-found',
  'no open session the caller may join has that PIN (a PIN without a session and one the caller may not join answer alike)',
  'The answer of `POST /api/live/join` (200) for a wrong PIN; it counts against the wrong-PIN limit.',
);
export type TNoSessionForPin = z.infer<typeof ZNoSessionForPin>;

/** What `POST /api/live/join` answers with status 200. */
export type TJoinAnswer = TJoinedLiveSession | TNoSessionForPin;

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
      reaskOf: z.object({ index: z.number().int().describe('the question re-asked'), mistake: z.string().describe('the mistake id re-asked') }).nullable().describe('a follow-up added by re-asking a mistake'),
      reask: ZReaskComparison.nullable().describe('a follow-up’s before and after'),
    })).describe('the questions played, follow-ups in place'),
    scoring: ZScoring,
    teams: z.array(ZTeamStanding).nullable().describe('team mode: the final team standings'),
    participants: z.array(z.object({
      participantId: z.string().describe('participant id'),
      userId: z.string().nullable().describe('the account (null for guests)'),
      nickname: z.string().describe('nickname shown in the session'),
      team: z.number().int().nullable().describe('team (0-based) in team mode'),
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
