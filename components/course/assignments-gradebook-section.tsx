import Link from 'next/link';
import { listClassAssignments, type ClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import { pageAssignmentGrades } from '@/lib/course/assignments/page-assignment-grades';
import type { Locale } from '@/lib/i18n/locales';
import { AssignmentsGradebook } from './assignments-gradebook';

const TEXT = {
  title: { ko: '과제', en: 'Assignments' },
  help: { ko: '과제마다 지각 감점 후 점수입니다. 열 제목을 누르면 정렬됩니다.', en: 'Each assignment’s score after the late penalty. Click a header to sort.' },
  none: { ko: '아직 과제가 없습니다.', en: 'No assignments yet.' },
  noStudents: { ko: '아직 학생이 없습니다.', en: 'No students yet.' },
  manage: { ko: '과제 관리', en: 'Manage assignments' },
  csv: { ko: '과제 CSV', en: 'Assignments CSV' },
};

export interface AssignmentsGradebookSectionProps {
  actorId: string;
  classId: string;
  locale: Locale;
  /** The page's search params: `sort`, `dir` and `page` of the table (sorted and paged on the server). */
  searchParams: unknown;
  data?: ClassAssignments;
  isOnAssignmentsPage?: boolean;
}

/** The gradebook's assignment columns (instructors): one column per assignment, sortable, with CSV. */
export async function AssignmentsGradebookSection({ actorId, classId, locale, searchParams, data: loaded, isOnAssignmentsPage = false }: AssignmentsGradebookSectionProps) {
  // The assignments page has already evaluated every student: no second pass over the attempts.
  const data = loaded ?? (await listClassAssignments({ actorId, classId }));
  const shown = pageAssignmentGrades(data, searchParams, locale);
  return (
    <section aria-labelledby="assignments-title" style={{ marginTop: '2rem' }}>
      <h2 id="assignments-title">{TEXT.title[locale]}</h2>
      {/* On the assignments page itself, "manage" would be a link to the page you are on. */}
      {isOnAssignmentsPage && data.assignments.length === 0 ? null : (
        <p>
          {isOnAssignmentsPage ? null : <Link className="tap" href={`/classes/${classId}/assignments`}>{TEXT.manage[locale]}</Link>}
          {!isOnAssignmentsPage && data.assignments.length > 0 && ' · '}
          {data.assignments.length > 0 && <a className="tap" href={`/api/course/classes/${classId}/assignments.csv`} download>{TEXT.csv[locale]}</a>}
        </p>
      )}
      {data.assignments.length === 0 ? (
        <p className="muted">{TEXT.none[locale]}</p>
      ) : shown.info.total === 0 ? (
        <p className="muted">{TEXT.noStudents[locale]}</p>
      ) : (
        <>
          <p className="muted">{TEXT.help[locale]}</p>
          <AssignmentsGradebook
            locale={locale}
            path={`/classes/${classId}/assignments`}
            view={shown.view}
            info={shown.info}
            columns={data.assignments.map((a) => ({ id: a.id, title: a.title }))}
            rows={shown.students.map((s) => ({
              userId: s.userId,
              name: s.name,
              cells: Object.fromEntries(data.assignments.map((a) => {
                const r = data.results[a.id][s.userId];
                return [a.id, { score: r.score, status: r.status, isLate: r.isLate }];
              })),
            }))}
          />
        </>
      )}
    </section>
  );
}
