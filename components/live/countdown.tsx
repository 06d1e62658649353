'use client';

import { useEffect, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

export interface CountdownProps {
  closesAt: string;
  /** Server clock minus this browser's clock, in ms. */
  offsetMs: number;
  timeLimitS: number;
  locale: Locale;
  large?: boolean;
}

/** Seconds left by the server's clock; the server enforces the deadline, this only shows it. */
export function Countdown({ closesAt, offsetMs, timeLimitS, locale, large = false }: CountdownProps) {
  const deadline = new Date(closesAt).getTime();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 250);
    return () => clearInterval(timer);
  }, [offsetMs]);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const share = Math.min(1, Math.max(0, (deadline - now) / (timeLimitS * 1000)));
  return (
    <div className={large ? styles.countdownLarge : styles.countdown} data-testid="countdown">
      <span className={styles.countdownLabel}>{LIVE_TEXT.secondsLeft[locale]}</span>
      {/* Announced only at 10 s and at 0, not every second. */}
      <strong aria-live={left === 10 || left === 0 ? 'polite' : 'off'}>
        {left}
        <small> {LIVE_TEXT.seconds[locale]}</small>
      </strong>
      <span className={styles.bar} aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} data-urgent={left <= 5 || undefined} />
      </span>
    </div>
  );
}
