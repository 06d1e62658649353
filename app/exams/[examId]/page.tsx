import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { orNotFound } from '@/components/ui/or-not-found';
import { ExamView } from '@/components/course/exams/exam-view';
import { requirePageUser } from '@/lib/accounts/require-page-user';
import { ZExamParams } from '@/lib/course/exams/exam-schemas';
import { getStudentExam } from '@/lib/course/exams/get-student-exam';
import { getLocale } from '@/lib/i18n/get-locale';
import { renderMarkdown } from '@/lib/markdown/render-markdown';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getLocale()) === 'ko' ? '시험' : 'Exam' };
}

const BACK = { ko: '← 대시보드', en: '← Dashboard' };

/** A student's exam: rules and honour code, then their questions with the server's countdown, then the results. */
export default async function ExamPage({ params }: { params: Promise<{ examId: string }> }) {
  const parsed = ZExamParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { examId } = parsed.data;
  const user = await requirePageUser(`/exams/${examId}`);
  const locale = await getLocale();
  const exam = await orNotFound(getStudentExam({ userId: user.id, examId, locale }));
  const promptHtml = Object.fromEntries(exam.questions.map((question) => [question.typeId, renderMarkdown(question.prompt[locale])]));
  return (
    <>
      <p><Link href="/dashboard" className="tap">{BACK[locale]}</Link></p>
      <ExamView locale={locale} initial={exam} promptHtml={promptHtml} />
    </>
  );
}
