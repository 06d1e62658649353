'use client';

import { useRouter } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';

/**
 * The gradebook's "Show a column per exercise" checkbox. The choice lives in the URL (the server
 * renders the table, and a sort or page link keeps it), so ticking it navigates to `href`; the box
 * shows the new state at once and stays disabled until the page has it.
 */
export function ExerciseColumnsToggle({ isChecked, href, label }: { isChecked: boolean; href: string; label: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(isChecked);
  return (
    <label style={{ fontWeight: 400 }}>
      <input
        type="checkbox"
        checked={shown}
        disabled={isPending}
        onChange={(event) => {
          const next = event.target.checked;
          startTransition(() => {
            setShown(next);
            router.replace(href, { scroll: false });
          });
        }}
      />
      {label}
    </label>
  );
}
