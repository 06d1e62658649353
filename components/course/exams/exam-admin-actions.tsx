'use client';

import { useState } from 'react';
import { fill } from '@/lib/i18n/fill';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';
import { useApiAction } from '@/components/ui/use-api-action';

const TEXT = {
  release: { ko: '결과 공개', en: 'Release results' },
  released: { ko: '공개됨', en: 'Released' },
  confirmRelease: { ko: '결과를 공개할까요? 시험을 마친 학생은 점수, 채점 결과, 풀이를 보게 됩니다.', en: 'Release the results? Students whose exam has ended will see their scores, the grading and the worked solutions.' },
  stillTaking: {
    ko: '아직 {n}명이 시험을 보는 중입니다 (추가 시간 포함). 공개하면 먼저 끝낸 학생들이 풀이를 보게 되고, 이 학생들은 시험이 끝나는 대로 결과를 봅니다.',
    en: '{n} student(s) are still taking the exam (extensions included). Once released, those who have finished see the worked solutions while they are still working; they see their own results when their exam ends.',
  },
  delete: { ko: '시험 삭제', en: 'Delete exam' },
  confirmDelete: { ko: '이 시험과 모든 응시 기록을 삭제할까요?', en: 'Delete this exam and every student’s exam work?' },
  minutes: { ko: '추가 시간 (분)', en: 'Extra minutes' },
  set: { ko: '저장', en: 'Set' },
  saved: { ko: '저장함', en: 'Saved' },
  badMinutes: { ko: '0~600 사이의 정수(분)로 입력하세요. 0은 추가 시간을 없앱니다.', en: 'Enter 0–600 whole minutes (0 removes the extension).' },
} satisfies Record<string, Localized>;

export function ReleaseExamButton({ locale, examId, isReleased, inProgress }: { locale: Locale; examId: string; isReleased: boolean; inProgress: number }) {
  if (isReleased) return <strong data-testid="exam-released">{TEXT.released[locale]}</strong>;
  // Releasing while someone (often a student with an extension) still works shows the others the solutions.
  const confirm = inProgress > 0 ? `${fill(TEXT.stillTaking[locale], { n: inProgress })}\n\n${TEXT.confirmRelease[locale]}` : TEXT.confirmRelease[locale];
  return <ConfirmedActionButton locale={locale} label={TEXT.release[locale]} confirm={confirm} url={`/api/course/exams/${examId}/release`} method="POST" variant="primary" />;
}

export function DeleteExamButton({ locale, examId, classId }: { locale: Locale; examId: string; classId: string }) {
  return (
    <ConfirmedActionButton locale={locale} label={TEXT.delete[locale]} confirm={TEXT.confirmDelete[locale]} url={`/api/course/exams/${examId}`} method="DELETE" thenGoTo={`/classes/${classId}/exams`} />
  );
}

export function ExtensionInput({ locale, examId, userId, name, extraMinutes }: { locale: Locale; examId: string; userId: string; name: string; extraMinutes: number }) {
  const { run, error, setError, isPending } = useApiAction(locale);
  const [value, setValue] = useState(String(extraMinutes));
  const [isSaved, setIsSaved] = useState(false);
  return (
    <form
      style={{ display: 'flex', gap: '0.25rem', alignItems: 'center' }}
      onSubmit={async (event) => {
        event.preventDefault();
        setIsSaved(false);
        // An empty box or "abc" used to become 0, silently removing the student's extension.
        const minutes = value.trim() === '' ? Number.NaN : Number(value);
        if (!Number.isInteger(minutes) || minutes < 0 || minutes > 600) {
          setError(TEXT.badMinutes[locale]);
          return;
        }
        if (await run(`/api/course/exams/${examId}/extensions`, 'PUT', { userId, extraMinutes: minutes })) setIsSaved(true);
      }}
    >
      <input
        aria-label={`${TEXT.minutes[locale]}: ${name}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={600}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setIsSaved(false);
        }}
        style={{ width: '4.5rem' }}
      />
      <button type="submit" className="button secondary" disabled={isPending}>{TEXT.set[locale]}</button>
      {isSaved && <span className="success" role="status">✓ {TEXT.saved[locale]}</span>}
      {error && <span className="error" role="alert">{error}</span>}
    </form>
  );
}
