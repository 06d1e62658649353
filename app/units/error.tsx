'use client';

import { useEffect } from 'react';

// A route segment's error boundary: without the server, the page's language is read from <html lang>.
export default function UnitsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const isKorean = typeof document === 'undefined' || document.documentElement.lang !== 'en';
  return (
    <div role="alert">
      <h1>{isKorean ? '유닛을 표시하지 못했습니다' : 'The unit could not be shown'}</h1>
      <p>{isKorean ? '잠시 후 다시 시도해 주세요.' : 'Please try again in a moment.'}</p>
      <button type="button" className="button" onClick={reset}>
        {isKorean ? '다시 시도' : 'Try again'}
      </button>
    </div>
  );
}
