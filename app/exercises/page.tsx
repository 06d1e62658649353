import type { Metadata } from 'next';
import Link from 'next/link';
import { exerciseTypes, type ExerciseType } from '@/engine/exercises';
import { getOptionalUser } from '@/lib/auth/require-user';
import { getCourse } from '@/lib/content/get-course';
import { listExerciseScores } from '@/lib/exercises/list-exercise-scores';
import type { TExerciseScore } from '@/lib/exercises/schemas';
import { fill } from '@/lib/i18n/fill';
import { formatPercent } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/get-locale';
import type { Locale, Localized } from '@/lib/i18n/locales';
import styles from '@/components/exercises/exercise-list.module.css';
import { Difficulty } from '@/components/exercises/difficulty';

const TEXT = {
  title: { ko: '연습문제', en: 'Exercises' },
  lead: {
    ko: '학생마다 다른 숫자로 자동 채점됩니다. 한 변형에 세 번까지 시도할 수 있고, 가장 높은 점수가 기록됩니다.',
    en: 'Auto-graded, with numbers of your own. Each variant allows three attempts; your best score counts.',
  },
  signIn: { ko: '로그인하면 나만의 숫자로 풀고 점수를 저장할 수 있습니다.', en: 'Sign in to get your own numbers and keep your scores.' },
  signInLink: { ko: '로그인', en: 'Sign in' },
  other: { ko: '기타', en: 'Other' },
  best: { ko: '최고 점수', en: 'Best score' },
  notTried: { ko: '아직 풀지 않음', en: 'Not tried yet' },
  solved: { ko: '✓ 해결', en: '✓ Solved' },
  attempts: { ko: '시도 {n}회', en: '{n} attempts' },
  unitLink: { ko: '강의 보기', en: 'Read the unit' },
} satisfies Record<string, Localized>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: TEXT.title[await getLocale()] };
}

interface UnitGroup {
  id: string;
  title: Localized | null;
  types: ExerciseType[];
}

export default async function ExercisesPage() {
  const [locale, course, user] = await Promise.all([getLocale(), getCourse(), getOptionalUser()]);
  const scores = new Map((user ? await listExerciseScores({ userId: user.id }) : []).map((score) => [score.typeId, score]));
  const groups = groupByUnit(course.units.map((unit) => ({ id: unit.id, title: unit.title })));

  return (
    <>
      <h1>{TEXT.title[locale]}</h1>
      <p className="muted">{TEXT.lead[locale]}</p>
      {user ? null : (
        <p className={styles.note}>
          {TEXT.signIn[locale]} <Link href="/signin?callbackUrl=%2Fexercises">{TEXT.signInLink[locale]}</Link>
        </p>
      )}
      {groups.map((group) => (
        <section key={group.id} className={styles.unit} aria-labelledby={`unit-${group.id}`}>
          <h2 id={`unit-${group.id}`}>
            {group.title?.[locale] ?? TEXT.other[locale]}
            {group.title ? (
              <Link className={`tap ${styles.unitLink}`} href={`/units/${group.id}`}>{TEXT.unitLink[locale]}</Link>
            ) : null}
          </h2>
          <ul className={styles.list}>
            {group.types.map((type) => (
              <li key={type.id}>
                <ExerciseCard type={type} score={scores.get(type.id)} isSignedIn={user !== null} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ExerciseCard({ type, score, isSignedIn, locale }: { type: ExerciseType; score: TExerciseScore | undefined; isSignedIn: boolean; locale: Locale }) {
  return (
    <article className={styles.card} data-solved={score?.isSolved || undefined}>
      <h3>
        <Link className="tap" href={`/exercises/${type.id}`}>{type.title[locale]}</Link>
      </h3>
      <p className={styles.facts}>
        <Difficulty level={type.difficulty} locale={locale} />
        {isSignedIn ? (
          score ? (
            <span>
              {TEXT.best[locale]}: <strong>{formatPercent(score.bestScore)}</strong>
              {score.isSolved ? <span className={styles.solved}> {TEXT.solved[locale]}</span> : null}
              <span className="muted"> · {fill(TEXT.attempts[locale], { n: score.attempts })}</span>
            </span>
          ) : (
            <span className="muted">{TEXT.notTried[locale]}</span>
          )
        ) : null}
      </p>
    </article>
  );
}

/** Exercise types under their lecture unit, in course order; types of an unknown unit come last. */
function groupByUnit(units: { id: string; title: Localized }[]): UnitGroup[] {
  const groups: UnitGroup[] = units.map((unit) => ({ id: unit.id, title: unit.title, types: [] }));
  const other: UnitGroup = { id: 'other', title: null, types: [] };
  for (const type of exerciseTypes) (groups.find((group) => group.id === type.unit) ?? other).types.push(type);
  return [...groups, other].filter((group) => group.types.length > 0);
}
