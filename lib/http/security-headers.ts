// The security headers of every response the proxy passes (proxy.ts). Pages get a Content-Security-
// Policy with a fresh nonce per request: Next reads the nonce from the request's policy header and
// puts it on every script it renders, so only those scripts run; an injected <script> (or an inline
// event handler) does not. Styles may be inline: KaTeX and the figures size boxes with style
// attributes, and a style cannot run code. Nothing may frame the app (clickjacking). Static headers
// (nosniff, referrer, permissions, framing) are in next.config.js, so static assets get them too.

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev` evaluates modules with eval() for hot reload. */
  isDevelopment: boolean;
  /** Served over https: ask browsers to upgrade any stray http:// subresource. */
  isHttps: boolean;
}

/** The Content-Security-Policy of an HTML page. */
export function pagePolicy({ nonce, isDevelopment, isHttps }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': a script Next loaded with the nonce may load its chunks; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // socket.io: same origin over ws(s) and long-polling.
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** API responses are data, never documents: they may load nothing and be framed by nobody. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for a site served over https (a year; browsers remember to use https only). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** A nonce: 16 random bytes, base64 (fits CSP's nonce-source grammar). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
