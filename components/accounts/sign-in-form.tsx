'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { NETWORK_ERROR, describeApiError, tryAgainIn } from '@/components/ui/api-client';
import styles from '@/components/ui/forms.module.css';
import { AccountFormActions } from './account-form-actions';

const TEXT = {
  email: { ko: '이메일', en: 'Email' },
  password: { ko: '비밀번호', en: 'Password' },
  submit: { ko: '로그인', en: 'Sign in' },
  pending: { ko: '로그인 중…', en: 'Signing in…' },
  wrong: { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'Wrong email or password.' },
  noAccount: { ko: '계정이 없나요?', en: 'No account yet?' },
  signUp: { ko: '회원가입', en: 'Sign up' },
};

export interface SignInFormProps {
  locale: Locale;
  callbackUrl: string;
  /** Prefilled after sign-up or from a link. */
  initialEmail?: string;
}

export function SignInForm({ locale, callbackUrl, initialEmail = '' }: SignInFormProps) {
  const router = useRouter();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isPending) return;
    setIsPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { email, password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      // A rate limit arrives as "Too many attempts. Try again in N s."; anything else is the generic failure.
      const seconds = /Try again in (\d+)/.exec(result?.error ?? '')?.[1];
      setError(seconds ? tryAgainIn(Number(seconds), locale) : TEXT.wrong[locale]);
    } catch {
      setError(describeApiError(NETWORK_ERROR, locale));
    }
    setIsPending(false);
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate={false}>
      <label htmlFor="signin-email">{TEXT.email[locale]}</label>
      <input id="signin-email" name="email" type="email" autoComplete="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="signin-password">{TEXT.password[locale]}</label>
      <input id="signin-password" name="password" type="password" autoComplete="current-password" required maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
      <div role="alert" aria-live="assertive">
        {error && <p className={styles.alert}>{error}</p>}
      </div>
      <AccountFormActions
        isPending={isPending}
        submitLabel={TEXT.submit[locale]}
        pendingLabel={TEXT.pending[locale]}
        otherQuestion={TEXT.noAccount[locale]}
        otherLabel={TEXT.signUp[locale]}
        otherHref={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
      />
    </form>
  );
}
