import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/accounts/sign-in-form';
import { safeCallbackUrl } from '@/lib/accounts/safe-callback-url';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '로그인' : 'Sign in' };
}

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; email?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const [locale, params, user] = await Promise.all([getLocale(), searchParams, getOptionalUser()]);
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (user) redirect(callbackUrl);
  const email = typeof params.email === 'string' ? params.email.slice(0, 254) : '';
  return (
    <section>
      <h1>{locale === 'ko' ? '로그인' : 'Sign in'}</h1>
      <SignInForm locale={locale} callbackUrl={callbackUrl} initialEmail={email} />
    </section>
  );
}
