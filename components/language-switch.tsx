'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { sendJson } from '@/components/ui/api-client';

const LABELS: Record<Locale, string> = { ko: '한국어', en: 'English' };

export function LanguageSwitch({ locale }: { locale: Locale }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function choose(next: Locale) {
    startTransition(async () => {
      // A failed save changes nothing on screen; the refresh shows whichever language is in effect.
      await sendJson('/api/locale', 'POST', { locale: next });
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
