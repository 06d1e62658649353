import type { Gradebook } from '@/lib/gradebook/get-gradebook';
import type { Locale } from '@/lib/i18n/locales';
import { STATUS_TEXT } from '@/lib/course/assignments/assignment-status-text';
import { EXAM_STATUS_TEXT } from '@/lib/course/exams/exam-status-text';
import { fill } from '@/lib/i18n/fill';
import { toCsv } from '@/lib/http/csv';


const HEADERS = {
  name: { ko: '이름', en: 'Name' },
  email: { ko: '이메일', en: 'Email' },
  nickname: { ko: '닉네임', en: 'Nickname' },
  total: { ko: '합계', en: 'Total' },
  solved: { ko: '해결한 문제 수', en: 'Solved' },
  attempts: { ko: '시도 횟수', en: 'Attempts' },
  lastActivity: { ko: '마지막 활동 (UTC)', en: 'Last activity (UTC)' },
  unitPercent: { ko: '(유닛 %)', en: '(unit %)' },
  bestPercent: { ko: '(최고 %)', en: '(best %)' },
  liveSessions: { ko: '라이브 참여 횟수', en: 'Live sessions' },
  livePoints: { ko: '라이브 점수', en: 'Live points' },
  liveCorrect: { ko: '라이브 정답 수', en: 'Live correct' },
  liveQuestions: { ko: '라이브 문제 수', en: 'Live questions' },
  assignmentScore: { ko: '(과제 % 지각 감점 후)', en: '(assignment % after late penalty)' },
  assignmentTiming: { ko: '(제때/지각)', en: '(on time/late)' },
  status: { ko: '(상태)', en: '(status)' },
  examScore: { ko: '(시험 점수 /{points})', en: '(exam points /{points})' },
  onTime: { ko: '제때', en: 'on time' },
  late: { ko: '지각', en: 'late' },
} as const;

/**
 * The gradebook as CSV text: one row per student, unit percentages, best percentage per exercise,
 * live play, then per published assignment its score after the late penalty, on time or late, and
 * status, and per published exam its points (once the student's exam has ended) and status.
 */
export function buildGradebookCsv(gradebook: Gradebook, locale: Locale): string {
  const exercises = gradebook.units.flatMap((unit) => unit.exercises);
  const header = [
    HEADERS.name[locale],
    HEADERS.email[locale],
    HEADERS.nickname[locale],
    ...gradebook.units.map((unit) => `${unit.title[locale]} ${HEADERS.unitPercent[locale]}`),
    ...exercises.map((exercise) => `${exercise.title[locale]} ${HEADERS.bestPercent[locale]}`),
    `${HEADERS.total[locale]} (/${gradebook.exerciseCount})`,
    HEADERS.solved[locale],
    HEADERS.attempts[locale],
    HEADERS.lastActivity[locale],
    HEADERS.liveSessions[locale],
    HEADERS.livePoints[locale],
    HEADERS.liveCorrect[locale],
    HEADERS.liveQuestions[locale],
    ...gradebook.assignments.flatMap((assignment) => [
      `${assignment.title} ${HEADERS.assignmentScore[locale]}`,
      `${assignment.title} ${HEADERS.assignmentTiming[locale]}`,
      `${assignment.title} ${HEADERS.status[locale]}`,
    ]),
    ...gradebook.exams.flatMap((exam) => [
      `${exam.title} ${fill(HEADERS.examScore[locale], { points: exam.totalPoints })}`,
      `${exam.title} ${HEADERS.status[locale]}`,
    ]),
  ];
  const lines = gradebook.rows.map((row) => [
    row.name,
    row.email,
    row.nickname ?? '',
    ...gradebook.units.map((unit) => percent(row.unitScores[unit.unitId])),
    ...exercises.map((exercise) => {
      const best = row.cells[exercise.typeId]?.best;
      return best === null || best === undefined ? '' : percent(best);
    }),
    formatNumber(row.total),
    String(row.solvedCount),
    String(row.attempts),
    row.lastActivityAt ? row.lastActivityAt.toISOString() : '',
    String(row.live.sessions),
    String(row.live.points),
    String(row.live.correct),
    String(row.live.questions),
    ...gradebook.assignments.flatMap((assignment) => {
      const grade = row.course.assignments[assignment.id];
      if (!grade) return ['', '', ''];
      // On time or late only says something once work has counted.
      const timing = grade.score > 0 ? (grade.isLate ? HEADERS.late : HEADERS.onTime)[locale] : '';
      return [percent(grade.score), timing, STATUS_TEXT[grade.status][locale]];
    }),
    ...gradebook.exams.flatMap((exam) => {
      const grade = row.course.exams[exam.id];
      if (!grade) return ['', ''];
      return [grade.score === null ? '' : formatNumber(grade.score), EXAM_STATUS_TEXT[grade.status][locale]];
    }),
  ]);
  return toCsv([header, ...lines]);
}


function percent(score: number | undefined): string {
  return formatNumber((score ?? 0) * 100);
}

function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
