'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { CLASS_NAME_MAX, ZCreateClass } from '@/lib/classes/class-schemas';
import { describeApiError, sendJson } from '@/components/ui/api-client';
import styles from '@/components/ui/forms.module.css';

const TEXT = {
  label: { ko: '수업 이름', en: 'Class name' },
  placeholder: { ko: '예: 딥러닝 2025 봄 1분반', en: 'e.g. Deep Learning, Spring 2025, section 1' },
  submit: { ko: '수업 만들기', en: 'Create class' },
  pending: { ko: '만드는 중…', en: 'Creating…' },
  invalid: { ko: `수업 이름을 1~${CLASS_NAME_MAX}자로 입력하세요.`, en: `Enter a class name of 1–${CLASS_NAME_MAX} characters.` },
};

export function CreateClassForm({ locale }: { locale: Locale }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isPending) return;
    const parsed = ZCreateClass.safeParse({ name });
    if (!parsed.success) {
      setError(TEXT.invalid[locale]);
      return;
    }
    setIsPending(true);
    setError(null);
    const result = await sendJson<{ class: { id: string } }>('/api/classes', 'POST', parsed.data);
    if (result.ok) {
      // Stays pending while navigating, so a second click cannot open a second class.
      router.push(`/classes/${result.data.class.id}`);
      router.refresh();
      return;
    }
    setIsPending(false);
    setError(describeApiError(result.error, locale, { BAD_REQUEST: TEXT.invalid }));
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <label htmlFor="class-name">{TEXT.label[locale]}</label>
      <input id="class-name" name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder={TEXT.placeholder[locale]} aria-invalid={error ? true : undefined} />
      <div role="alert" aria-live="assertive">{error && <p className={styles.alert}>{error}</p>}</div>
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={isPending}>
          {isPending ? TEXT.pending[locale] : TEXT.submit[locale]}
        </button>
      </div>
    </form>
  );
}
