'use client';

import { useState } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';
import { useApiAction } from '@/components/ui/use-api-action';

const TEXT = {
  release: { ko: '결과 공개', en: 'Release results' },
  released: { ko: '공개됨', en: 'Released' },
  confirmRelease: { ko: '결과를 공개할까요? 시험을 마친 학생은 점수, 채점 결과, 풀이를 보게 됩니다.', en: 'Release the results? Students whose exam has ended will see their scores, the grading and the worked solutions.' },
  delete: { ko: '시험 삭제', en: 'Delete exam' },
  confirmDelete: { ko: '이 시험과 모든 응시 기록을 삭제할까요?', en: 'Delete this exam and every student’s exam work?' },
  minutes: { ko: '추가 시간 (분)', en: 'Extra minutes' },
  set: { ko: '저장', en: 'Set' },
} satisfies Record<string, Localized>;

export function ReleaseExamButton({ locale, examId, isReleased }: { locale: Locale; examId: string; isReleased: boolean }) {
  if (isReleased) return <strong data-testid="exam-released">{TEXT.released[locale]}</strong>;
  return <ConfirmedActionButton locale={locale} label={TEXT.release[locale]} confirm={TEXT.confirmRelease[locale]} url={`/api/course/exams/${examId}/release`} method="POST" variant="primary" />;
}

export function DeleteExamButton({ locale, examId, classId }: { locale: Locale; examId: string; classId: string }) {
  return (
    <ConfirmedActionButton locale={locale} label={TEXT.delete[locale]} confirm={TEXT.confirmDelete[locale]} url={`/api/course/exams/${examId}`} method="DELETE" thenGoTo={`/classes/${classId}/exams`} />
  );
}

export function ExtensionInput({ locale, examId, userId, name, extraMinutes }: { locale: Locale; examId: string; userId: string; name: string; extraMinutes: number }) {
  const { run, error, isPending } = useApiAction(locale);
  const [value, setValue] = useState(String(extraMinutes));
  return (
    <form
      style={{ display: 'flex', gap: '0.25rem', alignItems: 'center' }}
      onSubmit={(event) => {
        event.preventDefault();
        void run(`/api/course/exams/${examId}/extensions`, 'PUT', { userId, extraMinutes: Math.max(0, Math.round(Number(value) || 0)) });
      }}
    >
      <input aria-label={`${TEXT.minutes[locale]}: ${name}`} type="number" inputMode="numeric" min={0} max={600} value={value} onChange={(e) => setValue(e.target.value)} style={{ width: '4.5rem' }} />
      <button type="submit" className="button secondary" disabled={isPending}>{TEXT.set[locale]}</button>
      {error && <span className="error" role="alert">{error}</span>}
    </form>
  );
}
