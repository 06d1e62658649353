import { toCsv } from '@/lib/http/csv';
import type { Locale } from '@/lib/i18n/locales';
import type { ClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import { STATUS_TEXT } from '@/lib/course/assignments/assignment-status-text';

const HEADERS = {
  name: { ko: '이름', en: 'Name' },
  email: { ko: '이메일', en: 'Email' },
  score: { ko: '(점수 %, 지각 감점 후)', en: '(score %, after late penalty)' },
  status: { ko: '(상태)', en: '(status)' },
} as const;

/** One row per student, two columns per assignment (score after the late penalty, status). */
export function buildAssignmentsCsv(data: ClassAssignments, locale: Locale): string {
  const header = [
    HEADERS.name[locale],
    HEADERS.email[locale],
    ...data.assignments.flatMap((a) => [`${a.title} ${HEADERS.score[locale]}`, `${a.title} ${HEADERS.status[locale]}`]),
  ];
  const lines = data.students.map((student) => [
    student.name,
    student.email,
    ...data.assignments.flatMap((a) => {
      const result = data.results[a.id][student.userId];
      return [String(Math.round(result.score * 1000) / 10), STATUS_TEXT[result.status][locale]];
    }),
  ]);
  return toCsv([header, ...lines]);
}
