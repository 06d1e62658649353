import Link from 'next/link';
import { getMyMastery, masteryOf } from '@/lib/course/mastery/get-my-mastery';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import type { Locale } from '@/lib/i18n/locales';
import { MasteryChip } from './mastery-chip';
import styles from './course.module.css';

const TEXT = { title: { ko: '이 유닛의 기술 숙달도', en: 'Your mastery of this unit’s skills' } };

/** Per skill of one unit, the signed-in student's mastery level. */
export async function UnitMastery({ userId, unitId, locale }: { userId: string; unitId: string; locale: Locale }) {
  const [mastery, outline] = await Promise.all([getMyMastery(userId), getCourseOutline()]);
  const unit = outline.find((candidate) => candidate.unitId === unitId);
  if (!unit || unit.exercises.length === 0) return null;
  const skills = masteryOf(mastery, unit.exercises.map((exercise) => exercise.typeId));
  return (
    <section className="card" aria-labelledby="unit-mastery-title" data-testid="unit-mastery" style={{ margin: '1rem 0' }}>
      <h2 id="unit-mastery-title">{TEXT.title[locale]}</h2>
      <ul className={styles.skills}>
        {skills.map((skill, index) => (
          <li key={skill.typeId} data-skill={skill.typeId}>
            <Link className="tap" href={`/exercises/${skill.typeId}`}>{unit.exercises[index].title[locale]}</Link>
            <MasteryChip level={skill.level} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
