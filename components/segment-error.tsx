'use client';

import { useEffect } from 'react';
import type { Localized } from '@/lib/i18n/locales';

export interface SegmentErrorProps {
  error: Error & { digest?: string };
  reset: () => void;
  title: Localized;
  body?: Localized;
}

const TRY_AGAIN: Localized = { ko: '다시 시도', en: 'Try again' };
const LATER: Localized = { ko: '잠시 후 다시 시도해 주세요.', en: 'Please try again in a moment.' };

// What a route segment's error boundary shows. It renders without the server, so the language
// is read from <html lang>.
export function SegmentError({ error, reset, title, body = LATER }: SegmentErrorProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const locale = typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'ko';
  return (
    <div role="alert">
      <h1>{title[locale]}</h1>
      <p>{body[locale]}</p>
      <button type="button" className="button" onClick={reset}>
        {TRY_AGAIN[locale]}
      </button>
    </div>
  );
}
