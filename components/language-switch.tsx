'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { Locale } from '@/lib/i18n/locales';

const LABELS: Record<Locale, string> = { ko: '한국어', en: 'English' };

export function LanguageSwitch({ locale }: { locale: Locale }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function choose(next: Locale) {
    startTransition(async () => {
      await fetch('/api/locale', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: next }) });
      router.refresh();
    });
  }

  return (
    <div className="lang-switch" role="group" aria-label="Language / 언어">
      {(Object.keys(LABELS) as Locale[]).map((option) => (
        <button key={option} type="button" aria-pressed={option === locale} disabled={isPending} onClick={() => choose(option)} lang={option}>
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
