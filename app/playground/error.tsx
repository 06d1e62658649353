'use client';

import { useEffect } from 'react';

// The playground's error boundary: without the server, the page's language is read from <html lang>.
export default function PlaygroundError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const isKorean = typeof document === 'undefined' || document.documentElement.lang !== 'en';
  return (
    <div role="alert">
      <h1>{isKorean ? '플레이그라운드를 표시하지 못했습니다' : 'The playground could not be shown'}</h1>
      <p>{isKorean ? '잠시 후 다시 시도해 주세요.' : 'Please try again in a moment.'}</p>
      <button type="button" className="button" onClick={reset}>
        {isKorean ? '다시 시도' : 'Try again'}
      </button>
    </div>
  );
}
