import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTime } from '@/components/ui/date-time';
import { Filled } from '@/components/ui/filled';
import { orNotFound } from '@/components/ui/or-not-found';
import { AssignmentForm } from '@/components/course/assignment-form';
import { AssignmentsGradebookSection } from '@/components/course/assignments-gradebook-section';
import { DeleteAssignmentButton } from '@/components/course/delete-assignment-button';
import { STATUS_TEXT } from '@/lib/course/assignments/assignment-status-text';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { listClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import { utcToZoned } from '@/lib/course/assignments/zoned-time';
import { getDb } from '@/lib/db';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { getLocale } from '@/lib/i18n/get-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '과제' : 'Assignments' };
}

const TEXT = {
  title: { ko: '과제', en: 'Assignments' },
  back: { ko: '← 수업으로', en: '← Back to the class' },
  rule: {
    ko: '진행 상황은 저장하지 않고 학생의 풀이 기록에서 매번 계산합니다. 그래서 과제를 고치면 이미 한 풀이가 새 기간과 목표로 다시 평가되고, 삭제해도 풀이 기록은 남습니다.',
    en: 'Progress is never stored: it is computed from the students’ attempts each time. Editing an assignment re-evaluates work already done against the new window and targets; deleting it removes its column but keeps every attempt.',
  },
  draft: { ko: '비공개', en: 'Draft' },
  due: { ko: '마감', en: 'Due' },
  late: { ko: '지각 제출 {date}까지, {pct}% 감점', en: 'late work until {date}, −{pct} %' },
  noLate: { ko: '지각 제출 없음', en: 'no late work' },
};

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClassAssignmentsPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const user = await requirePageUser(`/classes/${classId}/assignments`);
  const [locale, query] = await Promise.all([getLocale(), searchParams]);
  const data = await orNotFound(listClassAssignments({ actorId: user.id, classId }));
  const [outline, owner] = await Promise.all([getCourseOutline(), getDb().class.findUniqueOrThrow({ where: { id: classId }, select: { timeZone: true, name: true } })]);
  const units = outline.filter((unit) => unit.unitId !== 'other').map((unit) => ({ unitId: unit.unitId, title: unit.title }));
  const types = outline.flatMap((unit) => unit.exercises.map((exercise) => ({ typeId: exercise.typeId, title: exercise.title })));
  const zone = owner.timeZone;
  return (
    <>
      <p><Link className="tap" href={`/classes/${classId}`}>{TEXT.back[locale]}</Link></p>
      <h1>{TEXT.title[locale]}: {owner.name}</h1>
      <p className="muted">{TEXT.rule[locale]}</p>
      <AssignmentForm locale={locale} classId={classId} timeZone={zone} units={units} types={types} />
      {data.assignments.map((assignment) => {
        const counts = new Map<string, number>();
        for (const result of Object.values(data.results[assignment.id])) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
        return (
          <details key={assignment.id} className="card" style={{ marginTop: '1rem' }} data-assignment={assignment.id}>
            <summary>
              <strong>{assignment.title}</strong> {!assignment.publishedAt && <span className="muted">({TEXT.draft[locale]})</span>}
              <br />
              <span className="muted">
                {TEXT.due[locale]} <DateTime value={assignment.dueAt} locale={locale} /> ·{' '}
                {assignment.lateUntil
                  ? <Filled template={TEXT.late[locale]} values={{ date: <DateTime value={assignment.lateUntil} locale={locale} />, pct: assignment.latePenaltyPct }} />
                  : TEXT.noLate[locale]}
              </span>
              <br />
              <span>{[...counts.entries()].map(([status, n]) => `${STATUS_TEXT[status as keyof typeof STATUS_TEXT][locale]} ${n}`).join(' · ')}</span>
            </summary>
            <AssignmentForm
              locale={locale}
              classId={classId}
              timeZone={zone}
              units={units}
              types={types}
              assignmentId={assignment.id}
              initial={{
                title: assignment.title,
                unitIds: assignment.unitIds,
                items: assignment.items,
                opensAt: utcToZoned(assignment.opensAt, zone),
                dueAt: utcToZoned(assignment.dueAt, zone),
                lateUntil: assignment.lateUntil ? utcToZoned(assignment.lateUntil, zone) : null,
                latePenaltyPct: assignment.latePenaltyPct,
                isPublished: assignment.publishedAt !== null,
              }}
            />
            <p><DeleteAssignmentButton locale={locale} assignmentId={assignment.id} /></p>
          </details>
        );
      })}
      <AssignmentsGradebookSection actorId={user.id} classId={classId} locale={locale} data={data} searchParams={query} isOnAssignmentsPage />
    </>
  );
}
