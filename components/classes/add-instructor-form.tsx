'use client';

import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { ZAddInstructor } from '@/lib/classes/class-schemas';
import { useApiAction } from '@/components/ui/use-api-action';
import forms from '@/components/ui/forms.module.css';

const TEXT = {
  title: { ko: '공동 강사 추가', en: 'Add a co-instructor' },
  email: { ko: '가입한 이메일', en: 'Their account email' },
  submit: { ko: '강사로 추가', en: 'Add as instructor' },
  invalid: { ko: '올바른 이메일 주소를 입력하세요.', en: 'Enter a valid email address.' },
  unknown: { ko: '이 이메일로 가입한 계정이 없습니다. 먼저 가입하도록 요청한 뒤 다시 추가하세요.', en: 'No account uses this email. Ask them to sign up first, then add them again.' },
  already: { ko: '이미 이 수업의 강사입니다.', en: 'They already teach this class.' },
  added: { ko: '님을 강사로 추가했습니다.', en: ' is now an instructor of this class.' },
};

export function AddInstructorForm({ locale, classId }: { locale: Locale; classId: string }) {
  const { run, error, setError, isPending } = useApiAction(locale);
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const parsed = ZAddInstructor.safeParse({ email });
    if (!parsed.success) {
      setError(TEXT.invalid[locale]);
      return;
    }
    const result = await run<{ name: string }>(`/api/classes/${classId}/instructors`, 'POST', parsed.data, {
      errors: { BAD_REQUEST: TEXT.invalid, NOT_FOUND: TEXT.unknown, CONFLICT: TEXT.already },
    });
    if (result) {
      setAdded(`${result.name}${TEXT.added[locale]}`);
      setEmail('');
    }
  }

  return (
    <section className="card" aria-labelledby="add-instructor-title">
      <h2 id="add-instructor-title">{TEXT.title[locale]}</h2>
      <form className={forms.form} onSubmit={submit} noValidate>
        <label htmlFor="instructor-email">{TEXT.email[locale]}</label>
        <div className={forms.inline}>
          <input id="instructor-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
          <button type="submit" className="button secondary" disabled={isPending}>{TEXT.submit[locale]}</button>
        </div>
      </form>
      <div role="status" aria-live="polite">{added && <p className={forms.notice}>{added}</p>}</div>
      <div role="alert">{error && <p className={forms.alert}>{error}</p>}</div>
    </section>
  );
}
