import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateClassForm } from '@/components/classes/create-class-form';
import { JoinClassForm } from '@/components/classes/join-class-form';
import styles from '@/components/classes/classes.module.css';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { listMyClasses, type MyClass } from '@/lib/classes/list-my-classes';
import { getLocale } from '@/lib/i18n/get-locale';
import type { Locale } from '@/lib/i18n/locales';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '수업' : 'Classes' };
}

const TEXT = {
  title: { ko: '내 수업', en: 'My classes' },
  teaching: { ko: '가르치는 수업', en: 'Classes you teach' },
  taking: { ko: '듣는 수업', en: 'Classes you take' },
  join: { ko: '수업 참여', en: 'Join a class' },
  create: { ko: '수업 만들기', en: 'Create a class' },
  createHint: { ko: '수업을 만들면 그 수업의 강사가 되어 참여 코드를 받습니다.', en: 'You become the instructor of a class you create and get its join code.' },
  none: { ko: '아직 아무 수업에도 속해 있지 않습니다.', en: 'You are not in any class yet.' },
  students: { ko: '학생', en: 'students' },
  gradebook: { ko: '성적표', en: 'Gradebook' },
};

interface ClassesPageProps {
  searchParams: Promise<{ code?: string | string[] }>;
}

export default async function ClassesPage({ searchParams }: ClassesPageProps) {
  const user = await requirePageUser('/classes');
  const [locale, classes, params] = await Promise.all([getLocale(), listMyClasses(user.id), searchParams]);
  const code = typeof params.code === 'string' ? params.code.slice(0, 40) : '';
  const teaching = classes.filter((found) => found.role === 'INSTRUCTOR');
  const taking = classes.filter((found) => found.role === 'STUDENT');
  return (
    <>
      <h1>{TEXT.title[locale]}</h1>
      {classes.length === 0 && <p className="muted">{TEXT.none[locale]}</p>}
      {teaching.length > 0 && <ClassList title={TEXT.teaching[locale]} classes={teaching} locale={locale} showGradebook />}
      {taking.length > 0 && <ClassList title={TEXT.taking[locale]} classes={taking} locale={locale} />}
      <div className="cards">
        <section className="card" aria-labelledby="join-title">
          <h2 id="join-title">{TEXT.join[locale]}</h2>
          <JoinClassForm locale={locale} initialCode={code} />
        </section>
        <section className="card" aria-labelledby="create-title">
          <h2 id="create-title">{TEXT.create[locale]}</h2>
          <p className="muted">{TEXT.createHint[locale]}</p>
          <CreateClassForm locale={locale} />
        </section>
      </div>
    </>
  );
}

function ClassList({ title, classes, locale, showGradebook = false }: { title: string; classes: MyClass[]; locale: Locale; showGradebook?: boolean }) {
  return (
    <section className={styles.section}>
      <h2>{title}</h2>
      <ul className={styles.list}>
        {classes.map((found) => (
          <li key={found.id} className={`card ${styles.row}`}>
            <Link className="tap" href={`/classes/${found.id}`}>{found.name}</Link>
            <span className="muted">
              {found.studentCount} {TEXT.students[locale]}
              {showGradebook && (
                <>
                  {' · '}
                  <Link className="tap" href={`/classes/${found.id}/gradebook`}>{TEXT.gradebook[locale]}</Link>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
