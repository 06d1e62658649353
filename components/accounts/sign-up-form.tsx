'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, EMAIL_MAX, ZSignUp } from '@/lib/accounts/sign-up-schema';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import styles from '@/components/ui/forms.module.css';
import { AccountFormActions } from './account-form-actions';

const TEXT = {
  name: { ko: '이름', en: 'Name' },
  nameHint: { ko: '강사와 성적표에 보이는 이름입니다.', en: 'The name your instructors see in the gradebook.' },
  email: { ko: '이메일', en: 'Email' },
  password: { ko: '비밀번호', en: 'Password' },
  passwordHint: { ko: `${PASSWORD_MIN}자 이상`, en: `At least ${PASSWORD_MIN} characters` },
  submit: { ko: '가입하기', en: 'Create account' },
  pending: { ko: '가입 중…', en: 'Creating…' },
  haveAccount: { ko: '이미 계정이 있나요?', en: 'Already have an account?' },
  signIn: { ko: '로그인', en: 'Sign in' },
  exists: { ko: '이 이메일로 가입한 계정이 이미 있습니다. 로그인하세요.', en: 'An account with this email already exists. Sign in instead.' },
  createdSignInFailed: { ko: '계정이 만들어졌습니다. 로그인해 주세요.', en: 'Your account was created. Please sign in.' },
  fixFields: { ko: '표시된 항목을 고쳐 주세요.', en: 'Please fix the marked fields.' },
} satisfies Record<string, Localized>;

const FIELD_TEXT: Record<'name' | 'email' | 'password', Localized> = {
  name: { ko: `이름을 1~${NAME_MAX}자로 입력하세요 (보이지 않는 제어 문자는 안 됩니다).`, en: `Enter a name of 1–${NAME_MAX} characters (no invisible control characters).` },
  email: { ko: `올바른 이메일 주소를 입력하세요 (최대 ${EMAIL_MAX}자).`, en: `Enter a valid email address (at most ${EMAIL_MAX} characters).` },
  password: { ko: `비밀번호는 ${PASSWORD_MIN}~${PASSWORD_MAX}자여야 합니다.`, en: `The password needs ${PASSWORD_MIN}–${PASSWORD_MAX} characters.` },
};

type Field = keyof typeof FIELD_TEXT;
type FieldErrors = Partial<Record<Field, string>>;

export interface SignUpFormProps {
  locale: Locale;
  callbackUrl: string;
}

export function SignUpForm({ locale, callbackUrl }: SignUpFormProps) {
  const router = useRouter();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // `field`: the one input the alert is about (a taken email), marked invalid without repeating the sentence under it.
  const [error, setError] = useState<{ text: string; showSignIn?: boolean; field?: Field } | null>(null);
  const [isPending, setIsPending] = useState(false);

  function localizeFields(fields: Iterable<string>): FieldErrors {
    const result: FieldErrors = {};
    for (const field of fields) if (field in FIELD_TEXT) result[field as Field] = FIELD_TEXT[field as Field][locale];
    return result;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isPending) return;
    setError(null);
    const parsed = ZSignUp.safeParse({ ...values, locale });
    if (!parsed.success) {
      setFieldErrors(localizeFields(parsed.error.issues.map((issue) => String(issue.path[0]))));
      setError({ text: TEXT.fixFields[locale] });
      return;
    }
    setFieldErrors({});
    setIsPending(true);
    const created = await sendJson<{ user: { email: string } }>('/api/account/signup', 'POST', parsed.data);
    if (!created.ok) {
      setIsPending(false);
      const isTaken = created.error.code === 'CONFLICT';
      if (!isTaken && created.error.fieldErrors) setFieldErrors(localizeFields(Object.keys(created.error.fieldErrors)));
      // A taken email is said once, in the alert with its sign-in link; the email box is marked and points to it.
      setError({ text: describeApiError(created.error, locale, { CONFLICT: TEXT.exists, BAD_REQUEST: TEXT.fixFields }), showSignIn: isTaken, field: isTaken ? 'email' : undefined });
      return;
    }
    try {
      const result = await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
    } catch {
      // Falls through to the sign-in link below: the account exists either way.
    }
    setIsPending(false);
    setError({ text: TEXT.createdSignInFailed[locale], showSignIn: true });
  }

  // No maxLength on the inputs: an overlong name gets a clear message instead of being cut silently.
  const field = (name: Field, type: string, autoComplete: string, hint?: Localized) => (
    <>
      <label htmlFor={`signup-${name}`}>{TEXT[name][locale]}</label>
      <input
        id={`signup-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        value={values[name]}
        aria-invalid={fieldErrors[name] || error?.field === name ? true : undefined}
        aria-describedby={[hint ? `signup-${name}-hint` : '', fieldErrors[name] ? `signup-${name}-error` : '', error?.field === name ? 'signup-alert' : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setValues((current) => ({ ...current, [name]: e.target.value }))}
      />
      {hint && <p id={`signup-${name}-hint`} className={styles.hint}>{hint[locale]}</p>}
      {fieldErrors[name] && <p id={`signup-${name}-error`} className={styles.fieldError}>{fieldErrors[name]}</p>}
    </>
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {field('name', 'text', 'name', TEXT.nameHint)}
      {field('email', 'email', 'email')}
      {field('password', 'password', 'new-password', TEXT.passwordHint)}
      <div id="signup-alert" role="alert" aria-live="assertive">
        {error && (
          <p className={styles.alert}>
            {error.text}{' '}
            {error.showSignIn && <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}&email=${encodeURIComponent(values.email.trim())}`}>{TEXT.signIn[locale]}</Link>}
          </p>
        )}
      </div>
      <AccountFormActions
        isPending={isPending}
        submitLabel={TEXT.submit[locale]}
        pendingLabel={TEXT.pending[locale]}
        otherQuestion={TEXT.haveAccount[locale]}
        otherLabel={TEXT.signIn[locale]}
        otherHref={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
      />
    </form>
  );
}
