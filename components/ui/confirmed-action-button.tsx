'use client';

import { useRouter } from 'next/navigation';
import type { Locale } from '@/lib/i18n/locales';
import { useApiAction } from '@/components/ui/use-api-action';

export interface ConfirmedActionButtonProps {
  locale: Locale;
  label: string;
  /** The question the browser asks first; Cancel sends nothing. */
  confirm: string;
  url: string;
  method: 'POST' | 'DELETE';
  /** After success go here (and re-render); without it the current page re-renders. */
  thenGoTo?: string;
  variant?: 'primary' | 'secondary';
}

/** A button for an instructor's or student's irreversible action: asks, calls the API once, shows the error beside it. */
export function ConfirmedActionButton({ locale, label, confirm, url, method, thenGoTo, variant = 'secondary' }: ConfirmedActionButtonProps) {
  const router = useRouter();
  const { run, error, isPending } = useApiAction(locale);

  async function act() {
    if (!window.confirm(confirm)) return;
    if (!(await run(url, method, undefined, { refresh: thenGoTo === undefined }))) return;
    if (thenGoTo === undefined) return;
    router.push(thenGoTo);
    router.refresh();
  }

  return (
    <>
      <button type="button" className={variant === 'primary' ? 'button' : 'button secondary'} disabled={isPending} onClick={() => void act()}>
        {label}
      </button>
      {error && <span className="error" role="alert">{error}</span>}
    </>
  );
}
