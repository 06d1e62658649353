'use client';

// An error boundary renders without the server's locale, so it says everything in both languages.
export default function ClassError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section role="alert">
      <h1 lang="ko">페이지를 불러오지 못했습니다</h1>
      <p lang="en" className="muted">This page could not be loaded.</p>
      <p lang="ko">잠시 후 다시 시도하세요. 문제가 계속되면 강사에게 알려 주세요.</p>
      <p lang="en" className="muted">Please try again in a moment. If it keeps happening, tell your instructor.</p>
      <button type="button" className="button" onClick={reset}>다시 시도 · Try again</button>
    </section>
  );
}
