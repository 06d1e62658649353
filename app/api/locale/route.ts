import { NextResponse } from 'next/server';
import { z } from 'zod';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';
import { getOptionalUser } from '@/lib/auth/require-user';
import { setUserLocale } from '@/lib/i18n/set-user-locale';

const ZSetLocale = z.object({ locale: z.enum(LOCALES) });

/** Switches the interface language: a cookie for everyone, and the account's choice when signed in. */
export const POST = handleRoute(async (request) => {
  const { locale } = await readJson(request, ZSetLocale, 1024);
  const user = await getOptionalUser();
  if (user) await setUserLocale({ userId: user.id, locale });
  const response = NextResponse.json({ locale });
  response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
  return response;
});
