import type { AssignmentStatus } from '@/lib/course/assignments/evaluate-assignment';

// An assignment's status in words (client-safe): chips, the assignments page and both CSVs.
export const STATUS_TEXT: Record<AssignmentStatus, { ko: string; en: string }> = {
  UPCOMING: { ko: '시작 전', en: 'Opens later' },
  NOT_STARTED: { ko: '시작 안 함', en: 'Not started' },
  IN_PROGRESS: { ko: '진행 중', en: 'In progress' },
  DONE: { ko: '완료', en: 'Done' },
  // Finished, but with late work: the student is done (QA: one "Late" chip also meant "not done").
  DONE_LATE: { ko: '늦게 완료', en: 'Done late' },
  LATE: { ko: '기한 지남', en: 'Overdue' },
  MISSED: { ko: '놓침', en: 'Missed' },
};
