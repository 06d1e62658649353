import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { clearSignInAttempts, countSignInAttempt } from '@/lib/accounts/rate-limits';
import { readClientIp } from '@/lib/accounts/read-client-ip';
import { verifyCredentials } from '@/lib/accounts/verify-credentials';
import { revokeSession } from '@/lib/auth/revoke-session';
import { findSessionUser, newSessionId, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-token';
import { isAppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

// Sessions are signed JWT cookies (credentials sign-in requires the JWT strategy). The secret is
// persisted (NEXTAUTH_SECRET or .data/auth-secret), so sessions survive a server restart. Each
// token carries its own id and the user's session version (lib/auth/session-token.ts), so signing
// out, "sign out everywhere" and a password change end tokens on the server, not just in the browser.
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getConfig().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin' },
    // An expired or tampered session cookie is an everyday event (the user gets a 401 and signs in
    // again), not an error with a stack trace.
    logger: {
      error: (code, metadata) => {
        if (code === 'JWT_SESSION_ERROR') getLogger().info({ code }, 'ignored an invalid, expired or revoked session cookie');
        else getLogger().error({ code, metadata }, 'next-auth error');
      },
      warn: (code) => getLogger().warn({ code }, 'next-auth warning'),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const key = { email: parsed.data.email, ip: readClientIp(request?.headers ?? {}) };
          try {
            await countSignInAttempt(key);
          } catch (error) {
            // next-auth hands a thrown message to signIn() as `error`: the form shows "try again in N s".
            if (isAppError(error)) throw new Error(error.message);
            throw error;
          }
          // Same answer for unknown email and wrong password: no user enumeration.
          const user = await verifyCredentials(parsed.data);
          if (!user) return null;
          await clearSignInAttempts(key);
          return user;
        },
      }),
    ],
    events: {
      // Sign-out ends this token on the server too: a copy of the cookie no longer works.
      async signOut({ token }) {
        if (token?.sub) await revokeSession({ userId: token.sub, sessionId: token.sid ?? null, expiresAt: new Date((typeof token.exp === 'number' ? token.exp : 0) * 1000) });
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { ...token, sub: user.id, sid: newSessionId(), sv: user.sessionVersion ?? 0 };
        // Reading the session (GET /api/auth/session): a revoked token throws, and next-auth then
        // answers "no session" and clears the cookie.
        const claims = { userId: token.sub ?? '', sessionId: token.sid ?? null, sessionVersion: token.sv ?? 0 };
        if (!claims.userId || !(await findSessionUser(claims))) throw new Error('the session was signed out or revoked');
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
