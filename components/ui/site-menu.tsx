'use client';

import { usePathname } from 'next/navigation';
import { useId, useState, type ReactNode } from 'react';

// The site navigation: a row of links on wide screens; on narrow ones (< 48rem) a "Menu" button
// that opens the same links as a list. It closes on navigation (the open state belongs to the
// page it was opened on), on Escape, and when a link in it is followed.

export function SiteMenu({ label, menuLabel, closeLabel, children }: { label: string; menuLabel: string; closeLabel: string; children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const id = useId();

  return (
    <div
      className="site-menu"
      data-open={isOpen}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) setOpenOn(null);
      }}
    >
      <button type="button" className="menu-button" aria-expanded={isOpen} aria-controls={id} onClick={() => setOpenOn(isOpen ? null : pathname)}>
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          {isOpen ? <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" /> : <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />}
        </svg>
        <span>{isOpen ? closeLabel : menuLabel}</span>
      </button>
      <nav id={id} aria-label={label} onClick={(event) => (event.target as Element).closest('a') && setOpenOn(null)}>
        {children}
      </nav>
    </div>
  );
}
