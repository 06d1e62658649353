import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { getOptionalUser } from '@/lib/auth/require-user';
import { isLocale, localeFromAcceptLanguage, type Locale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

/**
 * The viewer's language: the cookie set by the language switch, else the signed-in account's
 * stored choice (a new browser without the cookie), else Accept-Language. Cached per request,
 * since the layout, header and page all ask.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  // The language must never be the reason a page fails: without the database, fall back to the header.
  const user = await getOptionalUser().catch(() => null);
  if (user && isLocale(user.locale)) return user.locale;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
});
