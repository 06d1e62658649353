'use client';

import dynamic from 'next/dynamic';
import { Component, type ComponentType, type ReactNode } from 'react';
import type { FigureName } from '@/lib/content/figure-names';
import type { Locale } from '@/lib/i18n/locales';
import type { FigureProps } from '@/components/figures/figure-text';
import styles from '@/components/unit/unit.module.css';

function FigureLoading() {
  return <div className={styles.figureLoading} aria-hidden="true" />;
}

// One dynamic import per figure: each figure (and the engine code it needs) is its own chunk, and
// a unit page only loads the figures it places. They still render on the server, so the numbers
// are in the HTML before any script runs.
const FIGURES: Record<FigureName, ComponentType<FigureProps>> = {
  'decision-boundary': dynamic(() => import('@/components/figures/decision-boundary'), { loading: FigureLoading }),
  'comp-graph': dynamic(() => import('@/components/figures/comp-graph'), { loading: FigureLoading }),
  'conv-stepper': dynamic(() => import('@/components/figures/conv-stepper'), { loading: FigureLoading }),
  'lstm-gates': dynamic(() => import('@/components/figures/lstm-gates'), { loading: FigureLoading }),
  'attention-heatmap': dynamic(() => import('@/components/figures/attention-heatmap'), { loading: FigureLoading }),
};

const FAILED = {
  ko: '이 그림을 표시하지 못했습니다. 페이지를 새로 고쳐 보세요. 본문은 그대로 읽을 수 있습니다.',
  en: 'This figure could not be shown. Try reloading the page; the text above and below is unaffected.',
};

/** The figure named by a unit's ::figure directive, isolated so a failing figure never takes the page down. */
export function UnitFigure({ name, locale }: { name: FigureName; locale: Locale }) {
  const Figure = FIGURES[name];
  return (
    <FigureBoundary fallback={<p className={styles.figureFailed} role="alert">{FAILED[locale]}</p>}>
      <Figure locale={locale} />
    </FigureBoundary>
  );
}

class FigureBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { hasFailed: boolean }> {
  state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  render() {
    return this.state.hasFailed ? this.props.fallback : this.props.children;
  }
}
