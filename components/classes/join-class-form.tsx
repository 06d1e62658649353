'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { ZJoinClass, type TJoinClassAnswer } from '@/lib/classes/class-schemas';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import styles from '@/components/ui/forms.module.css';

const TEXT = {
  label: { ko: '참여 코드', en: 'Join code' },
  hint: { ko: '강사에게 받은 6~8자리 코드 (대소문자 구분 없음)', en: 'The 6–8 character code from your instructor (any case)' },
  submit: { ko: '참여하기', en: 'Join' },
  pending: { ko: '참여 중…', en: 'Joining…' },
  malformed: { ko: '참여 코드는 영문자와 숫자 6~8자입니다.', en: 'A join code has 6 to 8 letters and digits.' },
};

export function JoinClassForm({ locale, initialCode = '' }: { locale: Locale; initialCode?: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isPending) return;
    const parsed = ZJoinClass.safeParse({ code });
    if (!parsed.success) {
      setError(TEXT.malformed[locale]);
      return;
    }
    setIsPending(true);
    setError(null);
    const result = await sendJson<TJoinClassAnswer>('/api/classes/join', 'POST', parsed.data);
    if (result.ok) {
      const answer = result.data;
      if (!answer.found) {
        // An unknown code is a 200 (so the browser logs nothing): the server's sentence, in this language.
        setIsPending(false);
        setError(answer.text[locale]);
        return;
      }
      router.push(`/classes/${answer.classId}`);
      router.refresh();
      return;
    }
    setIsPending(false);
    setError(describeApiError(result.error, locale, { BAD_REQUEST: TEXT.malformed }));
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <label htmlFor="join-code">{TEXT.label[locale]}</label>
      <div className={styles.inline}>
        <input
          id="join-code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby="join-code-hint"
          aria-invalid={error ? true : undefined}
          style={{ maxWidth: '12rem', textTransform: 'uppercase', letterSpacing: '0.1em' }}
        />
        <button className="button" type="submit" disabled={isPending}>
          {isPending ? TEXT.pending[locale] : TEXT.submit[locale]}
        </button>
      </div>
      <p id="join-code-hint" className={styles.hint}>{TEXT.hint[locale]}</p>
      <div role="alert" aria-live="assertive">{error && <p className={styles.alert}>{error}</p>}</div>
    </form>
  );
}
