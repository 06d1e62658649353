import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/auth-options';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/handle-route';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth parses a JSON body itself and throws on a broken one (a 500). A body declared as JSON
// is checked here first, so a truncated or malformed one is a 400 with a message; anything else
// next-auth throws still becomes the one JSON error response.
const handler = async (request: Request, context: Context): Promise<Response> => {
  try {
    if (request.method === 'POST' && /json/i.test(request.headers.get('content-type') ?? '')) {
      const text = await request.clone().text();
      try {
        JSON.parse(text);
      } catch {
        throw new AppError('BAD_REQUEST', { ko: '요청 본문이 올바른 JSON이 아닙니다.', en: 'The request body is not valid JSON.' });
      }
    }
    return await NextAuth(getAuthOptions())(request, context);
  } catch (error) {
    return errorResponse(error);
  }
};

export { handler as GET, handler as POST };
