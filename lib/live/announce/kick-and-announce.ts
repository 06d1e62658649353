import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { countActivePlayers } from '@/lib/live/views/count-active-players';
import { kickLiveParticipant } from '@/lib/live/state/kick-live-participant';

/** Removes a player and tells them; their sockets (on any process) leave the session's rooms. */
export async function kickAndAnnounce(announce: LiveAnnouncer, sessionId: string, participantId: string): Promise<void> {
  await kickLiveParticipant(sessionId, participantId);
  announce.kicked(sessionId, participantId);
  const joined = await countActivePlayers(sessionId);
  announce.lobbyChange(sessionId, { joined, removedId: participantId });
}
