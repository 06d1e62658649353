import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTime } from '@/components/ui/date-time';
import { orNotFound } from '@/components/ui/or-not-found';
import { ExamForm } from '@/components/course/exams/exam-form';
import styles from '@/components/course/course.module.css';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { listClassExams } from '@/lib/course/exams/list-exams';
import { getDb } from '@/lib/db';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { fill } from '@/lib/i18n/fill';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '시험' : 'Exams' };
}

const TEXT = {
  title: { ko: '시험', en: 'Exams' },
  back: { ko: '← 수업으로', en: '← Back to the class' },
  none: { ko: '아직 시험이 없습니다.', en: 'No exams yet.' },
  draft: { ko: '비공개', en: 'Draft' },
  released: { ko: '결과 공개됨', en: 'Results released' },
  summary: { ko: '문제 {q}개 · {m}분 · 시작한 학생 {s}명', en: '{q} questions · {m} min · {s} began' },
};

/** An instructor's exams of a class: the list and a form for a new one. */
export default async function ClassExamsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageUser(`/classes/${classId}/exams`);
  const locale = await getLocale();
  const exams = await orNotFound(listClassExams({ actorId: user.id, classId }));
  const [outline, owner] = await Promise.all([getCourseOutline(), getDb().class.findUniqueOrThrow({ where: { id: classId }, select: { timeZone: true, name: true } })]);
  const types = outline.flatMap((unit) => unit.exercises.map((exercise) => ({ typeId: exercise.typeId, title: exercise.title })));
  return (
    <>
      <p><Link href={`/classes/${classId}`} className="tap">{TEXT.back[locale]}</Link></p>
      <h1>{TEXT.title[locale]}: {owner.name}</h1>
      {exams.length === 0 ? (
        <p className="muted">{TEXT.none[locale]}</p>
      ) : (
        <ul className={styles.skills} data-testid="exam-list">
          {exams.map((exam) => (
            <li key={exam.id} className="card">
              <span>
                <Link href={`/classes/${classId}/exams/${exam.id}`} className="tap"><strong>{exam.title}</strong></Link>
                {!exam.publishedAt && <span className="muted"> ({TEXT.draft[locale]})</span>}
                {exam.releasedAt && <span className="muted"> · {TEXT.released[locale]}</span>}
                <br />
                <span className="muted">
                  <DateTime value={exam.opensAt} locale={locale} /> – <DateTime value={exam.closesAt} locale={locale} />
                </span>
              </span>
              <span className="muted">{fill(TEXT.summary[locale], { q: exam._count.questions, m: exam.timeLimitMinutes, s: exam._count.sessions })}</span>
            </li>
          ))}
        </ul>
      )}
      <ExamForm locale={locale} classId={classId} timeZone={owner.timeZone} types={types} />
    </>
  );
}
