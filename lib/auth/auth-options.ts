import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { clearSignInAttempts, countSignInAttempt } from '@/lib/accounts/rate-limits';
import { readClientIp } from '@/lib/accounts/read-client-ip';
import { verifyCredentials } from '@/lib/accounts/verify-credentials';
import { isAppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

// Sessions are signed JWT cookies (credentials sign-in requires the JWT strategy). The secret is
// persisted (NEXTAUTH_SECRET or .data/auth-secret), so sessions survive a server restart.
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getConfig().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/signin' },
    // An expired or tampered session cookie is an everyday event (the user gets a 401 and signs in
    // again), not an error with a stack trace.
    logger: {
      error: (code, metadata) => {
        if (code === 'JWT_SESSION_ERROR') getLogger().info({ code }, 'ignored an invalid or expired session cookie');
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
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
