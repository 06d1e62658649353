import type { Socket } from 'socket.io';
import { createLiveAnnouncer, type LiveAnnouncer, type LiveNamespace } from '@/lib/live/announce/live-announcer';
import { z } from 'zod';
import { createRateLimiter } from '@/lib/rate-limit';
import { getLogger } from '@/lib/log';
import { advanceLiveSession } from '@/lib/live/announce/advance-live-session';
import { armQuestionTimer } from '@/lib/live/announce/arm-question-timer';
import { armIdleSweep } from '@/lib/live/announce/end-idle-live-sessions';
import { endSessionAndAnnounce } from '@/lib/live/announce/end-session-and-announce';
import { getCorrectnessView } from '@/lib/live/views/get-correctness-view';
import { getHostView } from '@/lib/live/views/get-host-view';
import { getPlayerView } from '@/lib/live/views/get-player-view';
import { kickAndAnnounce } from '@/lib/live/announce/kick-and-announce';
import { LIVE_CLIENT_EVENTS, hostRoom, participantRoom, sessionRoom } from '@/lib/live/protocol/live-events';
import { notJoined, stalePhase } from '@/lib/live/protocol/live-errors';
import { ZHostAdvance, ZHostKick, ZHostLock, ZHostReask, ZHostSessionCommand, ZLiveEnter, ZPaceSignal, ZPickTeam, ZSubmitLiveAnswer } from '@/lib/live/protocol/live-schemas';
import { reaskAndAnnounce } from '@/lib/live/announce/reask-and-announce';
import { trainPredictionAndAnnounce } from '@/lib/live/announce/train-prediction-and-announce';
import { pickLiveTeam } from '@/lib/live/state/pick-live-team';
import { recordPaceSignal } from '@/lib/live/state/record-pace-signal';
import { getLiveVariant } from '@/lib/live/variants/live-variant';
import { prewarmVariants } from '@/lib/live/variants/prewarm-variants';
import { rearmLiveTimers } from '@/lib/live/announce/rearm-live-timers';
import { recordMissedQuestion } from '@/lib/live/state/record-missed-question';
import { scheduleSelfPacedProgress } from '@/lib/live/announce/schedule-self-paced-progress';
import { armDeadlineTimer } from '@/lib/live/announce/arm-deadline-timer';
import type { TPublicSession } from '@/lib/live/protocol/live-payloads';
import { PREDICT_TYPE_ID } from '@/lib/live/protocol/predict-setup';
import { requireLiveHost } from '@/lib/live/state/require-live-host';
import { resolveLiveParticipant } from '@/lib/live/state/resolve-live-participant';
import { scheduleProgress } from '@/lib/live/announce/schedule-progress';
import { schedulePaceMeter } from '@/lib/live/announce/schedule-pace-meter';
import { setLiveSessionLocked } from '@/lib/live/state/set-live-session-locked';
import { submitLiveAnswer } from '@/lib/live/state/submit-live-answer';
import { getDb } from '@/lib/db';
import { countActivePlayers } from '@/lib/live/views/count-active-players';
import { onEvent } from '@/lib/realtime/on-event';
import type { LiveClientEvent, LiveClientEventMap, LiveInput } from '@/lib/live/protocol/live-protocol';

/** What a socket is in the live feature; kept in socket.data so connection state recovery restores it. */
interface LiveSocketState {
  sessionId: string;
  role: 'host' | 'player';
  participantId: string | null;
}

// 20 events per second per socket: far above a human's pace, low enough to blunt a flood.
const limiter = createRateLimiter({ name: 'live-socket', points: 20, durationSeconds: 1 });
// Pace signals: a few taps a minute is all a player needs; more is noise on the host's meter.
const paceLimiter = createRateLimiter({ name: 'live-pace', points: 10, durationSeconds: 60 });
const ZGuestAuth = z.object({ guestToken: z.string().min(16).max(128).optional() });

export function registerLiveHandlers(io: LiveNamespace): void {
  const announce = createLiveAnnouncer(io);
  rearmLiveTimers(announce).catch((error: unknown) => getLogger().error({ err: error }, 'live: could not re-arm question timers'));
  armIdleSweep(announce);

  io.on('connection', (socket) => {
    // Typed by the protocol module: the event's input schema and its ack are those the browser expects.
    const handle = <E extends LiveClientEvent>(event: E, schema: z.ZodType<LiveInput<E>>, run: (input: LiveInput<E>) => Promise<LiveClientEventMap[E]['ack']>, eventLimiter = limiter) =>
      onEvent(socket, event, schema, run, { limiter: eventLimiter });

    handle(LIVE_CLIENT_EVENTS.enter, ZLiveEnter, async ({ sessionId }) => {
      const auth = ZGuestAuth.safeParse(socket.handshake.auth);
      const guestToken = auth.success ? (auth.data.guestToken ?? null) : null;
      const participant = await resolveLiveParticipant({ sessionId, userId: socket.data.userId ?? null, guestToken });
      bind(socket, { sessionId, role: 'player', participantId: participant.id }, [sessionRoom(sessionId), participantRoom(participant.id)]);
      const view = await getPlayerView({ sessionId, participantId: participant.id });
      armTimersFor(announce, view.session, view.question);
      if (view.session.state === 'LOBBY') warmFirstQuestion(sessionId, participant.id);
      const joined = await countActivePlayers(sessionId);
      announce.lobbyChange(sessionId, { joined, added: { id: participant.id, nickname: participant.nickname, isGuest: !socket.data.userId, score: view.you.score, team: view.you.team } });
      return { view };
    });

    handle(LIVE_CLIENT_EVENTS.pickTeam, ZPickTeam, async ({ sessionId, team }) => {
      const participantId = playerIn(socket, sessionId);
      await pickLiveTeam({ sessionId, participantId, team });
      const view = await getPlayerView({ sessionId, participantId });
      announce.lobbyChange(sessionId, { joined: view.you.participantCount, added: { id: participantId, nickname: view.you.nickname, isGuest: !socket.data.userId, score: view.you.score, team } });
      return { team };
    });

    handle(
      LIVE_CLIENT_EVENTS.pace,
      ZPaceSignal,
      async ({ sessionId, kind }) => {
        const participantId = playerIn(socket, sessionId);
        await recordPaceSignal({ sessionId, participantId, kind });
        schedulePaceMeter(announce, sessionId);
        return { kind };
      },
      paceLimiter,
    );

    handle(LIVE_CLIENT_EVENTS.submit, ZSubmitLiveAnswer, async ({ sessionId, questionIndex, answer }) => {
      const receivedAt = new Date();
      const participantId = playerIn(socket, sessionId);
      const submitted = await submitLiveAnswer({ sessionId, participantId, questionIndex, answer, receivedAt });
      const reply = { questionIndex, isDuplicate: submitted.isDuplicate, answer: submitted.answer, msToAnswer: submitted.msToAnswer };
      if (submitted.mode === 'INSTRUCTOR_PACED') {
        if (!submitted.isDuplicate) scheduleProgress(announce, sessionId, questionIndex);
        return reply;
      }
      // Self-paced: the result of this answer and the next question come back at once.
      if (!submitted.isDuplicate) scheduleSelfPacedProgress(announce, sessionId);
      return { ...reply, view: await getPlayerView({ sessionId, participantId, selfPacedPosition: submitted.selfPacedPosition }) };
    });

    handle(LIVE_CLIENT_EVENTS.next, ZLiveEnter, async ({ sessionId }) => {
      const participantId = playerIn(socket, sessionId);
      await recordMissedQuestion(sessionId, participantId);
      scheduleSelfPacedProgress(announce, sessionId);
      return { view: await getPlayerView({ sessionId, participantId }) };
    });

    handle(LIVE_CLIENT_EVENTS.hostEnter, ZHostSessionCommand, async ({ sessionId }) => {
      const session = await requireLiveHost(sessionId, socket.data.userId ?? null);
      bind(socket, { sessionId, role: 'host', participantId: null }, [sessionRoom(sessionId), hostRoom(sessionId)]);
      const view = await getHostView(session);
      armTimersFor(announce, view.session, view.question?.closedAt ? null : view.question);
      // A prediction round still training (say, its process restarted): follow its runs to the outcome here.
      if (view.training?.status === 'training') void trainPredictionAndAnnounce(announce, sessionId, view.training.questionIndex).catch(() => {});
      if (session.state === 'LOBBY') prewarmVariants(sessionId, 0);
      return { view };
    });

    handle(LIVE_CLIENT_EVENTS.hostAdvance, ZHostAdvance, async ({ sessionId, from }) => {
      const session = await requireLiveHost(sessionId, socket.data.userId ?? null);
      await advanceLiveSession(announce, session, from);
      return {};
    });

    handle(LIVE_CLIENT_EVENTS.hostEnd, ZHostSessionCommand, async ({ sessionId }) => {
      await requireLiveHost(sessionId, socket.data.userId ?? null);
      await endSessionAndAnnounce(announce, sessionId);
      return {};
    });

    handle(LIVE_CLIENT_EVENTS.hostLock, ZHostLock, async ({ sessionId, locked }) => {
      await requireLiveHost(sessionId, socket.data.userId ?? null);
      await setLiveSessionLocked(sessionId, locked);
      await announce.session(sessionId);
      return { locked };
    });

    handle(LIVE_CLIENT_EVENTS.hostKick, ZHostKick, async ({ sessionId, participantId }) => {
      await requireLiveHost(sessionId, socket.data.userId ?? null);
      await kickAndAnnounce(announce, sessionId, participantId);
      return {};
    });

    handle(LIVE_CLIENT_EVENTS.hostReask, ZHostReask, async ({ sessionId, from, mistakeId }) => {
      const session = await requireLiveHost(sessionId, socket.data.userId ?? null);
      if (session.state !== from.state || session.currentIndex !== from.index) throw stalePhase();
      return reaskAndAnnounce(announce, sessionId, { from, mistakeId });
    });

    handle(LIVE_CLIENT_EVENTS.hostCorrectness, ZHostSessionCommand, async ({ sessionId }) => {
      await requireLiveHost(sessionId, socket.data.userId ?? null);
      return { view: await getCorrectnessView(sessionId) };
    });
  });
}

/**
 * Deadlines are stored; any process that sees an open question or a running self-paced session
 * makes sure a timer for it runs here too (arming is idempotent, so is what the timer does).
 */
function armTimersFor(announce: LiveAnnouncer, session: TPublicSession, question: { index: number; closesAt: string | null } | null): void {
  if (session.state !== 'QUESTION') return;
  if (session.mode === 'SELF_PACED') {
    if (session.deadline) armDeadlineTimer(announce, session.sessionId, new Date(session.deadline));
  } else if (question?.closesAt) {
    armQuestionTimer(announce, session.sessionId, question.index, new Date(question.closesAt));
  }
}

/** Puts the socket in the session's rooms (leaving any other session's first) and remembers its role. */
function bind(socket: Socket, state: LiveSocketState, rooms: string[]): void {
  const previous = socket.data.live as LiveSocketState | undefined;
  if (previous && previous.sessionId !== state.sessionId) {
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
  }
  socket.data.live = state;
  void socket.join(rooms);
}

/** The participant this socket entered as, in this session; identity never comes from the payload. */
function playerIn(socket: Socket, sessionId: string): string {
  const state = socket.data.live as LiveSocketState | undefined;
  if (!state || state.role !== 'player' || state.sessionId !== sessionId || !state.participantId) throw notJoined();
  return state.participantId;
}

function warmFirstQuestion(sessionId: string, participantId: string): void {
  setImmediate(() => {
    getDb()
      .liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index: 0 } }, select: { typeId: true } })
      .then((question) => (question && question.typeId !== PREDICT_TYPE_ID ? getLiveVariant({ sessionId, questionIndex: 0, participantId, typeId: question.typeId }) : undefined))
      .catch(() => {});
  });
}
