'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { ZChangePassword } from '@/lib/accounts/change-password-schema';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/accounts/sign-up-schema';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import styles from '@/components/ui/forms.module.css';

const TEXT = {
  passwordTitle: { ko: '비밀번호 바꾸기', en: 'Change password' },
  current: { ko: '현재 비밀번호', en: 'Current password' },
  next: { ko: '새 비밀번호', en: 'New password' },
  nextHint: { ko: `${PASSWORD_MIN}~${PASSWORD_MAX}자. 바꾸면 다른 기기의 로그인은 모두 끝납니다.`, en: `${PASSWORD_MIN}–${PASSWORD_MAX} characters. Changing it signs you out on every other device.` },
  change: { ko: '비밀번호 바꾸기', en: 'Change password' },
  changing: { ko: '바꾸는 중…', en: 'Changing…' },
  changed: { ko: '비밀번호를 바꿨습니다. 다른 기기의 로그인은 끝났습니다.', en: 'Password changed. You are signed out on every other device.' },
  wrongCurrent: { ko: '현재 비밀번호가 맞지 않습니다.', en: 'The current password is not correct.' },
  tooShort: { ko: `새 비밀번호는 ${PASSWORD_MIN}~${PASSWORD_MAX}자여야 합니다.`, en: `The new password needs ${PASSWORD_MIN}–${PASSWORD_MAX} characters.` },
  enterCurrent: { ko: '현재 비밀번호를 입력하세요.', en: 'Enter your current password.' },
  everywhereTitle: { ko: '모든 기기에서 로그아웃', en: 'Sign out everywhere' },
  everywhereHint: { ko: '이 기기를 포함해 로그인한 모든 곳의 세션을 끝냅니다. 다른 사람이 내 계정을 쓰고 있는 것 같을 때 누르세요.', en: 'Ends every session of your account, this one included: use it if someone else may be signed in as you.' },
  everywhere: { ko: '모든 기기에서 로그아웃', en: 'Sign out everywhere' },
  signingOut: { ko: '로그아웃 중…', en: 'Signing out…' },
} satisfies Record<string, Localized>;

type Field = 'currentPassword' | 'newPassword';

export function AccountSecurity({ locale }: { locale: Locale }) {
  const router = useRouter();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isChanging, setIsChanging] = useState(false);
  const [everywhereError, setEverywhereError] = useState<string | null>(null);
  const [isSigningOut, setIsSigningOut] = useState(false);

  async function changePassword(event: FormEvent) {
    event.preventDefault();
    if (isChanging) return;
    setNotice(null);
    setPasswordError(null);
    const parsed = ZChangePassword.safeParse(values);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      setFieldErrors({
        ...(fields.has('currentPassword') ? { currentPassword: TEXT.enterCurrent[locale] } : {}),
        ...(fields.has('newPassword') ? { newPassword: TEXT.tooShort[locale] } : {}),
      });
      return;
    }
    setFieldErrors({});
    setIsChanging(true);
    const result = await sendJson<{ ok: true }>('/api/account/password', 'POST', parsed.data);
    setIsChanging(false);
    if (!result.ok) {
      if (result.error.reason === 'wrong-password') setFieldErrors({ currentPassword: TEXT.wrongCurrent[locale] });
      setPasswordError(describeApiError(result.error, locale));
      return;
    }
    setValues({ currentPassword: '', newPassword: '' });
    setNotice(TEXT.changed[locale]);
  }

  async function signOutEverywhere() {
    if (isSigningOut) return;
    setIsSigningOut(true);
    setEverywhereError(null);
    const result = await sendJson<{ ok: true }>('/api/account/sign-out-everywhere', 'POST');
    if (!result.ok) {
      setIsSigningOut(false);
      setEverywhereError(describeApiError(result.error, locale));
      return;
    }
    router.replace('/');
    router.refresh();
  }

  const field = (name: Field, autoComplete: string, hint?: Localized) => (
    <>
      <label htmlFor={`account-${name}`}>{TEXT[name === 'currentPassword' ? 'current' : 'next'][locale]}</label>
      <input
        id={`account-${name}`}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        value={values[name]}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={[hint ? `account-${name}-hint` : '', fieldErrors[name] ? `account-${name}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setValues((current) => ({ ...current, [name]: e.target.value }))}
      />
      {hint && <p id={`account-${name}-hint`} className={styles.hint}>{hint[locale]}</p>}
      {fieldErrors[name] && <p id={`account-${name}-error`} className={styles.fieldError}>{fieldErrors[name]}</p>}
    </>
  );

  return (
    <>
      <h2>{TEXT.passwordTitle[locale]}</h2>
      <form className={styles.form} onSubmit={changePassword} noValidate>
        {field('currentPassword', 'current-password')}
        {field('newPassword', 'new-password', TEXT.nextHint)}
        <div role="status" aria-live="polite">
          {notice && <p className={styles.notice}>{notice}</p>}
        </div>
        <div role="alert" aria-live="assertive">
          {passwordError && <p className={styles.alert}>{passwordError}</p>}
        </div>
        <div className={styles.actions}>
          <button className="button" type="submit" disabled={isChanging}>
            {isChanging ? TEXT.changing[locale] : TEXT.change[locale]}
          </button>
        </div>
      </form>

      <h2>{TEXT.everywhereTitle[locale]}</h2>
      <p className="muted">{TEXT.everywhereHint[locale]}</p>
      <div role="alert" aria-live="assertive">
        {everywhereError && <p className={styles.alert}>{everywhereError}</p>}
      </div>
      <div className={styles.actions}>
        <button className="button" type="button" onClick={() => void signOutEverywhere()} disabled={isSigningOut}>
          {isSigningOut ? TEXT.signingOut[locale] : TEXT.everywhere[locale]}
        </button>
      </div>
    </>
  );
}
