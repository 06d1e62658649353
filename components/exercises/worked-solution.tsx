'use client';

import type { Locale } from '@/lib/i18n/locales';
import type { TWorkedStep } from '@/lib/exercises/schemas';
import { MarkdownText } from '@/components/exercises/markdown-text';
import { TEXT } from '@/components/exercises/text';
import styles from '@/components/exercises/exercise-view.module.css';

/** The engine's worked solution, shown once the round is over: each step, then the value it reaches. */
export function WorkedSolution({ steps, locale }: { steps: TWorkedStep[]; locale: Locale }) {
  return (
    <section className={styles.solution} aria-label={TEXT.solution[locale]} data-testid="worked-solution">
      <h2 className={styles.heading}>{TEXT.solution[locale]}</h2>
      <p className="muted">
        <small>{TEXT.solutionNote[locale]}</small>
      </p>
      <ol>
        {steps.map((step, index) => {
          const markdown = `${step.text[locale]}\n\n$$= ${step.latex}$$`;
          return (
            <li key={index} data-testid="solution-step">
              <MarkdownText key={markdown} markdown={markdown} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
