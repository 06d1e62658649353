// The client's address for rate limits. A client can put anything in X-Forwarded-For, so it counts
// only as far as TRUST_PROXY says: the server (server.ts) computes the address once per request
// from the socket's peer and the trusted hops, and stamps it into CLIENT_ADDRESS_HEADER after
// dropping whatever a client sent under that name. Routes and next-auth read only that header.

export const CLIENT_ADDRESS_HEADER = 'x-backprop-client-address';

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * With `trustedHops` = n proxies in front, each appending the address it saw, the client is the
 * n-th X-Forwarded-For entry from the right (the nearest proxy is the socket peer). With n = 0, or
 * fewer entries than n, the header is not trusted beyond what is there.
 */
export function resolveClientAddress(peerAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = peerAddress ?? 'unknown';
  if (trustedHops <= 0 || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return peer;
  return hops[Math.max(0, hops.length - trustedHops)];
}

/** The address stamped by the server for this request ('unknown' outside server.ts, one shared bucket). */
export function readClientIp(headers: HeaderSource): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value)?.trim() || 'unknown';
}
