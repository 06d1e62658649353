import type { Metadata } from 'next';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getLocale } from '@/lib/i18n/get-locale';
import { JoinForm } from '@/components/live/join-form';
import { LIVE_TEXT } from '@/components/live/live-text';

export async function generateMetadata(): Promise<Metadata> {
  return { title: LIVE_TEXT.joinTitle[await getLocale()] };
}

interface JoinPageProps {
  searchParams: Promise<{ pin?: string | string[] }>;
}

export default async function JoinPage({ searchParams }: JoinPageProps) {
  const [locale, params, user] = await Promise.all([getLocale(), searchParams, getOptionalUser()]);
  const pin = typeof params.pin === 'string' && /^\d{6}$/.test(params.pin) ? params.pin : '';
  return (
    <section>
      <h1>{LIVE_TEXT.joinTitle[locale]}</h1>
      <JoinForm locale={locale} initialPin={pin} userName={user?.name ?? null} />
    </section>
  );
}
