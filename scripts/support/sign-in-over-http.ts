/** The password of every user the bench scripts create (never a real account). */
export const BENCH_PASSWORD = 'bench-password-not-secret';

/**
 * next-auth's credentials flow, as tests/support/auth.ts does it, against an explicit server: the
 * session cookie. `cookies` ("name=value") go with every request (a proxy's sticky cookie, say).
 */
export async function signInOverHttp(baseUrl: string, email: string, password = BENCH_PASSWORD, cookies: string[] = []): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { headers: cookies.length > 0 ? { cookie: cookies.join('; ') } : {} });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...cookies, ...csrfCookies].join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).find((pair) => pair.includes('session-token='));
  if (!session) throw new Error(`sign-in failed for ${email} (status ${response.status})`);
  return session;
}
