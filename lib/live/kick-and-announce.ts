import type { Namespace } from 'socket.io';
import { getDb } from '@/lib/db';
import { kickLiveParticipant } from '@/lib/live/kick-live-participant';
import { broadcastLobbyChange } from '@/lib/live/live-broadcasts';
import { LIVE_SERVER_EVENTS, participantRoom, sessionRoom } from '@/lib/live/live-events';

/** Removes a player and tells them; their sockets (on any process) leave the session's rooms. */
export async function kickAndAnnounce(io: Namespace, sessionId: string, participantId: string): Promise<void> {
  await kickLiveParticipant(sessionId, participantId);
  io.to(participantRoom(participantId)).emit(LIVE_SERVER_EVENTS.kicked, { sessionId });
  io.in(participantRoom(participantId)).socketsLeave([sessionRoom(sessionId), participantRoom(participantId)]);
  const joined = await getDb().liveParticipant.count({ where: { sessionId, kicked: false } });
  broadcastLobbyChange(io, sessionId, { joined, removedId: participantId });
}
