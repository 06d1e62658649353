import type { ContentProblem } from '@/lib/content/unit-schema';
import type { Locale } from '@/lib/i18n/locales';
import styles from '@/components/unit/unit.module.css';

const HEADING = {
  ko: '강의 내용 파일에 문제가 있습니다 (작성자가 고쳐야 합니다)',
  en: 'Problems in the course content files (for the author to fix)',
};

/** An author's mistakes, each naming its file. The messages are in English, like a compiler's. */
export function ContentProblems({ problems, locale }: { problems: readonly ContentProblem[]; locale: Locale }) {
  if (problems.length === 0) return null;
  return (
    <section className={styles.problems} aria-labelledby="content-problems-title" data-testid="content-problems">
      <h2 id="content-problems-title">{HEADING[locale]}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{problem.file}</code>: <span lang="en">{problem.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
