import { NextResponse, type NextRequest } from 'next/server';
import { FOREIGN_ORIGIN_TEXT, findForeignOrigin } from '@/lib/http/check-origin';
import { findJunkInUrl } from '@/lib/http/find-junk-in-url';
import { API_POLICY, newNonce, pagePolicy, STRICT_TRANSPORT_SECURITY } from '@/lib/http/security-headers';

// The network boundary in front of every page and route (Next 16's proxy, formerly middleware):
// 1. a path or query holding control characters (a NUL byte…) is refused with a 400 here, so no
//    page or route can forget and hand one to PostgreSQL (which would fail with a 500);
// 2. a state-changing request (anything but GET/HEAD/OPTIONS) from a foreign origin gets a 403;
// 3. every page gets a Content-Security-Policy with a fresh nonce (lib/http/security-headers.ts),
//    every API response a policy that loads nothing, and https responses HSTS.
// Each refusal is one info line on stdout in the server log's JSON shape.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function proxy(request: NextRequest): NextResponse {
  const junk = findJunkInUrl(request.nextUrl);
  if (junk) {
    return refuse(request, 400, 'BAD_REQUEST', {
      ko: `잘못된 요청입니다 — 주소에 제어 문자가 들어 있습니다 (${junk}).`,
      en: `Invalid request — ${junk} (control characters are not allowed in addresses).`,
    });
  }
  if (!SAFE_METHODS.has(request.method)) {
    const foreign = findForeignOrigin({
      origin: request.headers.get('origin'),
      secFetchSite: request.headers.get('sec-fetch-site'),
      host: request.headers.get('host'),
      publicUrl: process.env.NEXTAUTH_URL,
    });
    if (foreign) return refuse(request, 403, 'FORBIDDEN', FOREIGN_ORIGIN_TEXT, foreign);
  }
  if (isApi(request)) return withSecurityHeaders(request, NextResponse.next(), API_POLICY);
  // Next reads the nonce from the request's policy header and puts it on every script it renders.
  const policy = pagePolicy({ nonce: newNonce(), isDevelopment: process.env.NODE_ENV === 'development', isHttps: isHttps(request) });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  return withSecurityHeaders(request, NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function isApi(request: NextRequest): boolean {
  return request.nextUrl.pathname.startsWith('/api/');
}

/** https as the browser sees it: the URL, or the public URL when a proxy terminates TLS. */
function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === 'https:' || (process.env.NEXTAUTH_URL ?? '').startsWith('https:');
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set('content-security-policy', policy);
  if (isHttps(request)) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

function refuse(request: NextRequest, status: number, code: string, text: { ko: string; en: string }, detail?: string): NextResponse {
  const reason = code.toLowerCase().replaceAll('_', '-');
  console.info(JSON.stringify({ level: 30, time: Date.now(), status, method: request.method, detail, msg: `refused: ${text.en}` }));
  if (isApi(request)) {
    return withSecurityHeaders(request, NextResponse.json({ error: { code, reason, message: text.en, text } }, { status }), API_POLICY);
  }
  // A page of its own with no script and no style: the strictest policy fits it.
  const body = `<!doctype html><html lang="ko"><meta charset="utf-8"><title>${status}</title><p>${escapeHtml(text.ko)}</p><p lang="en">${escapeHtml(text.en)}</p><p><a href="/">Backprop Live</a></p></html>`;
  return withSecurityHeaders(request, new NextResponse(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } }), API_POLICY);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export const config = {
  // Everything but Next's static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
