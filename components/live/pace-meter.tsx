import type { Locale, Localized } from '@/lib/i18n/locales';
import type { TPaceMeter } from '@/lib/live/protocol/live-payloads';
import styles from '@/components/live/live.module.css';

export const PACE_TEXT = {
  meter: { ko: '속도 신호 (익명)', en: 'Pace (anonymous)' },
  tooFast: { ko: '너무 빨라요', en: 'Too fast' },
  lost: { ko: '모르겠어요', en: 'I’m lost' },
  clear: { ko: '괜찮아요', en: 'I’m fine' },
  signalHelp: { ko: '진행자에게 익명으로 알립니다. 문제마다 새로 시작합니다.', en: 'Tells the host anonymously; starts afresh with each question.' },
} satisfies Record<string, Localized>;

/** The host's live meter: how many say "too fast" and "lost" on the current question. */
export function PaceMeter({ meter, locale }: { meter: TPaceMeter; locale: Locale }) {
  const share = (n: number) => (meter.joined > 0 ? Math.min(100, (n / meter.joined) * 100) : 0);
  return (
    <section className={styles.paceMeter} aria-label={PACE_TEXT.meter[locale]} data-testid="pace-meter">
      <h2>{PACE_TEXT.meter[locale]}</h2>
      {([['tooFast', meter.tooFast], ['lost', meter.lost]] as const).map(([key, count]) => (
        <p key={key} data-pace={key}>
          <span className={styles.histLabel}>{PACE_TEXT[key][locale]}</span>
          <span className={styles.histBar} aria-hidden="true">
            <span style={{ width: `${share(count)}%` }} />
          </span>
          <strong className={styles.histCount}>{count}</strong>
        </p>
      ))}
    </section>
  );
}
