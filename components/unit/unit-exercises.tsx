import Link from 'next/link';
import { exerciseTypes } from '@/engine/exercises';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { UnitProgress } from '@/lib/progress/get-course-progress';
import styles from '@/components/unit/unit.module.css';
import { formatPercent } from '@/lib/i18n/format';
import { Difficulty } from '@/components/exercises/difficulty';

const TEXT = {
  heading: { ko: '연습문제', en: 'Exercises' },
  intro: {
    ko: '학생마다 다른 숫자가 나오고 바로 채점됩니다. 최고 점수가 기록됩니다.',
    en: 'Every student gets their own numbers, graded instantly. Your best score is kept.',
  },
  best: { ko: '최고 점수', en: 'Best score' },
  attempts: { ko: '시도', en: 'Attempts' },
  notTried: { ko: '아직 풀지 않음', en: 'Not tried yet' },
  solved: { ko: '해결', en: 'Solved' },
  start: { ko: '풀기', en: 'Solve' },
  none: { ko: '이 유닛에는 아직 연습문제가 없습니다.', en: 'This unit has no exercises yet.' },
} satisfies Record<string, Localized>;

const byId = new Map(exerciseTypes.map((type) => [type.id, type]));

/** The unit's exercises with the student's best score and attempt count, each linking to its page. */
export function UnitExercises({ exerciseIds, progress, locale }: { exerciseIds: readonly string[]; progress: UnitProgress | null; locale: Locale }) {
  const records = new Map(progress?.exercises.map((exercise) => [exercise.typeId, exercise]));
  return (
    <section className={styles.exercises} aria-labelledby="unit-exercises-title">
      <h2 id="unit-exercises-title">{TEXT.heading[locale]}</h2>
      <p className="muted">{TEXT.intro[locale]}</p>
      {exerciseIds.length === 0 && <p>{TEXT.none[locale]}</p>}
      <ol className={styles.exerciseList}>
        {exerciseIds.map((typeId) => {
          const type = byId.get(typeId);
          const record = records.get(typeId);
          return (
            <li key={typeId} className={styles.exercise} data-exercise={typeId}>
              <div>
                <Link href={`/exercises/${typeId}`} className={styles.exerciseTitle}>{type?.title[locale] ?? typeId}</Link>
                {type && (
                  <p className={styles.exerciseFacts}>
                    <Difficulty level={type.difficulty} locale={locale} />
                  </p>
                )}
              </div>
              {progress && (
                <p className={styles.exerciseProgress} data-testid={`progress-${typeId}`}>
                  {record && record.attempts > 0 ? (
                    <>
                      {record.isSolved && <strong className="success">✓ {TEXT.solved[locale]} · </strong>}
                      {TEXT.best[locale]} {formatPercent(record.bestScore ?? 0)} · {TEXT.attempts[locale]} {record.attempts}
                    </>
                  ) : (
                    <span className="muted">{TEXT.notTried[locale]}</span>
                  )}
                </p>
              )}
              <Link href={`/exercises/${typeId}`} className="button secondary" aria-label={`${TEXT.start[locale]}: ${type?.title[locale] ?? typeId}`}>
                {TEXT.start[locale]}
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
