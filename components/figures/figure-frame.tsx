'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { COMMON_TEXT } from '@/components/figures/figure-text';
import styles from '@/components/figures/figure.module.css';

export interface FigureFrameProps {
  /** Stable figure name, used for ids and the data-figure hook. */
  name: string;
  title: string;
  /** What the figure shows and how to use it; also the figure's caption. */
  caption: ReactNode;
  /** The same numbers as a table, for screen readers and exact reading. */
  table: ReactNode;
  locale: Locale;
  children: ReactNode;
}

/** The frame shared by every figure: a titled <figure>, its controls and drawing, a caption and a table view. */
export function FigureFrame({ name, title, caption, table, locale, children }: FigureFrameProps) {
  const titleId = `figure-${name}-title`;
  // data-ready tells browser tests (and curious readers of the DOM) that the controls are live.
  const figureRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (figureRef.current) figureRef.current.dataset.ready = 'true';
  }, []);
  return (
    <figure className={styles.figure} aria-labelledby={titleId} data-figure={name} ref={figureRef}>
      <h3 id={titleId}>{title}</h3>
      {children}
      <figcaption className={styles.caption}>{caption}</figcaption>
      <details className={styles.details}>
        <summary>{COMMON_TEXT.showTable[locale]}</summary>
        <div className={styles.scroll}>{table}</div>
      </details>
    </figure>
  );
}
