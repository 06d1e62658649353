// CSRF defence for state-changing requests and socket.io handshakes: a browser always says where a
// request comes from (Origin on every cross-origin and every non-GET request, Sec-Fetch-Site in
// current browsers). A foreign origin is refused; a request without either header is not from a
// browser page (curl, the test clients) and is judged by its session cookie alone.

export interface OriginHeaders {
  origin?: string | null;
  secFetchSite?: string | null;
  /** The Host the request was sent to (or the trusted proxy's X-Forwarded-Host). */
  host?: string | null;
  /** NEXTAUTH_URL, when the public URL differs from the Host header. */
  publicUrl?: string | null;
}

/** Why the request counts as cross-site, or null when it may proceed. */
export function findForeignOrigin({ origin, secFetchSite, host, publicUrl }: OriginHeaders): string | null {
  if (secFetchSite === 'cross-site' || secFetchSite === 'same-site') return `Sec-Fetch-Site is ${secFetchSite}`;
  if (!origin) return null;
  if (origin === 'null') return 'Origin is null (a sandboxed or cross-origin context)';
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return 'Origin is malformed';
  }
  const allowed = new Set<string>();
  if (host) allowed.add(host.toLowerCase());
  if (publicUrl && URL.canParse(publicUrl)) allowed.add(new URL(publicUrl).host.toLowerCase());
  return allowed.has(originHost) ? null : `Origin ${origin} is not this site`;
}

export const FOREIGN_ORIGIN_TEXT = {
  ko: '다른 사이트에서 보낸 요청은 받지 않습니다.',
  en: 'Requests from another site are refused.',
};
