'use client';

import { useRouter } from 'next/navigation';
import type { Locale } from '@/lib/i18n/locales';
import { useApiAction } from '@/components/ui/use-api-action';
import forms from '@/components/ui/forms.module.css';

const TEXT = {
  leave: { ko: '수업 나가기', en: 'Leave class' },
  confirm: { ko: '이 수업에서 나갈까요? 다시 참여하려면 참여 코드가 필요합니다. 풀이 기록은 지워지지 않습니다.', en: 'Leave this class? You will need the join code to come back. Your attempts are kept.' },
};

export function LeaveClassButton({ locale, classId, userId }: { locale: Locale; classId: string; userId: string }) {
  const router = useRouter();
  const { run, error, isPending } = useApiAction(locale);

  async function leave() {
    if (!window.confirm(TEXT.confirm[locale])) return;
    if (await run(`/api/classes/${classId}/members/${userId}`, 'DELETE', undefined, { refresh: false })) {
      router.push('/classes');
      router.refresh();
    }
  }

  return (
    <>
      <button type="button" className="button secondary" onClick={() => void leave()} disabled={isPending}>{TEXT.leave[locale]}</button>
      <div role="alert">{error && <p className={forms.alert}>{error}</p>}</div>
    </>
  );
}
