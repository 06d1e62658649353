'use client';

import { useEffect } from 'react';

// The segment's error boundary. Without the server, the language is read from <html lang>.
export default function ExercisesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const isKorean = typeof document === 'undefined' || document.documentElement.lang !== 'en';
  return (
    <div role="alert">
      <h1>{isKorean ? '연습문제를 표시하지 못했습니다' : 'The exercise could not be shown'}</h1>
      <p>{isKorean ? '잠시 후 다시 시도해 주세요. 제출한 답은 모두 저장되어 있습니다.' : 'Please try again in a moment. Every answer you submitted is stored.'}</p>
      <button type="button" className="button" onClick={reset}>
        {isKorean ? '다시 시도' : 'Try again'}
      </button>
    </div>
  );
}
