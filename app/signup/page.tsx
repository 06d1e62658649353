import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/accounts/sign-up-form';
import { safeCallbackUrl } from '@/lib/accounts/safe-callback-url';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '회원가입' : 'Sign up' };
}

interface SignUpPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const [locale, params, user] = await Promise.all([getLocale(), searchParams, getOptionalUser()]);
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (user) redirect(callbackUrl);
  return (
    <section>
      <h1>{locale === 'ko' ? '회원가입' : 'Create an account'}</h1>
      <p className="muted">
        {locale === 'ko'
          ? '학생도 강사도 같은 계정을 씁니다. 수업을 만들면 그 수업의 강사가 되고, 참여 코드로 들어가면 학생이 됩니다.'
          : 'Students and instructors use the same kind of account: create a class and you teach it; join one with its code and you are a student in it.'}
      </p>
      <SignUpForm locale={locale} callbackUrl={callbackUrl} />
    </section>
  );
}
