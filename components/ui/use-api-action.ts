'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { describeApiError, sendJson } from '@/components/ui/api-client';

export interface RunOptions {
  /** Wording for the failures this action expects, by error code. */
  errors?: Partial<Record<string, Localized>>;
  /** Re-renders the server components after success (default true). */
  refresh?: boolean;
}

/** Pending flag, one localized error and a runner for a JSON API call: the shared shape of every form that calls the API. */
export function useApiAction(locale: Locale) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function run<T>(url: string, method: string, body: unknown, { errors, refresh = true }: RunOptions = {}): Promise<T | null> {
    if (isPending) return null;
    setIsPending(true);
    setError(null);
    const result = await sendJson<T>(url, method, body);
    setIsPending(false);
    if (!result.ok) {
      setError(describeApiError(result.error, locale, errors));
      return null;
    }
    if (refresh) router.refresh();
    return result.data;
  }

  return { run, error, setError, isPending };
}
