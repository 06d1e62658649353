// Next fills x-forwarded-for with the socket address when the client did not send one; behind a
// reverse proxy the first entry is the client. Without a proxy a client can forge it, which is
// why sign-in is also limited per email alone (see rate-limits.ts).
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function readClientIp(headers: HeaderSource): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = read('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || read('x-real-ip')?.trim() || 'unknown';
}
