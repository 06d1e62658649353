import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';

export interface SetUserLocaleOptions {
  userId: string;
  locale: Locale;
}

export async function setUserLocale({ userId, locale }: SetUserLocaleOptions): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { locale } });
}
