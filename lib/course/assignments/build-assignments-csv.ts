import { csvField } from '@/lib/gradebook/build-gradebook-csv';
import type { Locale } from '@/lib/i18n/locales';
import type { ClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import type { AssignmentStatus } from '@/lib/course/assignments/evaluate-assignment';

const BOM = '\uFEFF';
const HEADERS = {
  name: { ko: '이름', en: 'Name' },
  email: { ko: '이메일', en: 'Email' },
  score: { ko: '(점수 %, 지각 감점 후)', en: '(score %, after late penalty)' },
  status: { ko: '(상태)', en: '(status)' },
} as const;

export const STATUS_TEXT: Record<AssignmentStatus, { ko: string; en: string }> = {
  UPCOMING: { ko: '시작 전', en: 'Opens later' },
  NOT_STARTED: { ko: '시작 안 함', en: 'Not started' },
  IN_PROGRESS: { ko: '진행 중', en: 'In progress' },
  DONE: { ko: '완료', en: 'Done' },
  LATE: { ko: '지각', en: 'Late' },
  MISSED: { ko: '놓침', en: 'Missed' },
};

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
  return BOM + [header, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}
