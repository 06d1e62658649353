import 'server-only';
import { isExerciseTypeId } from '@/engine/exercises';
import { requireClassRole } from '@/lib/auth/require-role';
import { examDeadline } from '@/lib/course/exams/exam-rules';
import { zonedToUtc } from '@/lib/course/assignments/zoned-time';
import { EXAM_TEXT, ZExamForm, type TExamInput } from '@/lib/course/exams/exam-schemas';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Locale, Localized } from '@/lib/i18n/locales';
import { localizedFieldErrors } from '@/lib/i18n/localized-issues';

const M = {
  notFound: { ko: '시험을 찾을 수 없습니다.', en: 'Exam not found.' },
  type: { ko: '알 수 없는 연습문제입니다.', en: 'Unknown exercise.' },
  started: {
    ko: '이미 시험을 시작한 학생이 있어 문제, 제한 시간, 시도 횟수, 감점은 바꿀 수 없습니다. 제목, 기간, 피드백, 공개 여부만 바꿀 수 있습니다.',
    en: 'Students have already begun this exam: its questions, time limit, attempts and credit can no longer change. Title, window, feedback and publishing still can.',
  },
  student: { ko: '이 수업의 학생이 아닙니다.', en: 'That person is not a student of this class.' },
} satisfies Record<string, Localized>;

interface ValidExam {
  title: string;
  opensAt: Date;
  closesAt: Date;
  timeLimitMinutes: number;
  maxAttempts: number;
  creditDecayPct: number;
  feedback: TExamInput['feedback'];
  questions: { typeId: string; points: number }[];
  isPublished: boolean;
}

function validateExamInput(input: TExamInput, timeZone: string, locale: Locale): ValidExam {
  // The form's own rules first (ZExamForm), then what only the server knows.
  const checked = ZExamForm.safeParse(input);
  const fieldErrors: Record<string, string[]> = checked.success ? {} : localizedFieldErrors(checked.error, locale);
  const fail = (field: string, text: Localized) => {
    if (!fieldErrors[field]?.includes(text[locale])) (fieldErrors[field] ??= []).push(text[locale]);
  };
  input.questions.forEach((q, index) => {
    if (!isExerciseTypeId(q.typeId)) fail(`questions.${index}.typeId`, M.type);
  });
  // Again on the UTC instants: a day that does not exist or a daylight-saving change can make
  // well-formed wall-clock times invalid or out of order.
  const opensAt = zonedToUtc(input.opensAt, timeZone);
  const closesAt = zonedToUtc(input.closesAt, timeZone);
  if (!opensAt) fail('opensAt', EXAM_TEXT.date);
  if (!closesAt) fail('closesAt', EXAM_TEXT.date);
  if (opensAt && closesAt && closesAt <= opensAt) fail('closesAt', EXAM_TEXT.order);
  const first = Object.values(fieldErrors)[0]?.[0];
  if (first || !opensAt || !closesAt) throw new AppError('BAD_REQUEST', first ?? EXAM_TEXT.date[locale], { fieldErrors });
  const { timeLimitMinutes, maxAttempts, creditDecayPct, feedback, isPublished } = input;
  return { title: input.title.trim(), opensAt, closesAt, timeLimitMinutes, maxAttempts, creditDecayPct, feedback, isPublished, questions: input.questions.map(({ typeId, points }) => ({ typeId, points })) };
}

function rowData({ questions, isPublished, ...fields }: ValidExam, publishedAt: Date | null) {
  void isPublished;
  return { ...fields, publishedAt, questions: { create: questions.map((q, position) => ({ ...q, position })) } };
}

async function classTimeZone(classId: string): Promise<string> {
  const found = await getDb().class.findUnique({ where: { id: classId }, select: { timeZone: true } });
  return found?.timeZone ?? 'Asia/Seoul';
}

/** Creates an exam in a class (instructors); published now when asked. */
export async function createExam({ actorId, classId, input, locale }: { actorId: string; classId: string; input: TExamInput; locale: Locale }): Promise<{ id: string }> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  const valid = validateExamInput(input, await classTimeZone(classId), locale);
  return getDb().exam.create({ data: { classId, ...rowData(valid, valid.isPublished ? new Date() : null) }, select: { id: true } });
}

/** The exam's class, for an instructor of it; 404 for anyone else (no hint that it exists). */
export async function requireExamInstructor(actorId: string, examId: string, locale: Locale) {
  const found = await getDb().exam.findFirst({
    where: { id: examId, class: { memberships: { some: { userId: actorId, role: 'INSTRUCTOR' } } } },
    select: {
      classId: true,
      publishedAt: true,
      opensAt: true,
      closesAt: true,
      timeLimitMinutes: true,
      maxAttempts: true,
      creditDecayPct: true,
      questions: { select: { typeId: true, points: true }, orderBy: { position: 'asc' } },
      _count: { select: { sessions: true } },
    },
  });
  if (!found) throw new AppError('NOT_FOUND', M.notFound[locale]);
  return found;
}

/**
 * Replaces an exam. Once a student has begun, what their work was graded under (questions,
 * points, time limit, attempts, credit) is frozen; the title, window, feedback and publishing
 * may still change (e.g. closing later for everyone).
 */
export async function updateExam({ actorId, examId, input, locale }: { actorId: string; examId: string; input: TExamInput; locale: Locale }): Promise<{ id: string }> {
  const current = await requireExamInstructor(actorId, examId, locale);
  const valid = validateExamInput(input, await classTimeZone(current.classId), locale);
  if (current._count.sessions > 0) {
    const isFrozenSame =
      valid.timeLimitMinutes === current.timeLimitMinutes &&
      valid.maxAttempts === current.maxAttempts &&
      valid.creditDecayPct === current.creditDecayPct &&
      JSON.stringify(valid.questions) === JSON.stringify(current.questions);
    if (!isFrozenSame) throw new AppError('CONFLICT', M.started[locale], { reason: 'exam-started' });
  }
  const publishedAt = valid.isPublished ? (current.publishedAt ?? new Date()) : null;
  return getDb().$transaction(async (tx) => {
    await tx.examQuestion.deleteMany({ where: { examId } });
    return tx.exam.update({ where: { id: examId }, data: rowData(valid, publishedAt), select: { id: true } });
  });
}

/** Deletes an exam with its sessions and exam attempts (mastery already counted stays). */
export async function deleteExam({ actorId, examId, locale }: { actorId: string; examId: string; locale: Locale }): Promise<void> {
  await requireExamInstructor(actorId, examId, locale);
  await getDb().exam.delete({ where: { id: examId } });
}

/** Releases results: students whose exam has ended now see their scores, feedback and the worked solutions. */
export async function releaseExam({ actorId, examId, locale }: { actorId: string; examId: string; locale: Locale }): Promise<{ releasedAt: Date }> {
  await requireExamInstructor(actorId, examId, locale);
  const { releasedAt } = await getDb().exam.update({ where: { id: examId }, data: { releasedAt: new Date() }, select: { releasedAt: true } });
  return { releasedAt: releasedAt ?? new Date() };
}

/**
 * Sets a student's extension in minutes (0 removes it). It applies at once, also to an exam in
 * progress; an exam that had timed out reopens if the new deadline is still ahead (the student
 * goes on with the same variants and attempts). A submitted exam stays submitted.
 */
export async function setExamExtension({ actorId, examId, userId, extraMinutes, locale, now = new Date() }: { actorId: string; examId: string; userId: string; extraMinutes: number; locale: Locale; now?: Date }): Promise<{ extraMinutes: number }> {
  const exam = await requireExamInstructor(actorId, examId, locale);
  const { classId } = exam;
  const member = await getDb().membership.findUnique({ where: { userId_classId: { userId, classId } }, select: { role: true } });
  if (member?.role !== 'STUDENT') throw new AppError('NOT_FOUND', M.student[locale], { fieldErrors: { userId: [M.student[locale]] } });
  if (extraMinutes === 0) await getDb().examExtension.deleteMany({ where: { examId, userId } });
  else await getDb().examExtension.upsert({ where: { examId_userId: { examId, userId } }, create: { examId, userId, extraMinutes }, update: { extraMinutes } });
  const session = await getDb().examSession.findUnique({ where: { examId_userId: { examId, userId } }, select: { id: true, startedAt: true, endReason: true } });
  if (session?.endReason === 'TIMED_OUT' && examDeadline(exam, session.startedAt, extraMinutes) > now) {
    await getDb().examSession.updateMany({ where: { id: session.id, endReason: 'TIMED_OUT' }, data: { endedAt: null, endReason: null, score: null } });
  }
  return { extraMinutes };
}
