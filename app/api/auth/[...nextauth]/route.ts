import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/auth-options';

const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(getAuthOptions())(request, context);

export { handler as GET, handler as POST };
