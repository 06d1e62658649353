'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches, kept up to date. False on the server and during hydration
 * (so the first client render matches the server's), then the real answer.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phone width: the layout switch the figures and tables use (matches globals.css's 40rem). */
export const NARROW_QUERY = '(max-width: 40rem)';
