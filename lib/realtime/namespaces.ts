// The socket.io namespaces, one per feature (client-safe: the browser hooks import it too).
// Each namespace has its own rooms, so one feature joining or leaving rooms never touches another's.
export const SOCKET_NAMESPACES = {
  live: '/live',
  training: '/training',
} as const;

export type SocketNamespaceName = (typeof SOCKET_NAMESPACES)[keyof typeof SOCKET_NAMESPACES];

/**
 * The largest message a socket may send (socket.io's `maxHttpBufferSize`). A bigger one closes the
 * connection before any handler sees it, so clients check the size first (components/live/live-socket.ts);
 * every answer the answer schema accepts fits (MAX_ANSWER_BYTES in engine/exercises/answer-schema.ts).
 */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;
