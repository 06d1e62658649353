'use client';
import { useEffect, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { fill, T } from './playground-text';
import styles from './playground.module.css';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** One snapshot per this many milliseconds at 1×. */
const FRAME_MS = 600;

export type Timeline = {
  /** The shown position, −1 while there is none. */
  index: number;
  last: number;
  /** The student has taken over (stepped, scrubbed or played): a live run no longer follows the newest position. */
  isChosen: boolean;
  isPlaying: boolean;
  speed: (typeof SPEEDS)[number];
  play: () => void;
  pause: () => void;
  step: (delta: number) => void;
  scrub: (index: number) => void;
  setSpeed: (speed: (typeof SPEEDS)[number]) => void;
};

/**
 * Play / pause / step / speed / scrub over `count` positions. While `isLive`, it follows the
 * newest position until the student steps, scrubs or plays; at the end, a live run keeps
 * following and a stored one stops. Shared by a run's timeline and the two-run timeline.
 */
export function useTimeline(count: number, isLive: boolean): Timeline {
  // null: follow the newest position (live); a number: the student's chosen position.
  const [chosen, setChosen] = useState<number | null>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);
  const last = count - 1;
  const index = chosen === null ? last : Math.min(chosen, last);

  useEffect(() => {
    if (!isPlaying) return;
    const timer = setInterval(() => {
      setChosen((current) => {
        const next = (current ?? last) + 1;
        if (next <= last) return next;
        if (!isLive) setIsPlaying(false);
        return isLive ? null : last;
      });
    }, FRAME_MS / speed);
    return () => clearInterval(timer);
  }, [isPlaying, speed, last, isLive]);

  return {
    index,
    last,
    isChosen: chosen !== null,
    isPlaying,
    speed,
    play: () => {
      if (index >= last && !isLive) setChosen(0);
      else if (chosen === null) setChosen(index);
      setIsPlaying(true);
    },
    pause: () => setIsPlaying(false),
    step: (delta) => {
      setIsPlaying(false);
      setChosen(Math.max(0, Math.min(last, index + delta)));
    },
    scrub: (next) => {
      setIsPlaying(false);
      setChosen(next);
    },
    setSpeed,
  };
}

/** The buttons, speed and slider of a timeline; `positionText` names the shown position. */
export function TimelineControls({ timeline, positionText, locale }: { timeline: Timeline; positionText: string | null; locale: Locale }) {
  const { index, last, isPlaying, speed } = timeline;
  return (
    <div className={styles.timelineControls}>
      <button type="button" className="button secondary" onClick={() => timeline.step(-1)} disabled={index <= 0} aria-label={T.stepBack[locale]}><TimelineIcon kind="back" /></button>
      {isPlaying ? (
        <button type="button" className="button" onClick={timeline.pause} aria-label={T.pause[locale]}><TimelineIcon kind="pause" /></button>
      ) : (
        <button type="button" className="button" onClick={timeline.play} aria-label={T.play[locale]}><TimelineIcon kind="play" /></button>
      )}
      <button type="button" className="button secondary" onClick={() => timeline.step(1)} disabled={index >= last} aria-label={T.stepForward[locale]}><TimelineIcon kind="forward" /></button>
      <label className={styles.speed}>
        <span>{T.speed[locale]}</span>
        <select value={speed} onChange={(event) => timeline.setSpeed(Number(event.target.value) as (typeof SPEEDS)[number])} aria-label={T.speed[locale]}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      <input
        type="range"
        className={styles.scrub}
        min={0}
        max={Math.max(0, last)}
        step={1}
        value={Math.max(0, index)}
        onChange={(event) => timeline.scrub(Number(event.target.value))}
        aria-label={T.scrub[locale]}
        aria-valuetext={positionText ?? undefined}
      />
      <span className="muted" data-testid="timeline-position">{positionText ?? '—'}</span>
    </div>
  );
}

/**
 * The buttons' icons, drawn: the media-control characters (⏮ ⏸ ⏭) are missing from many fonts
 * (empty boxes on Linux without an emoji font) and turn into colour emoji on phones.
 */
const ICON_PATHS = {
  back: 'M3 2h2v12H3zM14 2v12L6 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  forward: 'M11 2h2v12h-2zM2 2v12l8-6z',
} as const;

function TimelineIcon({ kind }: { kind: keyof typeof ICON_PATHS }) {
  return (
    <svg className={styles.timelineIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" data-icon={kind}>
      <path d={ICON_PATHS[kind]} fill="currentColor" />
    </svg>
  );
}

/** "Snapshot k of n · epoch e" for position `index` of `count`. */
export function positionLabel(locale: Locale, index: number, count: number, epoch: number | undefined): string | null {
  return epoch === undefined || index < 0 ? null : fill(T.frameOf[locale], { k: index + 1, n: count, e: epoch });
}
