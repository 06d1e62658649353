// The socket.io namespaces, one per feature (client-safe: the browser hooks import it too).
// Each namespace has its own rooms, so one feature joining or leaving rooms never touches another's.
export const SOCKET_NAMESPACES = {
  live: '/live',
  training: '/training',
} as const;

export type SocketNamespaceName = (typeof SOCKET_NAMESPACES)[keyof typeof SOCKET_NAMESPACES];
