'use client';

import type { Locale } from '@/lib/i18n/locales';
import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';

const TEXT = {
  delete: { ko: '삭제', en: 'Delete' },
  confirm: {
    ko: '이 과제를 삭제할까요? 성적표의 과제 열이 사라집니다. 학생들의 풀이 기록은 그대로 남습니다.',
    en: 'Delete this assignment? Its gradebook column goes away; the students’ attempts stay.',
  },
};

export function DeleteAssignmentButton({ locale, assignmentId }: { locale: Locale; assignmentId: string }) {
  return <ConfirmedActionButton locale={locale} label={TEXT.delete[locale]} confirm={TEXT.confirm[locale]} url={`/api/course/assignments/${assignmentId}`} method="DELETE" />;
}
