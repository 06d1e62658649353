'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import styles from '@/components/ui/forms.module.css';

export function SignOutButton({ locale }: { locale: Locale }) {
  const [isPending, setIsPending] = useState(false);
  return (
    <button
      type="button"
      className={styles.signOut}
      disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signOut({ callbackUrl: '/' });
      }}
    >
      {locale === 'ko' ? '로그아웃' : 'Sign out'}
    </button>
  );
}
