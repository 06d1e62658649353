import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';

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
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await getDb().user.findUnique({ where: { email: parsed.data.email } });
          // Same answer for unknown email and wrong password: no user enumeration.
          if (!user || !(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
          return { id: user.id, email: user.email, name: user.name };
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
