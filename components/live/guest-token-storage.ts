// A guest's token lives in this browser only (localStorage, per session): it is their identity,
// so a reload or a dropped connection finds the same player again.
export function guestTokenKey(sessionId: string): string {
  return `bpl-live-guest:${sessionId}`;
}
