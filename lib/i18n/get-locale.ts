import 'server-only';
import { cookies, headers } from 'next/headers';
import { isLocale, localeFromAcceptLanguage, type Locale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

/** The viewer's language: the cookie set by the language switch (mirrors the account's choice), else Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}
