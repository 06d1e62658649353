'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { sendJson } from '@/components/ui/api-client';
import styles from '@/components/unit/unit.module.css';

const TEXT = {
  mark: { ko: '다 읽었어요 (읽음으로 표시)', en: 'I’ve read this unit (mark as read)' },
  saving: { ko: '저장하는 중…', en: 'Saving…' },
  done: { ko: '읽음으로 표시했습니다.', en: 'Marked as read.' },
  expired: { ko: '로그인이 만료되었습니다. 다시 로그인한 뒤 눌러 주세요.', en: 'Your session has expired. Sign in again, then press the button.' },
  signIn: { ko: '로그인', en: 'Sign in' },
  failed: { ko: '저장하지 못했습니다. 연결을 확인하고 다시 눌러 주세요.', en: 'Could not save. Check your connection and press it again.' },
} satisfies Record<string, Localized>;

/**
 * "Mark as read" at the end of a unit. An explicit click rather than scroll detection: reaching
 * the bottom is not reading, and the student decides. Safe to press twice (the server keeps the first time).
 */
export function MarkReadButton({ unitId, locale }: { unitId: string; locale: Locale }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<'done' | 'expired' | 'failed' | null>(null);

  const mark = () =>
    startTransition(async () => {
      setOutcome(null);
      const result = await sendJson(`/api/units/${encodeURIComponent(unitId)}/read`, 'POST');
      if (!result.ok) return setOutcome(result.error.status === 401 ? 'expired' : 'failed');
      setOutcome('done');
      router.refresh();
    });

  return (
    <div className={styles.markRead}>
      <button type="button" className="button" onClick={mark} disabled={isPending || outcome === 'done'}>
        {isPending ? TEXT.saving[locale] : TEXT.mark[locale]}
      </button>
      <p aria-live="polite" className={outcome === 'done' ? 'success' : 'error'}>
        {outcome === 'done' && TEXT.done[locale]}
        {outcome === 'failed' && TEXT.failed[locale]}
        {outcome === 'expired' && (
          <>
            {TEXT.expired[locale]} <Link href={`/signin?callbackUrl=${encodeURIComponent(`/units/${unitId}`)}`}>{TEXT.signIn[locale]}</Link>
          </>
        )}
      </p>
    </div>
  );
}
