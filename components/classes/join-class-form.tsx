'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { ZJoinClass } from '@/lib/classes/class-schemas';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import styles from '@/components/ui/forms.module.css';

const TEXT = {
  label: { ko: '참여 코드', en: 'Join code' },
  hint: { ko: '강사에게 받은 6~8자리 코드 (대소문자 구분 없음)', en: 'The 6–8 character code from your instructor (any case)' },
  submit: { ko: '참여하기', en: 'Join' },
  pending: { ko: '참여 중…', en: 'Joining…' },
  malformed: { ko: '참여 코드는 영문자와 숫자 6~8자입니다.', en: 'A join code has 6 to 8 letters and digits.' },
  unknown: { ko: '이 코드의 수업이 없습니다. 강사에게 코드를 다시 확인하세요 (코드가 바뀌었을 수 있습니다).', en: 'No class has this join code. Check it with your instructor (it may have been changed).' },
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
    const result = await sendJson<{ classId: string }>('/api/classes/join', 'POST', parsed.data);
    if (result.ok) {
      router.push(`/classes/${result.data.classId}`);
      router.refresh();
      return;
    }
    setIsPending(false);
    setError(describeApiError(result.error, locale, { NOT_FOUND: TEXT.unknown, BAD_REQUEST: TEXT.malformed }));
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
