'use client';

import type { Locale } from '@/lib/i18n/locales';
import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';

const TEXT = {
  leave: { ko: '수업 나가기', en: 'Leave class' },
  confirm: { ko: '이 수업에서 나갈까요? 다시 참여하려면 참여 코드가 필요합니다. 풀이 기록은 지워지지 않습니다.', en: 'Leave this class? You will need the join code to come back. Your attempts are kept.' },
};

export function LeaveClassButton({ locale, classId, userId }: { locale: Locale; classId: string; userId: string }) {
  return <ConfirmedActionButton locale={locale} label={TEXT.leave[locale]} confirm={TEXT.confirm[locale]} url={`/api/classes/${classId}/members/${userId}`} method="DELETE" thenGoTo="/classes" />;
}
